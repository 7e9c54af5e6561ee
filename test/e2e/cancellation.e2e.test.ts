// Issue 3: workflow cancellation (SIGINT, then SIGTERM 7.5 s later), a main step that dies
// (SIGKILL) and the post step that cleans up after it, and cancelling a run that has just ended.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { savedRun } from './helpers.ts';
import { runStep, type StepOptions } from '../support/action-runner.ts';
import { forRun, log, ops, problems, since, sleep } from '../support/resilience.ts';
import { startWorld, type World } from '../support/scenario.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.emu.close());
beforeEach(() => {
  w.emu.faults.clear();
  w.emu.config.cancelFinishedRun = 'error';
});

const SIGTERM_AFTER_MS = 7_500;

function step(extra: Partial<StepOptions> & { inputs?: Record<string, string> } = {}): StepOptions {
  return {
    ...extra,
    inputs: { ...w.base, ...w.secretAuth, 'pipeline-name': 'quick', 'poll-interval': '1s', ...extra.inputs },
    env: { ...w.caEnv, ...extra.env },
  };
}

/** The one run the step started (and that no other run was created). */
function onlyNewRun(runsBefore: number) {
  const runs = w.emu.runs.slice(runsBefore);
  expect(runs.map((r) => r.runId)).toHaveLength(1);
  return runs[0];
}

/** Post step with main's state; returns it and the requests it made. */
/** Starts a run that stays InProgress this long and SIGKILLs main once it has seen InProgress. */
async function killMainWhileInProgress(inProgressMs: number) {
  w.emu.nextRunScript('quick', {
    phases: [
      { status: 'Queued', ms: 200 },
      { status: 'InProgress', ms: inProgressMs },
    ],
  });
  const runsBefore = w.emu.runs.length;
  const o = step({ cancel: { whenStdout: 'Status: InProgress', kill: true } });
  const main = await runStep(o);
  const run = onlyNewRun(runsBefore);
  expect(main.signal, log(main)).toBe('SIGKILL');
  return { o, main, run };
}

async function post(main: Awaited<ReturnType<typeof runStep>>, o: StepOptions) {
  const from = w.emu.requests.length;
  const r = await runStep({ ...o, entry: 'post', cancel: undefined, state: main.state });
  return { r, reqs: since(w, from) };
}

test.each([
  {
    phase: 'Queued',
    script: {
      phases: [
        { status: 'Queued' as const, ms: 30_000 },
        { status: 'InProgress' as const, ms: 1_000 },
      ],
    },
    recursive: 'true',
  },
  {
    phase: 'InProgress',
    script: {
      phases: [
        { status: 'Queued' as const, ms: 200 },
        { status: 'InProgress' as const, ms: 30_000 },
      ],
    },
    recursive: 'false',
  },
])('SIGINT while the run is $phase cancels it before SIGTERM would come', async ({ phase, script, recursive }) => {
  w.emu.nextRunScript('quick', script);
  const runsBefore = w.emu.runs.length;
  const from = w.emu.requests.length;
  const o = step({ inputs: { 'cancel-recursive': recursive }, cancel: { whenStdout: `Status: ${phase}` } });
  const main = await runStep(o);
  const reqs = since(w, from);
  const run = onlyNewRun(runsBefore);
  const sigint = main.signalsSentAt.SIGINT;
  expect(sigint, log(main)).toBeDefined();

  // The cancel reached the emulator after SIGINT and before SIGTERM would have been sent.
  const cancels = forRun(reqs, run.runId, 'cancel');
  expect(cancels.length, log(main)).toBeGreaterThanOrEqual(1);
  expect(cancels[0].at).toBeGreaterThanOrEqual(sigint!);
  expect(cancels[0].at).toBeLessThan(sigint! + SIGTERM_AFTER_MS);
  expect(cancels[0].query.isRecursive).toBe(recursive);
  expect(main.signalsSentAt.SIGTERM, 'main was still running when SIGTERM was due').toBeUndefined();
  expect(w.emu.runStatus(run.runId)).toBe('Cancelled');
  expect(run.cancelRequests[0].isRecursive).toBe(recursive === 'true');

  // What the user sees.
  expect(main.exitCode, log(main)).not.toBe(0);
  expect(main.stdout).toContain('Received SIGINT');
  expect(main.stdout).toContain(`Cancelled run ${run.runId}`);
  expect(main.failure).toMatch(/workflow was cancelled/);
  expect(main.failure).toContain(run.runId);
  expect(main.outputs['run-id']).toBe(run.runId);
  expect(main.outputs.status).toBe('Cancelled');
  expect(savedRun(main)?.runId).toBe(run.runId);
  expect(main.state.done).toBe('true');
  // The job summary tells the same story.
  expect(main.summary).toContain(run.runId);
  expect(main.summary).toMatch(/The workflow was cancelled\. Cancelled run/);
  expect(main.summary).toMatch(/⏹️ Cancelled/);

  // The post step sees that main handled the run and does nothing.
  const p = await post(main, o);
  expect(p.r.exitCode, log(p.r)).toBe(0);
  expect(p.reqs.filter((r) => r.service === 'arm')).toEqual([]);
  expect(problems(p.r)).toEqual([]);
});

