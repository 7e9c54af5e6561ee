// Exactly one run per start (issues 3 and 11). ADF takes createRun's x-ms-client-request-id as the run
// ID and answers a repeat with the earlier run, so the action chooses the ID first and resends an
// unanswered or ambiguous createRun with the same ID: never a second run, and no query needed.
// With the emulator's honourClientRequestId off, the action takes the service's answer instead.
// (The list-based check, for services without that header, is covered in test/unit/run/start.test.ts.)
// Each test has its own emulator, so they run concurrently.
import { describe, expect, test } from 'vitest';
import { savedRun } from './helpers.ts';
import { runStep } from '../support/action-runner.ts';
import { createRunDirectly, log, looks, ops, withWorld } from '../support/resilience.ts';
import type { World } from '../support/scenario.ts';

const PARAMS = 'batchSize: 100\nfullRefresh: true';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function start(w: World, pipeline = 'daily-load', parameters = PARAMS) {
  return runStep({
    inputs: { ...w.base, ...w.secretAuth, 'pipeline-name': pipeline, parameters, 'poll-interval': '1s' },
    env: { ...w.caEnv, ADF_ACTION_SETTLE_MS: '1500' },
  });
}

/** The action's createRuns (the test's own carry no client request ID) and the one ID they all carried. */
function attempts(w: World) {
  const creates = ops(w.emu.requests, 'createRun').filter((q) => q.headers['x-ms-client-request-id']);
  const ids = [...new Set(creates.map((q) => q.headers['x-ms-client-request-id']))];
  return { creates, ids };
}

describe.concurrent('exactly one run per start', () => {
  test('createRun answered 503: sent again with the same client request ID, no query; one run with that ID', () =>
    withWorld(async (w) => {
      w.emu.faults.add({ service: 'arm', op: 'createRun', count: 1, fault: { status: 503 } });
      const r = await start(w);
      expect(w.emu.runs, log(r)).toHaveLength(1);
      const { creates, ids } = attempts(w);
      expect(creates.map((q) => q.status)).toEqual([503, 200]);
      expect(ids).toHaveLength(1);
      expect(ids[0]).toMatch(GUID);
      expect(w.emu.runs[0].runId).toBe(ids[0]);
      expect(looks(w.emu.requests)).toEqual([]);
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.outputs['run-id']).toBe(ids[0]);
      expect(r.outputs.started).toBe('true');
      expect(r.stdout).toContain(`with the same client request ID ${ids[0]}`);
    }));

  test("createRun's answer lost (connection dropped after the run was created): the resend answers the same run; one run", () =>
    withWorld(async (w) => {
      // Someone else's run of the same pipeline and parameters, just before ours: irrelevant now.
      const other = await createRunDirectly(w, 'daily-load', { batchSize: 100, fullRefresh: true });
      w.emu.faults.add({ service: 'arm', op: 'createRun', count: 1, fault: { drop: 'after' } });
      const r = await start(w);
      const ours = w.emu.runs.filter((x) => x.runId !== other);
      expect(ours, log(r)).toHaveLength(1);
      const run = ours[0];
      const { creates, ids } = attempts(w);
      expect(creates.map((q) => q.status)).toEqual(['dropped', 200]);
      expect(creates[0]).toMatchObject({ wouldHaveBeen: 200 });
      expect(ids, 'every attempt carried the same client request ID').toEqual([run.runId]);
      expect(run.repeatedCreates, 'the second createRun was answered with the first one’s run').toHaveLength(1);
      expect(looks(w.emu.requests)).toEqual([]);
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.outputs['run-id']).toBe(run.runId);
      expect(r.outputs.status).toBe('Succeeded');
      expect(r.stdout).toContain(`answered run ${run.runId}, the ID chosen before the first attempt`);
      expect(w.emu.runStatus(other)).toBe('Succeeded');
      // Saved before the first send, and the in-flight mark cleared once answered.
      expect(savedRun(r)?.runId).toBe(run.runId);
      expect(savedRun(r)?.inFlight).toBe(false);
    }));

  test('createRun dropped twice, then answered: three attempts, one ID, one run', () =>
    withWorld(async (w) => {
      w.emu.faults.add({ service: 'arm', op: 'createRun', count: 2, fault: { drop: 'after' } });
      const r = await start(w, 'quick', '');
      expect(w.emu.runs, log(r)).toHaveLength(1);
      const { creates, ids } = attempts(w);
      expect(creates.map((q) => q.status)).toEqual(['dropped', 'dropped', 200]);
      expect(ids).toEqual([w.emu.runs[0].runId]);
      expect(r.exitCode, log(r)).toBe(0);
    }));

  test('createRun throttled (429 + Retry-After): sent again after Retry-After with the same ID; one run', () =>
    withWorld(async (w) => {
      w.emu.faults.add({ service: 'arm', op: 'createRun', count: 1, fault: { status: 429, retryAfter: 3 } });
      const r = await start(w, 'quick', '');
      expect(w.emu.runs, log(r)).toHaveLength(1);
      const { creates, ids } = attempts(w);
      expect(creates.map((q) => q.status)).toEqual([429, 200]);
      expect(ids).toEqual([w.emu.runs[0].runId]);
      expect(creates[1].at - creates[0].at).toBeGreaterThanOrEqual(3_000);
      expect(looks(w.emu.requests)).toEqual([]);
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.stdout).toMatch(/createRun was not accepted \(.*429.*\); nothing was started, sending it again in 3s/);
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
        env: { ...w.oidcEnv, ADF_ACTION_SETTLE_MS: '1500' },
      });
      expect(ops(w.emu.requests, 'idToken', 'oidc')[0].status, log(r)).toBe('dropped');
      expect(w.emu.runs, log(r)).toHaveLength(1);
      expect(ops(w.emu.requests, 'createRun').map((q) => q.status)).toEqual([200]);
      expect(looks(w.emu.requests)).toEqual([]);
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.outputs['run-id']).toBe(w.emu.runs[0].runId);
      expect(r.stdout).toMatch(/createRun was not accepted \(.*\); nothing was started, sending it again in 1s/);
    }));

  test('createRun connection dropped before it was processed: sent again with the same ID; one run', () =>
    withWorld(async (w) => {
      w.emu.faults.add({ service: 'arm', op: 'createRun', count: 1, fault: { drop: 'before' } });
      const r = await start(w, 'quick', '');
      expect(w.emu.runs, log(r)).toHaveLength(1);
      const { creates, ids } = attempts(w);
      expect(creates.map((q) => q.status)).toEqual(['dropped', 200]);
      expect(ids).toEqual([w.emu.runs[0].runId]);
      expect(r.exitCode, log(r)).toBe(0);
      expect(r.outputs['run-id']).toBe(w.emu.runs[0].runId);
    }));
});

