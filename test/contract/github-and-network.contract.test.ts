// The GitHub REST fake (what Octokit needs for pull-request comments) and the network faults that are
// not HTTP answers: connection refusals and host names that do not resolve. Plain node:https.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, startEmulator, type Emulator } from '../emulator/index.ts';
import { http, type HttpOptions } from './helpers.ts';

let emu: Emulator;
const REPO = '/repos/octo-org/octo-repo';
const gh = (method: string, path: string, opts: HttpOptions = {}, token = emu.github.config.token) =>
  http(emu, method, `${emu.githubUrl}${path}`, {
    ...opts,
    headers: { authorization: `token ${token}`, accept: 'application/vnd.github+json', ...(opts.headers ?? {}) },
  });
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (e: NodeJS.ErrnoException) => e.code,
  );

beforeAll(async () => {
  emu = await startEmulator({ seed: true });
});
afterAll(async () => {
  await emu?.close();
});
afterEach(() => {
  emu.github.config.permission = 'write';
  emu.faults.clear();
});

describe('GitHub REST API fake', () => {
  it('creates, lists (paged with Link) and updates issue comments as github-actions[bot]', async () => {
    emu.github.addPull('octo-org', 'octo-repo', 7);
    const made = [];
    for (const body of ['one', 'two', 'three']) {
      const r = await gh('POST', `${REPO}/issues/7/comments`, { json: { body } });
      expect(r.status, r.text).toBe(201);
      made.push(r.json);
    }
    const c = made[0];
    expect(c).toMatchObject({
      id: expect.any(Number),
      node_id: expect.stringMatching(/^IC_/),
      url: `${emu.githubUrl}${REPO}/issues/comments/${c.id}`,
      html_url: `https://github.com/octo-org/octo-repo/pull/7#issuecomment-${c.id}`,
      body: 'one',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      updated_at: expect.any(String),
    });
    expect(emu.github.comments('octo-org', 'octo-repo', 7).map((x) => x.body)).toEqual(['one', 'two', 'three']);

    const p1 = await gh('GET', `${REPO}/issues/7/comments?per_page=2`);
    expect(p1.status).toBe(200);
    expect(p1.json.map((x: { body: string }) => x.body)).toEqual(['one', 'two']);
    expect(p1.headers['content-type']).toBe('application/json; charset=utf-8');
    const next = /<([^>]+)>; rel="next"/.exec(String(p1.headers.link))?.[1];
    expect(next).toBe(`${emu.githubUrl}${REPO}/issues/7/comments?per_page=2&page=2`);
    expect(p1.headers.link).toContain('rel="last"');
    const p2 = await http(emu, 'GET', next!, { headers: { authorization: `Bearer ${emu.github.config.token}` } });
    expect(p2.json.map((x: { body: string }) => x.body)).toEqual(['three']);
    expect(p2.headers.link).not.toContain('rel="next"');
    expect(p2.headers.link).toContain('rel="prev"');

    const u = await gh('PATCH', `${REPO}/issues/comments/${c.id}`, { json: { body: 'one, edited' } });
    expect(u.status).toBe(200);
    expect(u.json).toMatchObject({ id: c.id, body: 'one, edited' });
    expect(emu.github.comments('octo-org', 'octo-repo', 7)[0]!.body).toBe('one, edited');
    expect(emu.requestsFor('updateComment', 'github')).toHaveLength(1);
  });

  it('reads a pull request; unknown ones, unknown comments and bad bodies are refused like GitHub', async () => {
    const pr = await gh('GET', `${REPO}/pulls/1`);
    expect(pr.status).toBe(200);
    expect(pr.json).toMatchObject({
      number: 1,
      state: 'open',
      head: { ref: expect.any(String) },
      base: { ref: 'main' },
    });
    expect((await gh('GET', `${REPO}/pulls/999`)).json).toMatchObject({ message: 'Not Found', status: '404' });
    expect((await gh('PATCH', `${REPO}/issues/comments/1`, { json: { body: 'x' } })).status).toBe(404);
    expect((await gh('POST', `${REPO}/issues/1/comments`, { json: {} })).status).toBe(422);
  });

  it('checks the token and the permission mode', async () => {
    const bad = await gh('GET', `${REPO}/issues/1/comments`, {}, 'ghs_wrong');
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
    expect((await http(emu, 'GET', `${emu.githubUrl}${REPO}/issues/1/comments`)).status).toBe(401);

    emu.github.config.permission = 'read';
    expect((await gh('GET', `${REPO}/issues/1/comments`)).status).toBe(200);
    const denied = await gh('POST', `${REPO}/issues/1/comments`, { json: { body: 'x' } });
    expect(denied.status).toBe(403);
    expect(denied.text).toBe(
      '{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/issues/comments#create-an-issue-comment","status":"403"}',
    );
    emu.github.config.permission = 'none';
    expect((await gh('GET', `${REPO}/issues/1/comments`)).status).toBe(403);
    expect((await gh('GET', `${REPO}/pulls/1`)).status).toBe(403);
  });

  it('githubEnv() describes a pull_request event; env() is unchanged', async () => {
    const env = emu.githubEnv({ pullNumber: 1 });
    expect(env).toMatchObject({
      GITHUB_API_URL: emu.githubUrl,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_TOKEN: emu.github.config.token,
      NODE_EXTRA_CA_CERTS: emu.caFile,
    });
    const { readFileSync } = await import('node:fs');
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH!, 'utf8'));
    expect(event).toMatchObject({ number: 1, pull_request: { number: 1 } });
    expect(Object.keys(emu.env()).sort()).toEqual([
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_URL',
      'NODE_EXTRA_CA_CERTS',
    ]);
  });
});

