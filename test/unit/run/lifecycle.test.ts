// The run lifecycle in process: @actions/core recorded, a scriptable fake service, and vitest's fake
// clock, so the endings no e2e test can stage cheaply (a run cancelled by someone else, our own
// failure mid-wait, a last-moment success at the timeout, hours of auto polling) take milliseconds.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => import('../../support/core-mock.ts'));

import { recorded, resetCore } from '../../support/core-mock.ts';
import { FakeService, RUN_ID, serviceError, transportError } from '../../support/fake-service.ts';
import { CREATE_PHASE_MS, SIGNAL_CANCEL_BUDGET_MS } from '../../../src/runtime/tuning.js';

import { HOUR, MIN, finish, phases, runToEnd, start, summary } from '../../support/lifecycle-harness.ts';
import type { SavedRun } from '../../../src/run/state.js';

/** What the post step will read: one entry per run started or attached to. */
const savedRuns = (): SavedRun[] => JSON.parse(recorded.state.runs ?? '[]') as SavedRun[];

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2025-01-01T00:00:00Z') });
  resetCore();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the run ends on its own', () => {
  it('succeeds: outputs, no cancel, post step has nothing to do', async () => {
    const service = new FakeService();
    const { ms } = await runToEnd(service);
    expect(recorded.failed).toEqual([]);
    expect(recorded.outputs['run-id']).toBe(RUN_ID);
    expect(recorded.outputs.status).toBe('Succeeded');
    expect(savedRuns()).toMatchObject([{ pipelineName: 'p1', runId: RUN_ID, started: true, ended: true }]);
    expect(recorded.state.done).toBe('true');
    expect(service.ops('cancelRun')).toEqual([]);
    expect(ms).toBeLessThan(13_000);
  });

  it('Cancelled by someone else: the step fails at once, and the action sends no cancel', async () => {
    const service = new FakeService({
      phases: phases({ status: 'Queued', ms: 1_000 }, { status: 'InProgress', ms: 5_000 }, { status: 'Cancelled' }),
    });
    const { ms } = await runToEnd(service, { timeoutMs: 2 * HOUR });
    // Seen at the first poll after it ended, not after the two-hour timeout.
    expect(ms).toBeLessThan(8_000);
    expect(service.ops('cancelRun')).toEqual([]);
    expect(recorded.failed).toHaveLength(1);
    expect(recorded.failed[0]).toContain('Cancelled');
    expect(recorded.outputs.status).toBe('Cancelled');
    expect(recorded.state.done).toBe('true');
    expect(recorded.info.join('\n')).not.toMatch(/Timed out/);
  });

  it('Failed: the step fails with the run’s message', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 3_000 }, { status: 'Failed' }) });
    await runToEnd(service);
    expect(recorded.failed).toHaveLength(1);
    expect(recorded.outputs.status).toBe('Failed');
    expect(service.ops('cancelRun')).toEqual([]);
  });
});

describe('wait: false', () => {
  it('reports the status read from the service, not the Queued createRun implies; post has nothing to do', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    const { ms } = await runToEnd(service, { wait: false });
    expect(service.ops('getRun')).toHaveLength(1);
    expect(recorded.outputs.status).toBe('InProgress');
    expect(recorded.info).toContain('Not waiting (wait: false). Status now: InProgress.');
    expect(recorded.failed).toEqual([]);
    expect(recorded.state.done).toBe('true');
    expect(service.ops('cancelRun')).toEqual([]);
    expect(ms).toBeLessThan(1_000);
  });

  it('the read honours Retry-After (the one retry rule outside the wait)', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    service.fail('getRun', serviceError(429, 'TooManyRequests', 20_000));
    await runToEnd(service, { wait: false });
    const reads = service.ops('getRun');
    expect(reads).toHaveLength(2);
    expect(reads[1].at - reads[0].at).toBeGreaterThanOrEqual(20_000);
    expect(recorded.outputs.status).toBe('InProgress');
  });
});

