// Issue 3: createRun is not idempotent. It is resent only when Azure surely started nothing (429, a
// connection that never carried the request); after an ambiguous failure the action looks for the
// run before sending again, adopts exactly one match, and refuses to guess among several.
// Each test has its own emulator, so they run concurrently.
import { describe, expect, test } from 'vitest';
import { runStep } from '../support/action-runner.ts';
import { createRunDirectly, log, looks, ops, withWorld } from '../support/resilience.ts';
import type { World } from '../support/scenario.ts';

const PARAMS = 'batchSize: 100\nfullRefresh: true';

function start(w: World, pipeline = 'daily-load', parameters = PARAMS) {
  return runStep({
    inputs: { ...w.base, ...w.secretAuth, 'pipeline-name': pipeline, parameters, 'poll-interval': '1s' },
    env: { ...w.caEnv, ADF_ACTION_SETTLE_MS: '500' },
  });
}

describe.concurrent('no duplicate runs', () => {
  test('createRun answered 503 (nothing created): looks, finds nothing, sends again; one run', () =>
    withWorld(async (w) => {
      w.emu.faults.add({ service: 'arm', op: 'createRun', count: 1, fault: { status: 503 } });
      const r = await start(w);
      expect(w.emu.runs, log(r)).toHaveLength(1);
      const run = w.emu.runs[0];
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.outputs['run-id']).toBe(run.runId);
      expect(r.outputs.status).toBe('Succeeded');
      expect(ops(w.emu.requests, 'createRun').map((q) => q.status)).toEqual([503, 200]);
      // It looked before sending again, filtered by pipeline and time.
      const queries = looks(w.emu.requests);
      expect(queries.length).toBeGreaterThanOrEqual(1);
      expect(queries[0].at).toBeGreaterThan(ops(w.emu.requests, 'createRun')[0].at);
      expect(JSON.stringify(queries[0].body)).toContain('daily-load');
      expect(queries[0].body).toHaveProperty('lastUpdatedAfter');
      expect(r.stdout).toContain('checking whether Azure started the run anyway');
      expect(r.stdout).toContain('No run was started by the failed request; sending createRun again.');
    }));

  test("createRun's connection dropped after the run was created: the run is adopted, not duplicated", () =>
    withWorld(async (w) => {
      // Someone else's run of the same pipeline with other parameters, just before ours: not a candidate.
      const other = await createRunDirectly(w, 'daily-load', { batchSize: 7 });
      w.emu.faults.add({ service: 'arm', op: 'createRun', count: 1, fault: { drop: 'after' } });
      const r = await start(w);
      const ours = w.emu.runs.filter((x) => x.runId !== other);
      expect(ours, log(r)).toHaveLength(1);
      const run = ours[0];
      const creates = ops(w.emu.requests, 'createRun');
      expect(creates.at(-1)).toMatchObject({ status: 'dropped', wouldHaveBeen: 200 });
      expect(creates, "the test's createRun and the action's single one").toHaveLength(2);
      expect(looks(w.emu.requests).length).toBeGreaterThanOrEqual(1);
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.outputs['run-id']).toBe(run.runId);
      expect(r.outputs.status).toBe('Succeeded');
      expect(r.stdout).toContain(
        `Found the run the failed request started: ${run.runId}. Using it instead of starting another.`,
      );
      expect(r.stdout).toContain(`Started run ${run.runId}`);
      expect(w.emu.runStatus(other)).toBe('Succeeded');
    }));

  test('createRun dropped while another matching run appeared: clear failure listing both, no third run', () =>
    withWorld(async (w) => {
      // A run with the same pipeline and parameters, started by someone else in the same window.
      const other = await createRunDirectly(w, 'daily-load', { batchSize: 100, fullRefresh: true });
      const unrelated = await createRunDirectly(w, 'daily-load', { batchSize: 7 });
      w.emu.faults.add({ service: 'arm', op: 'createRun', count: 1, fault: { drop: 'after' } });
      const r = await start(w);
      expect(w.emu.runs, log(r)).toHaveLength(3);
      const mine = w.emu.runs.find((x) => x.runId !== other && x.runId !== unrelated)!;
      expect(r.exitCode, log(r)).toBe(1);
      expect(r.failure).toContain('2 runs of this pipeline with these parameters');
      expect(r.failure).toContain(mine.runId);
      expect(r.failure).toContain(other);
      expect(r.failure).not.toContain(unrelated);
      expect(r.failure).toMatch(/will not guess which is yours nor start another/);
      // Only the one (dropped) createRun of the action; nothing was sent again.
      expect(ops(w.emu.requests, 'createRun')).toHaveLength(3);
      expect(r.outputs['run-id']).toBeUndefined();
      expect(r.state['run-id']).toBeUndefined();
    }));

  test('createRun throttled (429 + Retry-After): sent again after Retry-After without looking; one run', () =>
    withWorld(async (w) => {
      w.emu.faults.add({ service: 'arm', op: 'createRun', count: 1, fault: { status: 429, retryAfter: 3 } });
      const r = await start(w, 'quick', '');
      expect(w.emu.runs, log(r)).toHaveLength(1);
      const creates = ops(w.emu.requests, 'createRun');
      expect(creates.map((q) => q.status)).toEqual([429, 200]);
      expect(creates[1].at - creates[0].at).toBeGreaterThanOrEqual(3_000);
      expect(looks(w.emu.requests)).toEqual([]);
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.outputs['run-id']).toBe(w.emu.runs[0].runId);
      expect(r.stdout).toMatch(
        /Azure is throttling createRun \(HTTP 429 SubscriptionRequestsThrottled\); sending it again in 3s/,
      );
    }));

  test('signing in fails just before createRun (OIDC token service drops): nothing was sent, sent once later; one run', () =>
    withWorld(async (w) => {
      // With validate-parameters off, createRun is the first ARM request and needs the first token.
      w.emu.faults.add({ service: 'oidc', op: 'idToken', count: 1, fault: { drop: 'before' } });
      const r = await runStep({
        inputs: {
          ...w.base,
          ...w.oidcAuth,
          auth: 'oidc',
          'pipeline-name': 'quick',
          'validate-parameters': 'false',
          'poll-interval': '1s',
        },
        env: { ...w.oidcEnv, ADF_ACTION_SETTLE_MS: '500' },
      });
      expect(ops(w.emu.requests, 'idToken', 'oidc')[0].status, log(r)).toBe('dropped');
      expect(w.emu.runs, log(r)).toHaveLength(1);
      expect(ops(w.emu.requests, 'createRun').map((q) => q.status)).toEqual([200]);
      // Nothing had gone out, so there was nothing to look for.
      expect(looks(w.emu.requests)).toEqual([]);
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.outputs['run-id']).toBe(w.emu.runs[0].runId);
      expect(r.stdout).toMatch(/Could not sign in to send createRun \(.*\); nothing was sent, so trying again in 2s/);
    }));

  test('createRun connection dropped before it was processed: looks, finds nothing, sends again; one run', () =>
    withWorld(async (w) => {
      w.emu.faults.add({ service: 'arm', op: 'createRun', count: 1, fault: { drop: 'before' } });
      const r = await start(w, 'quick', '');
      expect(w.emu.runs, log(r)).toHaveLength(1);
      expect(ops(w.emu.requests, 'createRun').map((q) => q.status)).toEqual(['dropped', 200]);
      expect(looks(w.emu.requests).length).toBeGreaterThanOrEqual(1);
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.outputs['run-id']).toBe(w.emu.runs[0].runId);
    }));
});