test('SIGINT with cancel-on-workflow-cancel: false leaves the run running and says so', async () => {
  w.emu.nextRunScript('quick', {
    phases: [
      { status: 'Queued', ms: 200 },
      { status: 'InProgress', ms: 30_000 },
    ],
  });
  const runsBefore = w.emu.runs.length;
  const from = w.emu.requests.length;
  const o = step({ inputs: { 'cancel-on-workflow-cancel': 'false' }, cancel: { whenStdout: 'Status: InProgress' } });
  const main = await runStep(o);
  const run = onlyNewRun(runsBefore);

  expect(ops(since(w, from), 'cancel'), log(main)).toEqual([]);
  expect(run.cancelRequests).toEqual([]);
  expect(w.emu.runStatus(run.runId)).toBe('InProgress');
  expect(main.exitCode, log(main)).not.toBe(0);
  expect(main.signalsSentAt.SIGTERM, 'main was still running when SIGTERM was due').toBeUndefined();
  expect(main.stdout).toMatch(new RegExp(`${run.runId} was left running \\(cancel-on-workflow-cancel: false\\)`));
  expect(main.outputs['run-id']).toBe(run.runId);
  expect(main.outputs.status).toBe('InProgress');
  expect(main.state.done).toBe('true');

  const p = await post(main, o);
  expect(p.r.exitCode, log(p.r)).toBe(0);
  expect(ops(p.reqs, 'cancel')).toEqual([]);
  expect(w.emu.runStatus(run.runId)).toBe('InProgress');
});

test('main killed (SIGKILL) during the wait: the post step cancels the run', async () => {
  const { o, main, run } = await killMainWhileInProgress(30_000);
  expect(savedRun(main)?.runId).toBe(run.runId);
  expect(main.state.done).toBeUndefined();
  expect(run.cancelRequests).toEqual([]);

  const p = await post(main, o);
  expect(p.r.exitCode, log(p.r)).toBe(0);
  const cancels = forRun(p.reqs, run.runId, 'cancel');
  expect(cancels, log(p.r)).toHaveLength(1);
  expect(cancels[0].status).toBe(200);
  expect(cancels[0].query.isRecursive).toBe('true');
  expect(w.emu.runStatus(run.runId)).toBe('Cancelled');
  expect(p.r.stdout).toContain(`Run ${run.runId} is still InProgress; cancelling it`);
  expect(p.r.stdout).toContain(`Cancelled run ${run.runId}`);
  expect(problems(p.r)).toEqual([]);
});

