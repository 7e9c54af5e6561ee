// `if-running` through main.run(): what the step does when runs of the pipeline are already going
// (fail, skip, attach, cancel, wait), with the runs found as fakes of their own beside the one the
// step may start.
import { describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => import('../../support/core-mock.ts'));
vi.mock('../../../src/services/index.js', async (original) => {
  const { services } = await import('../../support/main-harness.ts');
  const { TARGET } = await import('../../support/fake-fleet.ts');
  return {
    ...(await original<typeof import('../../../src/services/index.js')>()),
    createService: vi.fn(() => {
      if (!services.current) throw new Error('no fake service set');
      return services.current;
    }),
    targetFor: vi.fn(() => TARGET),
  };
});

import { run } from '../../../src/main.js';
import { recorded } from '../../support/core-mock.ts';
import { FakeFleet, runIdOf } from '../../support/fake-fleet.ts';
import { FakeService, RUN_ID, serviceError, type Phase } from '../../support/fake-service.ts';
import { cancelWorkflow, drive, MIN, services, setInputs, stepHooks, T0 } from '../../support/main-harness.ts';

stepHooks();

const going: Phase[] = [{ status: 'InProgress' }];

/** p1, whose own run succeeds after 2 s, and runs of it already going (started 10 and 5 min ago). */
function withRunning(statuses: Phase['status'][] = ['InProgress', 'InProgress']) {
  const p1 = new FakeService({ phases: [{ status: 'InProgress', ms: 2_000 }, { status: 'Succeeded' }] });
  const others = statuses.map((status, i) => {
    const f = new FakeService({ phases: [{ status }], runId: runIdOf(i + 1) });
    f.startedAt = T0 - (10 - 5 * i) * MIN;
    return f;
  });
  const refresh = () =>
    (p1.found = others.filter((o) => !['Succeeded', 'Failed', 'Cancelled'].includes(o.status())).map((o) => o.view()));
  refresh();
  const fleet = new FakeFleet({ p1, ...Object.fromEntries(others.map((o, i) => [`other${i}`, o])) });
  // findRuns answers what is going now.
  p1.failAlways('findRuns', () => void refresh());
  return { p1, others, fleet };
}

async function step(fleet: FakeFleet, inputs: Record<string, string>, at?: Array<[() => boolean, () => void]>) {
  services.current = fleet;
  setInputs({ 'pipeline-name': 'p1', ...inputs });
  await drive(run, { at });
}