describe.concurrent(
  'a service that does not take the client request ID as the run ID (honourClientRequestId off)',
  () => {
    test('takes the answer, says so in the debug log; after a 503 still one run', () =>
      withWorld(
        async (w) => {
          w.emu.faults.add({ service: 'arm', op: 'createRun', count: 1, fault: { status: 503 } });
          const r = await start(w);
          expect(w.emu.runs, log(r)).toHaveLength(1);
          const run = w.emu.runs[0];
          const { creates, ids } = attempts(w);
          expect(creates.map((q) => q.status)).toEqual([503, 200]);
          expect(ids).toHaveLength(1);
          expect(run.runId).not.toBe(ids[0]);
          expect(r.exitCode, log(r)).toBe(0);
          expect(r.outputs['run-id']).toBe(run.runId);
          expect(savedRun(r)?.runId).toBe(run.runId);
          expect(r.stdout).toContain(
            `::debug::ADF answered createRun with run ID ${run.runId}, not the client request ID ${ids[0]} that was sent`,
          );
          // The earlier attempt was ambiguous, so it looked for a run that attempt may have started: none.
          expect(ops(w.emu.requests, 'queryPipelineRuns').length).toBeGreaterThanOrEqual(1);
          expect(r.annotations.filter((a) => a.level === 'warning' && /duplicate/.test(a.message))).toEqual([]);
        },
        { honourClientRequestId: false },
      ));

    test('an answer lost before the service is known to ignore the header: the possible duplicate is named, not hidden', () =>
      withWorld(
        async (w) => {
          w.emu.faults.add({ service: 'arm', op: 'createRun', count: 1, fault: { drop: 'after' } });
          const r = await start(w);
          expect(w.emu.runs, log(r)).toHaveLength(2);
          const [lost, answered] = w.emu.runs;
          expect(r.exitCode, log(r)).toBe(0);
          expect(r.outputs['run-id']).toBe(answered.runId);
          expect(r.stdout).toMatch(
            new RegExp(`${lost.runId} \\(\\w+\\), started since with these parameters, may be a duplicate`),
          );
        },
        { honourClientRequestId: false },
      ));
  },
);
