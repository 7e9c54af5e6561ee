// Issue 11: run control, end to end against the emulator. A main step killed while createRun is in
// flight (the post step cancels the run by the ID chosen in advance), attaching with `run-id`, and
// every `if-running` policy with a foreign run in progress and with none. Written per service
// (test/support/run-control.ts); Synapse and Fabric add theirs where the service supports the feature.
// Fabric chooses no run ID in advance (no client request ID), so the killed-during-createRun tests
// are replaced there by one for the post step's warning; its `run-id` needs `pipeline-name`.
import { describe, expect, test } from 'vitest';
import { log, withWorld } from '../support/resilience.ts';
import {
  dataFactory,
  fabric,
  longRun,
  post,
  run,
  stepFor,
  synapse,
  type ServiceUnderTest,
} from '../support/run-control.ts';
import { savedRun } from './helpers.ts';
import { runStep, type StepResult } from '../support/action-runner.ts';

const FAST = { ADF_ACTION_REQUEST_TIMEOUT_MS: '3000' };

/** `run-id` inputs: with the pipeline where the service needs it to address the run. */
const attach = (s: ServiceUnderTest, id: string, pipeline = 'quick') => ({
  'run-id': id,
  ...(s.runIdNeedsPipeline && { 'pipeline-name': pipeline }),
});

/** A step that ended without a run still sets its outputs: `runs` holds one never-started entry. */
function expectNoRunOutputs(r: StepResult, pipeline: string, reason: string) {
  expect(r.outputs.started).toBe('false');
  expect(r.outputs['run-id']).toBe('');
  expect(r.outputs.status).toBe('');
  expect(r.outputs.message).toContain(reason);
  expect(r.outputs['return-value']).toBe('{}');
  expect(r.outputs['failed-activities']).toBe('[]');
  const runs = JSON.parse(r.outputs.runs ?? 'null') as Array<Record<string, unknown>>;
  expect(runs).toEqual([
    expect.objectContaining({ pipeline, 'run-id': '', status: '', started: false, 'duration-ms': null }),
  ]);
  expect(String(runs[0]!.message)).toContain(reason);
}