describe('if-running', () => {
  it('fail: names the runs going, starts nothing', async () => {
    const { p1, fleet } = withRunning();
    await step(fleet, { 'if-running': 'fail' });
    expect(p1.ops('startRun')).toEqual([]);
    expect(recorded.failed[0]).toMatch(
      /^2 run\(s\) of pipeline 'p1' are in progress, and 'if-running' is 'fail': .*Nothing was started\./,
    );
    expect(recorded.failed[0]).toContain(runIdOf(1));
    expect(recorded.outputs).toMatchObject({ 'run-id': '', started: 'false' });
  });

  it('skip: reports the newest, leaves the others alone', async () => {
    const { fleet } = withRunning();
    await step(fleet, { 'if-running': 'skip' });
    expect(recorded.outputs).toMatchObject({ 'run-id': runIdOf(2), started: 'false', status: 'InProgress' });
    expect(recorded.info).toContain(
      `if-running: skip: not starting a run; reporting the newest one, ${runIdOf(2)}, and leaving ${runIdOf(1)} alone.`,
    );
    expect(fleet.ops('cancelRun')).toEqual([]);
  });

  it('attach: waits for the newest', async () => {
    const { fleet, others } = withRunning();
    setTimeout(() => (others[1]!.phases = [{ status: 'Succeeded' }]), 3_000);
    await step(fleet, { 'if-running': 'attach' });
    expect(recorded.info).toContain(
      `if-running: attach: not starting a run; waiting for the newest one, ${runIdOf(2)}, and leaving ${runIdOf(1)} alone.`,
    );
    expect(recorded.outputs).toMatchObject({ 'run-id': runIdOf(2), started: 'false', status: 'Succeeded' });
    expect(fleet.ops('startRun')).toEqual([]);
  });

  it('cancel: cancels each run going (not one already Canceling), waits for them to end, then starts', async () => {
    const { p1, others, fleet } = withRunning(['InProgress', 'Canceling']);
    setTimeout(() => (others[1]!.phases = [{ status: 'Cancelled' }]), 20_000);
    await step(fleet, { 'if-running': 'cancel', 'cancel-recursive': 'false' });
    expect(others[0]!.ops('cancelRun')).toHaveLength(1);
    expect(others[1]!.ops('cancelRun')).toEqual([]);
    expect(recorded.info).toContain(`if-running: cancel: cancelling run ${runIdOf(1)}.`);
    expect(recorded.info).toContain(`Run ${runIdOf(2)} is already Canceling; waiting for it to end.`);
    expect(recorded.info.some((l) => /^No run of 'p1' is left in progress after /.test(l))).toBe(true);
    expect(p1.ops('startRun')).toHaveLength(1);
    expect(recorded.outputs).toMatchObject({ 'run-id': RUN_ID, started: 'true', status: 'Succeeded' });
  });

  it('cancel that fails: says so, starts nothing', async () => {
    const { p1, others, fleet } = withRunning(['InProgress']);
    others[0]!.failAlways('cancelRun', serviceError(403, 'AuthorizationFailed'));
    await step(fleet, { 'if-running': 'cancel' });
    expect(recorded.failed[0]).toMatch(
      new RegExp(`^Could not cancel run ${runIdOf(1)}: .*Nothing was started \\(if-running: cancel\\)\\.`),
    );
    expect(p1.ops('startRun')).toEqual([]);
  });

  describe('wait', () => {
    it('waits until none is left, saying which ended and which appeared, then starts', async () => {
      const { p1, others, fleet } = withRunning(['InProgress']);
      const late = new FakeService({ phases: going, runId: runIdOf(5) });
      fleet.pipelines.late = late;
      setTimeout(() => {
        late.startedAt = Date.now();
        others[0]!.phases = [{ status: 'Succeeded' }];
      }, 30_000);
      setTimeout(() => (late.phases = [{ status: 'Failed' }]), 60_000);
      const findRuns = p1.findRuns.bind(p1);
      p1.findRuns = async (q, o) => {
        const runs = await findRuns(q, o);
        return late.startedAt !== undefined && late.status() === 'InProgress' ? [...runs, late.view()] : runs;
      };
      await step(fleet, { 'if-running': 'wait' });
      expect(recorded.info).toContain('if-running: wait: waiting until none of them is left before starting.');
      expect(recorded.info).toContain(`Run ${runIdOf(1)} has ended.`);
      expect(recorded.info.some((l) => l.startsWith(`Another run appeared: ${runIdOf(5)}`))).toBe(true);
      expect(recorded.info).toContain(`Run ${runIdOf(5)} has ended.`);
      expect(p1.ops('startRun')).toHaveLength(1);
      expect(p1.ops('startRun')[0]!.at - T0).toBeGreaterThanOrEqual(60_000);
      expect(recorded.failed).toEqual([]);
    });

    it('the time spent waiting counts against the timeout', async () => {
      const { p1, fleet } = withRunning(['InProgress']);
      await step(fleet, { 'if-running': 'wait', timeout: '2m' });
      expect(recorded.failed[0]).toMatch(/^Timed out after 2m waiting for .* of 'p1' to end \(if-running: wait;/);
      expect(p1.ops('startRun')).toEqual([]);
    });

    it('a workflow cancelled while waiting starts nothing', async () => {
      const { p1, fleet } = withRunning(['InProgress']);
      await step(fleet, { 'if-running': 'wait' }, [[() => p1.ops('findRuns').length >= 3, cancelWorkflow]]);
      expect(recorded.failed[0]).toBe(
        "The workflow was cancelled while waiting for the runs of 'p1' to end (if-running: wait); no run was started, nothing to clean up.",
      );
      expect(p1.ops('startRun')).toEqual([]);
    });

    it('runs that cannot be listed any more: says so, starts nothing', async () => {
      const { p1, fleet } = withRunning(['InProgress']);
      setTimeout(() => p1.failAlways('findRuns', serviceError(403, 'AuthorizationFailed')), 10_000);
      await step(fleet, { 'if-running': 'wait' });
      expect(recorded.failed[0]).toMatch(/^Could not list the runs of 'p1' while waiting for them to end: /);
      expect(p1.ops('startRun')).toEqual([]);
    });
  });

  it('none going: starts, and says why', async () => {
    const { p1, fleet } = withRunning([]);
    await step(fleet, { 'if-running': 'fail' });
    expect(recorded.info).toContain(
      "No run of 'p1' is Queued, InProgress or Canceling; starting one (if-running: fail).",
    );
    expect(p1.ops('startRun')).toHaveLength(1);
  });
});