describe('timeout', () => {
  it('cancels the run and fails, saying so', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    const { ms } = await runToEnd(service, { timeoutMs: 30_000 });
    expect(service.ops('cancelRun')).toHaveLength(1);
    expect(service.ops('cancelRun')[0].args[1]).toBe(true);
    expect(recorded.failed[0]).toMatch(/^Timed out after 30s waiting for run/);
    expect(recorded.failed[0]).toContain(`Cancelled run ${RUN_ID}`);
    expect(recorded.outputs.status).toBe('Cancelled');
    expect(recorded.state.done).toBe('true');
    expect(ms).toBeLessThan(35_000);
  });

  it('the last sleep is cut at the deadline: a 60 s interval does not carry a 90 s timeout to 120 s', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    const { startedAt } = await runToEnd(service, { timeoutMs: 90_000, pollInterval: 60_000, cancelOnTimeout: false });
    expect(recorded.failed[0]).toMatch(/^Timed out after 1m 30s/);
    expect(recorded.failedAt! - startedAt).toBeLessThanOrEqual(91_000);
    // One read at 60 s, and one last look at the deadline: a run that ended in the last interval
    // has ended, not timed out (the lifecycle's watch, by design since the one lifecycle).
    expect(service.ops('getRun').map((c) => c.at - startedAt)).toEqual([60_000, 90_000]);
  });

  it('a run that succeeds at the deadline, seen by the last look, passes the step as a plain success', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 10_000 }, { status: 'Succeeded' }) });
    await runToEnd(service, { timeoutMs: 10_000, pollInterval: 3_000 });
    expect(recorded.outputs.status).toBe('Succeeded');
    expect(recorded.failed).toEqual([]);
    expect(service.ops('cancelRun')).toEqual([]);
    expect(recorded.info.join('\n')).not.toContain('Timed out');
    expect(recorded.state.done).toBe('true');
  });

  it('a run that succeeds at the deadline passes the step, with a note (defect 3)', async () => {
    // Still InProgress at the last poll before the deadline (9 s); the last look at the deadline gets
    // no answer; Succeeded when the cancel looks (10 s).
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 10_000 }, { status: 'Succeeded' }) });
    let lastLookFailed = false;
    service.failAlways('getRun', (c) =>
      c.at - service.startedAt! >= 10_000 && !lastLookFailed ? ((lastLookFailed = true), serviceError(503)) : undefined,
    );
    await runToEnd(service, { timeoutMs: 10_000, pollInterval: 3_000 });
    expect(lastLookFailed).toBe(true);
    const info = recorded.info.join('\n');
    expect(recorded.outputs.status).toBe('Succeeded');
    expect(recorded.failed, info).toEqual([]);
    expect(service.ops('cancelRun')).toEqual([]);
    expect(info).toContain('The run succeeded at the deadline');
    expect(summary()).toContain('The run succeeded at the deadline');
    expect(recorded.state.done).toBe('true');
  });

  it('cancel-on-timeout: false leaves the run and says it was left', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    await runToEnd(service, { timeoutMs: 10_000, cancelOnTimeout: false });
    expect(service.ops('cancelRun')).toEqual([]);
    expect(recorded.failed[0]).toContain('The run was left InProgress (cancel-on-timeout: false).');
    expect(recorded.state.done).toBe('true');
  });
});