describe.concurrent.each([dataFactory, synapse, fabric])('$service', (s) => {
  describe.skipIf(!s.chosenRunId).concurrent('killed while createRun is in flight', () => {
    test('SIGKILL of main during createRun: the post step finds the run by the chosen ID and cancels it', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        // createRun is processed 2 s after it arrives; main is killed as soon as it has arrived.
        w.emu.faults.add({ service: s.emuService, op: s.createOp, count: 1, fault: { latencyMs: 2_000 } });
        const o = stepFor(
          s,
          w,
          { 'pipeline-name': 'quick' },
          { cancel: { when: () => s.createRuns(w).length > 0, kill: true }, env: FAST },
        );
        const main = await runStep(o);
        expect(main.signal, log(main)).toBe('SIGKILL');
        const chosen = savedRun(main)?.runId ?? '';
        expect(chosen, log(main)).toMatch(/^[0-9a-f-]{36}$/);
        expect(savedRun(main)?.inFlight).toBe(true);
        expect(main.outputs['run-id']).toBeUndefined();

        const p = await post(s, w, main, o);
        expect(s.runCount(w), log(p)).toBe(1);
        expect(p.exitCode, log(p)).toBe(0);
        expect(p.stdout).toContain(`createRun for run ${chosen} was in flight`);
        expect(p.stdout).toContain(`Cancelled run ${chosen}`);
        expect(s.cancels(w, chosen)).toHaveLength(1);
        expect(['Canceling', 'Cancelled']).toContain(s.status(w, chosen));
      }));

    test('SIGKILL of main while createRun never got through: the post step says no run was started', () =>
      withWorld(async (w) => {
        w.emu.faults.add({
          service: s.emuService,
          op: s.createOp,
          count: 1,
          fault: { latencyMs: 1_500, drop: 'before' },
        });
        const o = stepFor(
          s,
          w,
          { 'pipeline-name': 'quick' },
          { cancel: { when: () => s.createRuns(w).length > 0, kill: true }, env: FAST },
        );
        const main = await runStep(o);
        expect(main.signal, log(main)).toBe('SIGKILL');
        const p = await post(s, w, main, o);
        expect(s.runCount(w), log(p)).toBe(0);
        expect(p.exitCode, log(p)).toBe(0);
        expect(p.stdout).toContain(
          `There is no run ${savedRun(main)?.runId}: the interrupted createRun started nothing`,
        );
        expect(p.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
      }));
  });

  describe.runIf(!s.chosenRunId).concurrent('killed while the start is in flight (no run ID chosen in advance)', () => {
    test('SIGKILL of main during the start: the post step finds the job started since the request and cancels it', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        w.emu.faults.add({ service: s.emuService, op: s.createOp, count: 1, fault: { latencyMs: 2_000 } });
        const o = stepFor(
          s,
          w,
          { 'pipeline-name': 'quick' },
          { cancel: { when: () => s.createRuns(w).length > 0, kill: true }, env: FAST },
        );
        const main = await runStep(o);
        expect(main.signal, log(main)).toBe('SIGKILL');
        expect(savedRun(main)?.runId ?? '', log(main)).toBe('');
        expect(savedRun(main)?.inFlight).toBe(true);

        const p = await post(s, w, main, o);
        expect(p.exitCode, log(p)).toBe(0);
        // v1.1 only warned here; the post step now looks among the item's jobs started since the
        // request was sent (as the main step does after an ambiguous start), and finds exactly one.
        expect(s.runCount(w), log(p)).toBe(1);
        const found = /in flight; run ([0-9a-f-]{36}) started since then and is taken as that start's run/.exec(
          p.stdout,
        );
        expect(found, log(p)).not.toBeNull();
        expect(s.cancels(w, found![1]!)).toHaveLength(1);
        expect(s.status(w, found![1]!)).toMatch(/Cancel/);
        expect(p.stdout).not.toContain('child pipelines');
        expect(p.annotations.filter((a) => a.level === 'warning')).toEqual([]);
      }));
  });

  describe.concurrent('run-id: attach to a run the step did not start', () => {
    test('waits for it to succeed and reports it; started is false; nothing is created', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', { phases: [{ status: 'InProgress', ms: 1_500 }] });
        const id = await s.foreignRun(w, 'quick');
        const r = await run(s, w, attach(s, id));
        expect(r.exitCode, log(r)).toBe(0);
        expect(s.createRuns(w)).toEqual([]);
        expect(s.runCount(w)).toBe(1);
        expect(r.outputs).toMatchObject({ 'run-id': id, status: 'Succeeded', started: 'false' });
        expect(r.stdout).toContain(`Attached to run ${id}`);
        expect(r.summary).toContain(id);
      }));

    test('a failed run fails the step with its failed activities', () =>
      withWorld(async (w) => {
        const id = await s.foreignRun(w, 'nightly-fail');
        const r = await run(s, w, { 'run-id': id, 'pipeline-name': 'nightly-fail' });
        expect(r.exitCode, log(r)).toBe(1);
        expect(r.outputs).toMatchObject({ 'run-id': id, status: 'Failed', started: 'false' });
        expect(JSON.parse(r.outputs['failed-activities']).length).toBeGreaterThan(0);
        expect(s.createRuns(w)).toEqual([]);
      }));

    test('timeout leaves the attached run alone by default (cancel-on-timeout: "")', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        const id = await s.foreignRun(w, 'quick');
        const r = await run(s, w, { ...attach(s, id), timeout: '3s' });
        expect(r.exitCode, log(r)).toBe(1);
        expect(r.failure).toMatch(/Timed out after 3s/);
        expect(r.failure).toContain('this step did not start it');
        expect(s.cancels(w, id)).toEqual([]);
        expect(s.status(w, id)).toBe('InProgress');
        // The post step leaves it alone too (main saved that the run is handled; the SIGKILL tests
        // below are where the post step itself decides).
        expect(r.state.done).toBe('true');
        const p = await post(s, w, r, stepFor(s, w, attach(s, id)));
        expect(p.exitCode).toBe(0);
        expect(s.cancels(w, id)).toEqual([]);
      }));

    test('workflow cancelled (SIGINT) while waiting: the attached run is left alone by default', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        const id = await s.foreignRun(w, 'quick');
        const r = await run(s, w, attach(s, id), { cancel: { whenStdout: /Attached to run/ } });
        expect(r.exitCode, log(r)).not.toBe(0);
        expect(r.failure).toContain('this step did not start it');
        expect(s.cancels(w, id)).toEqual([]);
        expect(s.status(w, id)).toBe('InProgress');
      }));

    test('workflow cancelled (SIGINT) with cancel-on-workflow-cancel: true: the attached run is cancelled', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        const id = await s.foreignRun(w, 'quick');
        const r = await run(
          s,
          w,
          { ...attach(s, id), 'cancel-on-workflow-cancel': 'true' },
          { cancel: { whenStdout: /Attached to run/ } },
        );
        expect(r.exitCode, log(r)).not.toBe(0);
        expect(s.cancels(w, id)).toHaveLength(1);
      }));

    test('SIGKILL while waiting on an attached run: the post step leaves it alone by default', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        const id = await s.foreignRun(w, 'quick');
        const o = stepFor(s, w, attach(s, id), { cancel: { whenStdout: /Attached to run/, kill: true } });
        const main = await runStep(o);
        expect(main.signal, log(main)).toBe('SIGKILL');
        // Main died before it could say the run is handled: the post step decides.
        expect(main.state.done).toBeUndefined();
        const p = await post(s, w, main, o);
        expect(p.exitCode, log(p)).toBe(0);
        expect(p.stdout + p.stderr).toMatch(/did not start it|attached/i);
        expect(s.cancels(w, id)).toEqual([]);
        expect(s.status(w, id)).toBe('InProgress');
      }));

    test('SIGKILL while waiting on an attached run, cancel-on-workflow-cancel: true: the post step cancels it', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        const id = await s.foreignRun(w, 'quick');
        const o = stepFor(
          s,
          w,
          { ...attach(s, id), 'cancel-on-workflow-cancel': 'true' },
          { cancel: { whenStdout: /Attached to run/, kill: true } },
        );
        const main = await runStep(o);
        expect(main.signal, log(main)).toBe('SIGKILL');
        const p = await post(s, w, main, o);
        expect(p.exitCode, log(p)).toBe(0);
        expect(s.cancels(w, id)).toHaveLength(1);
      }));

    test('cancel-on-timeout: true cancels the attached run', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        const id = await s.foreignRun(w, 'quick');
        const r = await run(s, w, { ...attach(s, id), timeout: '3s', 'cancel-on-timeout': 'true' });
        expect(r.exitCode, log(r)).toBe(1);
        expect(s.cancels(w, id)).toHaveLength(1);
        expect(r.failure).toContain(`Cancelled run ${id}`);
      }));

    test.skipIf(s.runIdNeedsPipeline)(
      'pipeline-name that does not match the run: fails naming both, waits for nothing',
      () =>
        withWorld(async (w) => {
          const id = await s.foreignRun(w, 'quick');
          const r = await run(s, w, { 'run-id': id, 'pipeline-name': 'daily-load' });
          expect(r.exitCode, log(r)).toBe(1);
          expect(r.failure).toContain(`Run ${id} is a run of pipeline 'quick', not 'daily-load'`);
        }),
    );

    test.runIf(s.runIdNeedsPipeline)(
      'a run of another pipeline: not found under the one named; waits for nothing',
      () =>
        withWorld(async (w) => {
          s.script(w, 'quick', longRun());
          const id = await s.foreignRun(w, 'quick');
          const r = await run(s, w, { 'run-id': id, 'pipeline-name': 'daily-load' });
          expect(r.exitCode, log(r)).toBe(1);
          expect(r.failure).toContain(`There is no run ${id}`);
          expect(r.failure).toContain("(pipeline 'daily-load')");
          expect(r.durationMs).toBeLessThan(20_000);
          expect(s.cancels(w, id)).toEqual([]);
          expect(s.status(w, id)).toBe('InProgress');
        }),
    );

    test('an unknown run ID: fails saying there is no such run', () =>
      withWorld(async (w) => {
        const r = await run(s, w, attach(s, '0b0b0b0b-1111-4222-8333-444444444444'));
        expect(r.exitCode, log(r)).toBe(1);
        expect(r.failure).toContain('There is no run 0b0b0b0b-1111-4222-8333-444444444444');
        expect(r.failure).toContain("check 'run-id'");
        // Without pipeline-name (optional with run-id) the entry names no pipeline.
        expectNoRunOutputs(
          r,
          s.runIdNeedsPipeline ? 'quick' : '',
          'There is no run 0b0b0b0b-1111-4222-8333-444444444444',
        );
      }));

    test.each([
      ['parameters', { parameters: 'a: 1' }, "'parameters' only applies when starting a run"],
      ['parameters-file', { 'parameters-file': 'p.json' }, "'parameters-file' only applies when starting a run"],
      [
        'reference-run-id',
        { 'reference-run-id': '0b0b0b0b-1111-4222-8333-444444444444' },
        "'reference-run-id' only applies",
      ],
      ['recovery', { recovery: 'true' }, "'recovery' only applies"],
      ['start-activity', { 'start-activity': 'x' }, "'start-activity' only applies"],
      ['a run-id that is no GUID', { 'run-id': 'yesterday' }, `'run-id' must be ${s.runIdWord}`],
    ])('input rule: %s with run-id is refused before any request', (_name, extra, message) =>
      withWorld(async (w) => {
        const r = await run(s, w, { ...attach(s, '0b0b0b0b-1111-4222-8333-444444444444'), ...extra });
        expect(r.exitCode, log(r)).toBe(1);
        expect(r.failure).toContain(message);
        expect(w.emu.requests, 'no request at all').toEqual([]);
      }),
    );

    test('if-running with run-id is ignored with a warning: the step attaches as asked', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', { phases: [{ status: 'InProgress', ms: 1_500 }] });
        const id = await s.foreignRun(w, 'quick');
        const r = await run(s, w, { ...attach(s, id), 'if-running': 'fail' });
        expect(r.exitCode, log(r)).toBe(0);
        expect(r.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toContain(
          "'if-running: fail' is ignored with 'run-id': nothing is started, so there is nothing to decide before a start.",
        );
        expect(r.outputs['run-id']).toBe(id);
        expect(r.outputs.started).toBe('false');
        expect(s.createRuns(w)).toEqual([]);
      }));

    test.runIf(s.runIdNeedsPipeline)('run-id without pipeline-name is refused before any request', () =>
      withWorld(async (w) => {
        const r = await run(s, w, { 'run-id': '0b0b0b0b-1111-4222-8333-444444444444' });
        expect(r.exitCode, log(r)).toBe(1);
        expect(r.failure).toContain("'pipeline-name'");
        expect(w.emu.requests, 'no request at all').toEqual([]);
      }),
    );
  });

  describe.concurrent('if-running', () => {
    const ACTIVE = /Found 1 run\(s\) of 'quick' not yet ended: /;

    test.each(['skip', 'attach', 'wait', 'cancel', 'fail'])('%s with no run in progress starts one', (policy) =>
      withWorld(async (w) => {
        const r = await run(s, w, { 'pipeline-name': 'quick', 'if-running': policy });
        expect(r.exitCode, log(r)).toBe(0);
        expect(s.createRuns(w)).toHaveLength(1);
        expect(r.outputs.started).toBe('true');
        expect(r.stdout).toContain(
          `No run of 'quick' is Queued, InProgress or Canceling; starting one (if-running: ${policy}).`,
        );
      }),
    );

    test('start (the default) starts another without looking', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        const other = await s.foreignRun(w, 'quick');
        const r = await run(s, w, { 'pipeline-name': 'quick' });
        expect(r.exitCode, log(r)).toBe(0);
        expect(s.runCount(w)).toBe(2);
        // No look before the start (the history query for progress lines comes after it).
        const created = s.createRuns(w)[0];
        expect(created, log(r)).toBeDefined();
        expect(s.queries(w).filter((q) => q.at <= created.at)).toEqual([]);
        expect(s.status(w, other)).toBe('InProgress');
      }));

    test('skip: starts nothing, succeeds at once reporting the foreign run', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        const other = await s.foreignRun(w, 'quick');
        const r = await run(s, w, { 'pipeline-name': 'quick', 'if-running': 'skip' });
        expect(r.exitCode, log(r)).toBe(0);
        expect(s.createRuns(w)).toEqual([]);
        expect(r.outputs).toMatchObject({ 'run-id': other, status: 'InProgress', started: 'false' });
        expect(r.stdout).toMatch(ACTIVE);
        expect(r.durationMs).toBeLessThan(20_000);
        expect(s.queries(w)).toHaveLength(1);
        if (s.service !== 'fabric') {
          // The query: this pipeline, the three unfinished statuses, a 45-day window (Fabric lists the item's jobs).
          const q = s.queries(w)[0]!.body as { lastUpdatedAfter: string; filters: unknown[] };
          expect(JSON.stringify(q.filters)).toContain('"Queued","InProgress","Canceling"');
          expect(Date.now() - Date.parse(q.lastUpdatedAfter)).toBeGreaterThan(44 * 86_400_000);
        }
      }));

    test('attach: waits for the foreign run and reports it; a timeout leaves it alone', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        const other = await s.foreignRun(w, 'quick');
        const r = await run(s, w, { 'pipeline-name': 'quick', 'if-running': 'attach', timeout: '3s' });
        expect(r.exitCode, log(r)).toBe(1);
        expect(s.createRuns(w)).toEqual([]);
        expect(r.outputs).toMatchObject({ 'run-id': other, started: 'false' });
        expect(s.cancels(w, other)).toEqual([]);
        expect(s.status(w, other)).toBe('InProgress');
      }));

    test('attach: a foreign run that succeeds makes the step succeed', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', { phases: [{ status: 'InProgress', ms: 8_000 }] });
        const other = await s.foreignRun(w, 'quick');
        const r = await run(s, w, { 'pipeline-name': 'quick', 'if-running': 'attach' });
        expect(r.exitCode, log(r)).toBe(0);
        expect(r.outputs).toMatchObject({ 'run-id': other, status: 'Succeeded', started: 'false' });
        expect(s.createRuns(w)).toEqual([]);
      }));

    test('wait: waits until the foreign run ended, then starts one', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', { phases: [{ status: 'InProgress', ms: 8_000 }] });
        const other = await s.foreignRun(w, 'quick');
        const r = await run(s, w, { 'pipeline-name': 'quick', 'if-running': 'wait' });
        expect(r.exitCode, log(r)).toBe(0);
        const creates = s.createRuns(w);
        expect(creates).toHaveLength(1);
        expect(s.status(w, other)).toBe('Succeeded');
        expect(creates[0].at).toBeGreaterThanOrEqual(s.endedAt(w, other));
        expect(r.outputs.started).toBe('true');
        expect(r.stdout).toContain(`Run ${other} has ended.`);
      }));

    test('wait: the time spent waiting counts against timeout; nothing is started', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        await s.foreignRun(w, 'quick');
        const r = await run(s, w, { 'pipeline-name': 'quick', 'if-running': 'wait', timeout: '3s' });
        expect(r.exitCode, log(r)).toBe(1);
        expect(r.failure).toMatch(/Timed out after 3s waiting for .* Nothing was started/);
        expect(s.createRuns(w)).toEqual([]);
      }));

    test('cancel: cancels the foreign run, waits until it ended, then starts one', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        const other = await s.foreignRun(w, 'quick');
        const r = await run(s, w, { 'pipeline-name': 'quick', 'if-running': 'cancel', 'cancel-recursive': 'false' });
        expect(r.exitCode, log(r)).toBe(0);
        const cancels = s.cancels(w, other);
        expect(cancels).toHaveLength(1);
        expect(cancels[0].query.isRecursive).toBe(s.recursiveCancel ? 'false' : undefined);
        expect(s.status(w, other)).toBe('Cancelled');
        const creates = s.createRuns(w);
        expect(creates).toHaveLength(1);
        expect(creates[0].at).toBeGreaterThan(cancels[0].at);
        expect(r.stdout).toContain(`if-running: cancel: cancelling run ${other}`);
      }));

    test('fail: fails listing the foreign run; nothing is started', () =>
      withWorld(async (w) => {
        s.script(w, 'quick', longRun());
        const other = await s.foreignRun(w, 'quick');
        const r = await run(s, w, { 'pipeline-name': 'quick', 'if-running': 'fail' });
        expect(r.exitCode, log(r)).toBe(1);
        expect(r.failure).toContain(other);
        expect(r.failure).toContain("'if-running' is 'fail'");
        expect(s.createRuns(w)).toEqual([]);
        expect(s.status(w, other)).toBe('InProgress');
        expectNoRunOutputs(r, 'quick', other);
      }));

    test('an unknown policy is refused before any request', () =>
      withWorld(async (w) => {
        const r = await run(s, w, { 'pipeline-name': 'quick', 'if-running': 'queue' });
        expect(r.exitCode, log(r)).toBe(1);
        expect(r.failure).toContain("'if-running' must be one of start, skip, attach, wait, cancel, fail, got 'queue'");
        expect(w.emu.requests).toEqual([]);
      }));
  });
});