test('post step under transient faults (dropped polls, a failing cancel, a sign-in blip) still cancels the run', async () => {
  const { o, main, run } = await killMainWhileInProgress(30_000);

  // A failed sign-in, then more consecutive failures than the SDK's own retries absorb (3) on each
  // request of the clean-up. (Retry-After: 0 keeps the SDK's retries quick.)
  w.emu.faults.add({ service: 'entra', op: 'token', count: 1, fault: { drop: 'before' } });
  w.emu.faults.add({ service: 'arm', op: 'getRun', count: 1, fault: { drop: 'before' } });
  w.emu.faults.add({ service: 'arm', op: 'getRun', count: 3, fault: { status: 429, retryAfter: 0 } });
  w.emu.faults.add({ service: 'arm', op: 'cancel', count: 1, fault: { drop: 'before' } });
  w.emu.faults.add({ service: 'arm', op: 'cancel', count: 3, fault: { status: 503, retryAfter: 0 } });
  const p = await post(main, o);
  const cancels = forRun(p.reqs, run.runId, 'cancel');
  expect(
    cancels.map((q) => q.status),
    log(p.r),
  ).toContain(200);
  expect(w.emu.runStatus(run.runId)).toBe('Cancelled');
  expect(p.r.exitCode, log(p.r)).toBe(0);
  expect(p.r.stdout).toContain(`Cancelled run ${run.runId}`);
  expect(p.r.all).not.toMatch(/Could not (check or )?cancel/);
});

test('post step after the run ended on its own: nothing to cancel, no error', async () => {
  const { o, main, run } = await killMainWhileInProgress(2_500);
  while (w.emu.runStatus(run.runId) !== 'Succeeded') await sleep(100);

  const p = await post(main, o);
  expect(p.r.exitCode, log(p.r)).toBe(0);
  expect(ops(p.reqs, 'cancel')).toEqual([]);
  expect(p.r.stdout).toContain(`Run ${run.runId} has ended: Succeeded. Nothing to cancel.`);
  expect(problems(p.r)).toEqual([]);
});

test('post step cancels a run that succeeds before the cancel lands: reported plainly, post exits 0', async () => {
  const { o, main, run } = await killMainWhileInProgress(7_000);

  // Start post ~3 s before the run ends; its cancel is held 4.5 s (under the action's 5 s request
  // timeout for a cancel), so it lands after the run succeeded and ADF refuses it
  // (cancelFinishedRun: 'error').
  const endsAt = run.createdAt + run.endOffset;
  await sleep(Math.max(0, endsAt - 3_000 - Date.now()));
  w.emu.faults.add({ service: 'arm', op: 'cancel', fault: { latencyMs: 4_500 } });
  const p = await post(main, o);

  const cancels = forRun(p.reqs, run.runId, 'cancel');
  expect(cancels, `post should have seen the run still going and cancelled it\n${log(p.r)}`).toHaveLength(1);
  expect(cancels[0].status, 'the emulator refused the cancel of a finished run').toBe(400);
  expect(w.emu.runStatus(run.runId)).toBe('Succeeded');
  expect(p.r.exitCode, log(p.r)).toBe(0);
  expect(p.r.stdout).toContain(`Run ${run.runId} had already ended (Succeeded) before it could be cancelled`);
  expect(problems(p.r), log(p.r)).toEqual([]);
});

test('SIGINT just as the run succeeds: main reports that it had already ended, not a failed cancel', async () => {
  w.emu.nextRunScript('quick', {
    phases: [
      { status: 'Queued', ms: 200 },
      { status: 'InProgress', ms: 2_000 },
    ],
  });
  // The cancel is held until the run has ended.
  w.emu.faults.add({ service: 'arm', op: 'cancel', fault: { latencyMs: 3_000 } });
  const runsBefore = w.emu.runs.length;
  const o = step({ cancel: { whenStdout: 'Status: InProgress' } });
  const main = await runStep(o);
  const run = onlyNewRun(runsBefore);

  const cancels = forRun(w.emu.requests, run.runId, 'cancel');
  expect(cancels, log(main)).toHaveLength(1);
  expect(cancels[0].status).toBe(400);
  expect(w.emu.runStatus(run.runId)).toBe('Succeeded');
  expect(main.signalsSentAt.SIGTERM, 'main was still running when SIGTERM was due').toBeUndefined();
  expect(main.stdout).toContain(`Run ${run.runId} had already ended (Succeeded) before it could be cancelled`);
  expect(main.all).not.toMatch(/Could not cancel/);
  expect(main.outputs.status).toBe('Succeeded');
  expect(main.state.done).toBe('true');
  expect(problems(main).filter((a) => a.level === 'warning')).toEqual([]);

  const p = await post(main, o);
  expect(p.r.exitCode, log(p.r)).toBe(0);
  expect(p.reqs.filter((r) => r.service === 'arm')).toEqual([]);
});