describe('the workflow is cancelled (SIGINT/SIGTERM)', () => {
  it('cancels within the signal budget and tells the post step it is handled', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    const s = start(service, { cancelRecursive: false });
    await vi.advanceTimersByTimeAsync(5_000);
    s.controller.abort();
    const abortedAt = Date.now();
    await finish(s, MIN, 100);
    const cancels = service.ops('cancelRun');
    expect(cancels).toHaveLength(1);
    expect(cancels[0].args[1]).toBe(false);
    expect(Date.now() - abortedAt).toBeLessThan(SIGNAL_CANCEL_BUDGET_MS);
    expect(recorded.failed[0]).toMatch(/The workflow was cancelled while waiting for run/);
    expect(recorded.outputs.status).toMatch(/Cancel/);
    expect(recorded.state.done).toBe('true');
  });

  it('a cancel that gets no answer in the window leaves the run to the post step (defect 1)', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    const s = start(service);
    await vi.advanceTimersByTimeAsync(5_000);
    service.failAlways('cancelRun', 'hang');
    s.controller.abort();
    const abortedAt = Date.now();
    await finish(s, MIN, 100);
    expect(service.ops('cancelRun').length).toBeGreaterThanOrEqual(1);
    // Gave up inside the 6.5 s budget, before the runner's SIGTERM (7.5 s).
    expect(Date.now() - abortedAt).toBeLessThanOrEqual(SIGNAL_CANCEL_BUDGET_MS);
    expect(recorded.failed[0]).toContain(`Could not cancel run ${RUN_ID}`);
    expect(savedRuns()).toMatchObject([{ runId: RUN_ID, started: true, cancel: true }]);
    expect(savedRuns()[0]!.ended).toBeUndefined();
    expect(recorded.state.done, 'main must not tell the post step the run is handled').toBeUndefined();
  });

  it('cancel-on-workflow-cancel: false sends no cancel, says so, and the post step leaves it too', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    const s = start(service, { cancelOnWorkflowCancel: false });
    await vi.advanceTimersByTimeAsync(5_000);
    s.controller.abort();
    await finish(s, MIN, 100);
    expect(service.ops('cancelRun')).toEqual([]);
    expect(recorded.failed[0]).toContain('was left running (cancel-on-workflow-cancel: false); it is still InProgress');
    expect(recorded.state.done).toBe('true');
  });
});

describe('the action’s own failure after the run started (README, last row)', () => {
  /** The third status read fails with an error asking again cannot fix. */
  const failingMidWait = () => {
    const service = new FakeService({ phases: phases({ status: 'Queued', ms: 1_500 }, { status: 'InProgress' }) });
    service.failAlways('getRun', (c) =>
      service.ops('getRun').indexOf(c) === 2 ? serviceError(403, 'AuthorizationFailed') : undefined,
    );
    return service;
  };

  it('cancels the run (recursive per input), reports its current status, and fails with ID and link', async () => {
    const service = failingMidWait();
    await runToEnd(service, { cancelRecursive: false });
    const cancels = service.ops('cancelRun');
    expect(cancels).toHaveLength(1);
    expect(cancels[0].args[1]).toBe(false);
    expect(recorded.outputs['run-id']).toBe(RUN_ID);
    expect(recorded.outputs.status).toBe('Cancelled');
    expect(recorded.failed).toHaveLength(1);
    expect(recorded.failed[0]).toContain('AuthorizationFailed');
    expect(recorded.failed[0]).toContain(`Run ${RUN_ID}: https://adf.azure.com/`);
    expect(recorded.failed[0]).toContain(`Cancelled run ${RUN_ID}; its status is now Cancelled.`);
    expect(summary()).toContain('The action failed:');
    expect(recorded.state.done).toBe('true');
  });

  it('with cancel-on-workflow-cancel: false the run is left running and the status is the last seen', async () => {
    const service = failingMidWait();
    await runToEnd(service, { cancelOnWorkflowCancel: false });
    expect(service.ops('cancelRun')).toEqual([]);
    expect(recorded.outputs.status).toBe('InProgress');
    expect(recorded.failed[0]).toContain('The run was left running (cancel-on-workflow-cancel: false).');
    expect(recorded.state.done).toBe('true');
  });

  it('reads failing after the cancel: status stays the last seen (not Queued) and the step ends in seconds (defect 2)', async () => {
    const service = failingMidWait();
    // From the failing read on, every read fails: the confirmation cannot see the new status.
    service.failAlways('getRun', (c) => {
      const i = service.ops('getRun').indexOf(c);
      return i === 2
        ? serviceError(403, 'AuthorizationFailed')
        : i > 2
          ? serviceError(503, 'ServiceUnavailable')
          : undefined;
    });
    const s = start(service);
    while (service.ops('getRun').length < 3) await vi.advanceTimersByTimeAsync(100);
    const failedAt = Date.now();
    await finish(s, 5 * MIN, 100);
    expect(service.ops('cancelRun')).toHaveLength(1);
    expect(recorded.outputs.status).toBe('InProgress');
    expect(recorded.failed[0]).toContain(`Cancelled run ${RUN_ID}.`);
    // The confirmation stops after a few failed reads instead of spinning out its 60 s budget.
    expect(Date.now() - failedAt).toBeLessThan(10_000);
  });

  it('a cancel that fails leaves the run to the post step', async () => {
    const service = failingMidWait();
    service.failAlways('cancelRun', serviceError(403, 'AuthorizationFailed'));
    await runToEnd(service);
    expect(recorded.failed[0]).toContain(`Could not cancel run ${RUN_ID}`);
    expect(recorded.state.done).toBeUndefined();
  });
});