describe('connection refusals and unresolvable hosts', () => {
  const factory = () =>
    `${emu.armUrl}/subscriptions/${DEFAULTS.subscriptionId}/resourceGroups/${DEFAULTS.resourceGroup}/providers/Microsoft.DataFactory/factories/${DEFAULTS.factoryName}?api-version=2018-06-01`;

  it('refuseConnections: ECONNREFUSED until it listens again on the same port', async () => {
    await emu.refuseConnections('arm', 300);
    expect(await code(http(emu, 'GET', factory()))).toBe('ECONNREFUSED');
    expect(await code(http(emu, 'GET', `${emu.entraUrl}/x`))).toBe('answered');
    await new Promise((r) => setTimeout(r, 400));
    expect((await http(emu, 'GET', factory())).status).toBe(401);

    await emu.refuseConnections('arm');
    expect(await code(http(emu, 'GET', factory()))).toBe('ECONNREFUSED');
    await emu.acceptConnections('arm');
    expect((await http(emu, 'GET', factory())).status).toBe(401);
  });

  it('a refuseForMs fault answers that request, then refuses', async () => {
    emu.faults.add({ service: 'arm', op: 'getFactory', fault: { refuseForMs: 300 } });
    expect((await http(emu, 'GET', factory())).status).toBe(401);
    expect(emu.requestsFor('getFactory').at(-1)).toMatchObject({ fault: 'refuse', status: 401 });
    expect(await code(http(emu, 'GET', factory()))).toBe('ECONNREFUSED');
    await new Promise((r) => setTimeout(r, 400));
    expect((await http(emu, 'GET', factory())).status).toBe(401);
  });

  it('unresolvableUrl: a .invalid host name fails with ENOTFOUND, quickly', async () => {
    const url = emu.unresolvableUrl('arm');
    expect(url).toMatch(/^https:\/\/arm\.emulator\.invalid:\d+$/);
    const t = Date.now();
    expect(await code(http(emu, 'GET', `${url}/subscriptions`))).toBe('ENOTFOUND');
    expect(Date.now() - t).toBeLessThan(5_000);
  });
});
