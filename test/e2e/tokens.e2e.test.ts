// Issue 3: long waits outlive their tokens. Entra access tokens that live 3 s and GitHub ID tokens
// that live 5 s, across a run of ~20 s: the action fetches a fresh ID token for each Entra token
// request and a new access token before the old one expires, so ARM never turns it away.
// Each test has its own emulator, so they run concurrently.
import { describe, expect, test } from 'vitest';
import { runStep } from '../support/action-runner.ts';
import { forRun, log, ops, withWorld } from '../support/resilience.ts';

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

describe.concurrent('short-lived tokens', () => {
  test('OIDC with 3 s access tokens and 5 s ID tokens through a 20 s run', () =>
    withWorld(
      async (w) => {
        w.emu.nextRunScript('quick', {
          phases: [
            { status: 'Queued', ms: 500 },
            { status: 'InProgress', ms: 19_500 },
          ],
        });
        const r = await runStep({
          inputs: { ...w.base, ...w.oidcAuth, auth: 'oidc', 'pipeline-name': 'quick', 'poll-interval': '2s' },
          env: w.oidcEnv,
        });
        expect(w.emu.runs, log(r)).toHaveLength(1);
        const runId = w.emu.runs[0].runId;
        expect(r.exitCode, log(r)).toBe(0);
        expect(r.outputs['run-id']).toBe(runId);
        expect(r.outputs.status).toBe('Succeeded');

        const arm = w.emu.requests.filter((q) => q.service === 'arm');
        const idTokens = ops(w.emu.requests, 'idToken', 'oidc');
        const tokens = ops(w.emu.requests, 'token', 'entra');
        // The wait spans several lifetimes of both tokens.
        expect(idTokens.length, log(r)).toBeGreaterThanOrEqual(4);
        expect(tokens.length).toBeGreaterThanOrEqual(4);
        expect(tokens.every((t) => t.status === 200)).toBe(true);
        // Every assertion sent to Entra was a fresh ID token, not expired when it arrived.
        for (const t of tokens) {
          const assertion = (t.body as Record<string, string>).client_assertion;
          expect(claims(assertion).exp * 1000, 'ID token still valid when Entra got it').toBeGreaterThan(t.at);
        }
        // Every ARM request carried a token that was still valid, so ARM never answered 401.
        for (const q of arm) {
          const token = q.headers.authorization?.replace(/^Bearer /, '') ?? '';
          expect(claims(token).exp * 1000, `${q.op} at ${q.at}: token still valid`).toBeGreaterThan(q.at);
        }
        expect(arm.filter((q) => q.status === 401)).toEqual([]);
        // Several distinct access tokens were used over the run.
        const used = new Set(forRun(arm, runId, 'getRun').map((q) => q.headers.authorization));
        expect(used.size).toBeGreaterThanOrEqual(3);
        expect(r.stdout).not.toMatch(/signing in again/);
      },
      { tokenLifetimeSec: 3, idTokenLifetimeSec: 5 },
    ));

  test('the OIDC token service is down while the access token expires between polls: the wait goes on', () =>
    withWorld(
      async (w) => {
        // Access tokens live 6 s, polls come every 3.5 s: each poll finds the token due for renewal, not
        // yet expired. From 1 s after the first poll, the GitHub token service drops every connection
        // for 7 s, so renewal fails until after the token has expired, while no request is in flight.
        // A renewal left running in the background (as the SDK's bearer policy does) then rejects with
        // nobody awaiting it, and the unhandled rejection kills the step.
        w.emu.nextRunScript('quick', {
          phases: [
            { status: 'Queued', ms: 200 },
            { status: 'InProgress', ms: 12_000 },
          ],
        });
        const outage: { from?: number; to?: number } = {};
        const watch = setInterval(() => {
          const first = w.emu.requestsFor('getRun')[0];
          if (!first || outage.from) return;
          outage.from = first.at + 1_000;
          outage.to = outage.from + 7_000;
          setTimeout(() => {
            const rule = w.emu.faults.add({
              service: 'oidc',
              op: 'idToken',
              count: Infinity,
              fault: { drop: 'before' },
            });
            setTimeout(() => rule.remove(), outage.to! - outage.from!);
          }, outage.from - Date.now());
        }, 20);
        const r = await runStep({
          inputs: { ...w.base, ...w.oidcAuth, auth: 'oidc', 'pipeline-name': 'quick', 'poll-interval': '3.5' },
          env: w.oidcEnv,
        }).finally(() => clearInterval(watch));
        const runId = w.emu.runs.at(-1)!.runId;
        const dropped = ops(w.emu.requests, 'idToken', 'oidc').filter((q) => q.status === 'dropped');
        expect(dropped.length, 'the outage happened').toBeGreaterThanOrEqual(1);
        expect(r.stderr, log(r)).not.toMatch(/Error/);
        expect(r.exitCode, log(r)).toBe(0);
        expect(r.outputs['run-id']).toBe(runId);
        expect(r.outputs.status).toBe('Succeeded');
        expect(w.emu.runStatus(runId)).toBe('Succeeded');
      },
      { tokenLifetimeSec: 6 },
    ));
  test('a hung Entra token request times out and the next poll signs in afresh', () =>
    withWorld(
      async (w) => {
        w.emu.nextRunScript('quick', {
          phases: [
            { status: 'Queued', ms: 500 },
            { status: 'InProgress', ms: 11_500 },
          ],
        });
        // The first token request (before the run) answers; the second, a renewal mid-wait, hangs.
        w.emu.faults.add({ service: 'entra', op: 'token', skip: 1, count: 1, fault: { hang: true } });
        const r = await runStep({
          inputs: { ...w.base, ...w.secretAuth, 'pipeline-name': 'quick', 'poll-interval': '2s' },
          env: { ...w.caEnv, ADF_ACTION_REQUEST_TIMEOUT_MS: '2000' },
        });
        expect(r.exitCode, log(r)).toBe(0);
        expect(r.outputs.status).toBe('Succeeded');
        expect(w.emu.runs).toHaveLength(1);
        const tokens = ops(w.emu.requests, 'token', 'entra');
        expect(tokens.map((t) => t.status)).toContain('hung');
        // Signing in worked again after the hung request was given up on.
        const hungAt = tokens.find((t) => t.status === 'hung')!.at;
        expect(tokens.some((t) => t.status === 200 && t.at > hungAt)).toBe(true);
        expect(r.stdout).toMatch(/no token from Entra ID within 2s/);
        expect(r.stdout).toMatch(/still waiting for run/);
      },
      { tokenLifetimeSec: 4 },
    ));
});