describe('poll-interval: auto', () => {
  it('grows with the run’s age: about 60 reads in the second hour of a long run, not 720', async () => {
    const service = new FakeService({
      phases: phases({ status: 'InProgress', ms: 2 * HOUR + 30_000 }, { status: 'Succeeded' }),
    });
    const { startedAt } = await runToEnd(service, { pollInterval: 'auto', timeoutMs: 3 * HOUR }, 3 * HOUR);
    expect(recorded.outputs.status).toBe('Succeeded');
    const ages = service.ops('getRun').map((c) => c.at - startedAt);
    const inHour = (h: number) => ages.filter((a) => a >= h * HOUR && a < (h + 1) * HOUR).length;
    expect(inHour(1)).toBeGreaterThanOrEqual(59);
    expect(inHour(1)).toBeLessThanOrEqual(61);
    // The first minute: every 5 s while the run is young.
    expect(ages.slice(0, 3)).toEqual([5_000, 10_000, 15_000]);
    // The end is seen within the one-minute cap.
    expect(ages.at(-1)! - (2 * HOUR + 30_000)).toBeLessThanOrEqual(60_000);
    expect(ages.length).toBeLessThan(150);
  });
});

describe('starting the run', () => {
  it('gives up after the 10-minute start limit even when the timeout is longer', async () => {
    expect(CREATE_PHASE_MS).toBe(10 * MIN);
    const service = new FakeService();
    service.failAlways('startRun', transportError(true));
    const { ms } = await runToEnd(service, { timeoutMs: 2 * HOUR }, 3 * HOUR);
    expect(recorded.failed[0]).toMatch(/Gave up starting the run/);
    expect(ms).toBeLessThanOrEqual(10 * MIN);
    expect(ms).toBeGreaterThan(9 * MIN);
    expect(recorded.outputs['run-id']).toBe('');
    expect(recorded.outputs.started).toBe('false');
  });

  it('a SecureString parameter is masked because of its declared type, whatever its name', async () => {
    const service = new FakeService({ definitions: { region: { type: 'String' }, dbLogin: { type: 'SecureString' } } });
    await runToEnd(service, { parameters: { region: 'eu', dbLogin: 'p4ss-w0rd-value' } });
    expect(recorded.secrets).toContain('p4ss-w0rd-value');
    expect(recorded.secrets).not.toContain('eu');
    const log = recorded.info.join('\n');
    expect(log).toContain('Parameters: {"region":"eu","dbLogin":"***"}');
    expect(log).not.toContain('p4ss-w0rd-value');
    expect(summary()).not.toContain('p4ss-w0rd-value');
  });
});
