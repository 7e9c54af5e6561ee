// Issue 3: transient faults never end a wait early. Throttling (429 + Retry-After), 500/503, dropped
// sockets, a hung response and an expired token (401) during the wait and the activity query.
// Each test has its own emulator, so they run concurrently.
import { describe, expect, test } from 'vitest';
import { runStep, type StepResult } from '../support/action-runner.ts';
import { forRun, log, ops, since, withWorld } from '../support/resilience.ts';
import type { World } from '../support/scenario.ts';

/** Runs `quick`, scripted to stay InProgress for `ms`, with 1 s polls; returns the step and its requests. */
async function waitThrough(w: World, ms: number, env: Record<string, string> = {}) {
  w.emu.nextRunScript('quick', {
    phases: [
      { status: 'Queued', ms: 200 },
      { status: 'InProgress', ms },
    ],
  });
  const r = await runStep({
    inputs: { ...w.base, ...w.secretAuth, 'pipeline-name': 'quick', 'poll-interval': '1s' },
    env: { ...w.caEnv, ...env },
  });
  expect(w.emu.runs, log(r)).toHaveLength(1);
  const runId = w.emu.runs[0].runId;
  return { r, runId, reqs: since(w, 0), polls: forRun(w.emu.requests, runId, 'getRun') };
}

function expectSucceeded(r: StepResult, runId: string) {
  expect(r.exitCode, log(r)).toBe(0);
  expect(r.outputs['run-id']).toBe(runId);
  expect(r.outputs.status).toBe('Succeeded');
  expect(r.stdout).toContain(`Run ${runId} succeeded`);
}

describe.concurrent('transient faults during the wait', () => {
  test('429 with Retry-After on several polls: waits at least Retry-After each time, says so, succeeds', () =>
    withWorld(async (w) => {
      // Polls 2, 3 and 4 are throttled with Retry-After 2 s (the poll interval is 1 s).
      w.emu.faults.add({ service: 'arm', op: 'getRun', skip: 1, count: 3, fault: { status: 429, retryAfter: 2 } });
      const { r, runId, polls } = await waitThrough(w, 6_000);
      expectSucceeded(r, runId);
      const throttled = polls.filter((p) => p.status === 429);
      expect(throttled, log(r)).toHaveLength(3);
      for (const t of throttled) {
        const next = polls[polls.indexOf(t) + 1];
        expect(next, 'a poll after every 429').toBeDefined();
        expect(next.at - t.at, `gap after the 429 at ${t.at}`).toBeGreaterThanOrEqual(2_000);
      }
      // The spell is reported once, with Retry-After, and so is its end.
      const said = r.stdout.match(
        new RegExp(
          `Azure is throttling requests \\(HTTP 429 SubscriptionRequestsThrottled, retry after 2s\\); still waiting for run ${runId} and asking again`,
          'g',
        ),
      );
      expect(said, log(r)).toHaveLength(1);
      expect(r.stdout).toMatch(/Azure answers again after 3 failed attempt\(s\)/);
    }));

  test('500, 503 and a dropped socket on polls: the wait goes on, says so, and succeeds', () =>
    withWorld(async (w) => {
      // Polls 2, 4 and 6 fail, each a spell of its own. (A rule only counts the requests that earlier
      // rules let through, hence skip 1, 2, 3.)
      const faults = [{ status: 500 }, { status: 503 }, { drop: 'before' as const }];
      faults.forEach((fault, i) => w.emu.faults.add({ service: 'arm', op: 'getRun', skip: 1 + i, count: 1, fault }));
      const { r, runId, polls } = await waitThrough(w, 7_000);
      expect(polls.findIndex((p) => p.fault === 'drop:before')).toBe(5);
      expectSucceeded(r, runId);
      expect(
        polls.filter((p) => p.fault).map((p) => p.status),
        log(r),
      ).toEqual([500, 503, 'dropped']);
      const still = `; still waiting for run ${runId} and asking again`;
      expect(r.stdout).toContain(`Azure answered HTTP 500 InternalServerError`);
      expect(r.stdout).toMatch(new RegExp(`Azure answered HTTP 500 InternalServerError.*${still}`));
      expect(r.stdout).toMatch(new RegExp(`Azure answered HTTP 503 ServiceUnavailable.*${still}`));
      expect(r.stdout).toMatch(new RegExp(`Could not reach Azure: .*${still}`));
      expect(r.stdout.match(/Azure answers again after 1 failed attempt/g)).toHaveLength(3);
    }));

  test('500, 503 and dropped sockets on the activity query: the report still has the activities', () =>
    withWorld(async (w) => {
      for (const fault of [{ status: 500 }, { drop: 'before' as const }, { status: 503 }])
        w.emu.faults.add({ service: 'arm', op: 'queryActivityRuns', count: 1, fault });
      const r = await runStep({
        inputs: { ...w.base, ...w.secretAuth, 'pipeline-name': 'nightly-fail', 'poll-interval': '1s' },
        env: w.caEnv,
      });
      const runId = w.emu.runs[0].runId;
      const queries = forRun(w.emu.requests, runId, 'queryActivityRuns');
      expect(
        queries.map((q) => q.status),
        log(r),
      ).toEqual([500, 'dropped', 503, 200]);
      // The run failed; the user is told which activity failed and why, as without faults.
      expect(r.exitCode).toBe(1);
      expect(r.outputs.status).toBe('Failed');
      expect(JSON.parse(r.outputs['failed-activities'])).toEqual([
        expect.objectContaining({ name: 'Copy sales', errorCode: '2200', failureType: 'UserError' }),
      ]);
      expect(r.annotations).toContainEqual(expect.objectContaining({ level: 'error', title: 'Copy sales' }));
      expect(r.summary).toContain('Lookup config');
      expect(r.all).not.toMatch(/Could not read the activity runs/);
    }));

  test('a hung poll (no answer) times out after the request timeout and the wait goes on', () =>
    withWorld(async (w) => {
      w.emu.faults.add({ service: 'arm', op: 'getRun', skip: 1, count: 1, fault: { hang: true } });
      const { r, runId, polls } = await waitThrough(w, 4_000, { ADF_ACTION_REQUEST_TIMEOUT_MS: '2000' });
      expectSucceeded(r, runId);
      const hung = polls.find((p) => p.status === 'hung');
      expect(hung, log(r)).toBeDefined();
      const next = polls[polls.indexOf(hung!) + 1];
      expect(next.at - hung!.at).toBeGreaterThanOrEqual(2_000);
      expect(r.stdout).toMatch(
        new RegExp(`Could not reach Azure: .*no answer within 2s.*; still waiting for run ${runId} and asking again`),
      );
    }));

  test('401 (expired token) mid-wait: signs in again and succeeds', () =>
    withWorld(async (w) => {
      w.emu.faults.add({ service: 'arm', op: 'getRun', skip: 2, count: 1, fault: { status: 401 } });
      const { r, runId, reqs, polls } = await waitThrough(w, 3_000);
      expectSucceeded(r, runId);
      const rejected = polls.find((p) => p.status === 401);
      expect(rejected, log(r)).toBeDefined();
      const tokens = ops(reqs, 'token', 'entra');
      expect(
        tokens.filter((t) => t.at > rejected!.at).length,
        'a new Entra token request after the 401',
      ).toBeGreaterThanOrEqual(1);
      // The poll was sent again at once, with the new token.
      const retried = polls[polls.indexOf(rejected!) + 1];
      expect(retried.status).toBe(200);
      expect(retried.headers.authorization).not.toBe(rejected!.headers.authorization);
      expect(r.stdout).toContain('Azure rejected the access token during get run; signing in again.');
      expect(problems401(r)).toEqual([]);
    }));
});

/** A re-authentication is routine: no warning or error for it. */
function problems401(r: StepResult) {
  return r.annotations.filter((a) => a.level !== 'notice' && /401|token/i.test(a.message));
}
