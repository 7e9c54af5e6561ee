// main.run() in process: the inputs as the runner gives them, @actions/core recorded, the service a
// fake fleet, time a fake clock. Every ending, for one run and for a batch, as the user sees it:
// the outputs, the annotations, the job summary, the step's failure, and what is left for the post step.
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
import { AuthError } from '../../../src/http/errors.js';
import { recorded } from '../../support/core-mock.ts';
import { FakeFleet, runIdOf } from '../../support/fake-fleet.ts';
import { FakeService, RUN_ID, serviceError, type Phase } from '../../support/fake-service.ts';
import {
  cancelWorkflow,
  drive,
  HOUR,
  MIN,
  runsOutput,
  savedContext,
  savedRuns,
  services,
  setInputs,
  stepHooks,
  summary,
  T0,
} from '../../support/main-harness.ts';

stepHooks();

const fake = (phases: Phase[], o: ConstructorParameters<typeof FakeService>[0] = {}) =>
  new FakeService({ phases, ...o });
const going: Phase[] = [{ status: 'InProgress' }];
const succeeds = (ms: number): Phase[] => [{ status: 'InProgress', ms }, { status: 'Succeeded' }];
const fails = (ms: number): Phase[] => [{ status: 'InProgress', ms }, { status: 'Failed' }];

/** One pipeline 'p1' on the fake service; runs main.run() to its end. */
async function single(
  service: FakeService,
  inputs: Record<string, string> = {},
  at?: Array<[() => boolean, () => void]>,
) {
  services.current = FakeFleet.of(service);
  setInputs({ 'pipeline-name': 'p1', ...inputs });
  return drive(run, { at });
}

/** A batch: pipeline name → its fake; `pipelines` lists them in this order. */
async function batch(
  fakes: Record<string, FakeService>,
  inputs: Record<string, string> = {},
  at?: Array<[() => boolean, () => void]>,
) {
  const fleet = new FakeFleet(fakes);
  services.current = fleet;
  setInputs({
    pipelines: Object.keys(fakes)
      .map((n) => `- ${n}`)
      .join('\n'),
    ...inputs,
  });
  await drive(run, { at });
  return fleet;
}

/** Three pipelines a, b, c, each with a run of its own. */
const trio = (a: Phase[], b: Phase[], c: Phase[]) => ({
  a: fake(a, { pipelineName: 'a', runId: runIdOf(1) }),
  b: fake(b, { pipelineName: 'b', runId: runIdOf(2) }),
  c: fake(c, { pipelineName: 'c', runId: runIdOf(3) }),
});

const failedCopy = (runId: string, pipelineName: string) => ({
  activityName: 'Copy orders',
  activityType: 'Copy',
  activityRunId: `act-${runId}`,
  pipelineName,
  pipelineRunId: runId,
  status: 'Failed',
  activityRunStart: new Date(T0).toISOString(),
  activityRunEnd: new Date(T0 + 1_000).toISOString(),
  durationInMs: 1_000,
  error: { errorCode: '2200', message: 'The sink table is missing.', failureType: 'UserError' },
});

describe('one run', () => {
  it('succeeds: outputs, summary, the closing line; the post step has nothing to do; no secret saved', async () => {
    const service = fake(succeeds(5_000));
    await single(service);
    expect(recorded.failed).toEqual([]);
    expect(recorded.outputs).toMatchObject({ 'run-id': RUN_ID, status: 'Succeeded', started: 'true' });
    expect(runsOutput()).toMatchObject([{ pipeline: 'p1', 'run-id': RUN_ID, status: 'Succeeded', started: true }]);
    expect(recorded.info).toContain(`Run ${RUN_ID} succeeded.`);
    expect(summary()).toContain('## ✅ p1: Succeeded');
    expect(savedRuns()).toMatchObject([{ runId: RUN_ID, started: true, ended: true }]);
    expect(recorded.state.done).toBe('true');
    expect(savedContext().target).toMatchObject({ service: 'data-factory', factoryName: 'f1' });
    expect(recorded.state.context).not.toContain('the-client-secret-value');
    expect(recorded.secrets).toContain('the-client-secret-value');
  });

  it('fails: the failed activity is annotated and named in the failure; failed-activities set', async () => {
    const service = fake(fails(3_000));
    service.activities[RUN_ID] = [failedCopy(RUN_ID, 'p1')];
    await single(service);
    expect(recorded.outputs.status).toBe('Failed');
    expect(recorded.errors).toEqual([{ message: 'UserError 2200: The sink table is missing.', title: 'Copy orders' }]);
    expect(recorded.failed).toHaveLength(1);
    expect(recorded.failed[0]).toContain(`Pipeline 'p1' run ${RUN_ID} ended Failed`);
    expect(recorded.failed[0]).toContain('  - Copy orders (Copy): UserError 2200: The sink table is missing.');
    expect(JSON.parse(recorded.outputs['failed-activities']!)).toMatchObject([{ name: 'Copy orders' }]);
    expect(summary()).toContain('### Failed activities (1)');
    expect(recorded.state.done).toBe('true');
  });

  describe('timeout', () => {
    it('cancels the run it started', async () => {
      const service = fake(going);
      await single(service, { timeout: '30s' });
      expect(service.ops('cancelRun')).toHaveLength(1);
      expect(recorded.failed[0]).toMatch(/^Timed out after 30s waiting for run .* Cancelled run /);
      expect(recorded.outputs.status).toBe('Cancelled');
      expect(recorded.state.done).toBe('true');
    });

    it('cancel-on-timeout: false leaves it running', async () => {
      const service = fake(going);
      await single(service, { timeout: '30s', 'cancel-on-timeout': 'false' });
      expect(service.ops('cancelRun')).toEqual([]);
      expect(recorded.failed[0]).toContain('The run was left InProgress (cancel-on-timeout: false).');
      expect(recorded.outputs.status).toBe('InProgress');
      expect(recorded.state.done).toBe('true');
    });

    it('a run that succeeds at the deadline passes the step, with a note', async () => {
      const service = fake(succeeds(30_000));
      let lastLook = false;
      service.failAlways('getRun', (c) =>
        c.at - service.startedAt! >= 30_000 && !lastLook ? ((lastLook = true), serviceError(503)) : undefined,
      );
      await single(service, { timeout: '30s' });
      expect(recorded.failed).toEqual([]);
      expect(recorded.outputs.status).toBe('Succeeded');
      expect(service.ops('cancelRun')).toEqual([]);
      expect(summary()).toContain('The run succeeded at the deadline');
    });
  });

  it('the workflow is cancelled: the run is cancelled, the step fails, the post step has nothing to do', async () => {
    const service = fake(going);
    await single(service, {}, [[() => service.ops('getRun').length >= 3, cancelWorkflow]]);
    expect(service.ops('cancelRun')).toHaveLength(1);
    expect(recorded.failed[0]).toMatch(/^The workflow was cancelled while waiting for run /);
    expect(recorded.outputs.status).toBe('Cancelled');
    expect(recorded.state.done).toBe('true');
  });

  describe('our own error after the start', () => {
    const forbiddenMidWait = () => {
      const service = fake(going);
      service.failAlways('getRun', (c) =>
        service.ops('getRun').indexOf(c) === 2 ? serviceError(403, 'AuthorizationFailed') : undefined,
      );
      return service;
    };

    it('cancels the run (cancel-on-workflow-cancel) and fails with the error, the ID and the link', async () => {
      const service = forbiddenMidWait();
      await single(service);
      expect(service.ops('cancelRun')).toHaveLength(1);
      expect(recorded.failed[0]).toContain('AuthorizationFailed');
      expect(recorded.failed[0]).toContain(`Run ${RUN_ID}: https://adf.azure.com/`);
      expect(recorded.outputs.status).toBe('Cancelled');
    });

    it('cancel-on-workflow-cancel: false leaves it', async () => {
      const service = forbiddenMidWait();
      await single(service, { 'cancel-on-workflow-cancel': 'false' });
      expect(service.ops('cancelRun')).toEqual([]);
      expect(recorded.failed[0]).toContain('The run was left running (cancel-on-workflow-cancel: false).');
      expect(recorded.outputs.status).toBe('InProgress');
    });
  });

  it('start refused: the service’s words, no run, the post step has nothing to do', async () => {
    const service = fake(going);
    service.fail('startRun', serviceError(400, 'BadRequest'));
    await single(service);
    expect(recorded.failed[0]).toMatch(/^Azure refused to start the run: HTTP 400 BadRequest/);
    expect(recorded.outputs).toMatchObject({ 'run-id': '', started: 'false', status: '' });
    expect(savedRuns()).toMatchObject([{ runId: '', ended: true }]);
    expect(recorded.state.done).toBe('true');
  });

  it('parameters that do not fit: nothing starts, the outputs still say so', async () => {
    const service = fake(going, { definitions: { limit: { type: 'Int' } } });
    await single(service, { parameters: '{"limit": "many"}' });
    expect(service.ops('startRun')).toEqual([]);
    expect(recorded.failed[0]).toMatch(/^The parameters do not fit pipeline 'p1' \(no run was started\)/);
    expect(recorded.outputs).toMatchObject({ 'run-id': '', started: 'false', status: '' });
    expect(runsOutput()).toMatchObject([{ pipeline: 'p1', 'run-id': '', started: false }]);
    expect(recorded.outputs.message).toContain('The parameters do not fit');
  });

  describe('if-running', () => {
    /** A run of p1 someone else started 5 minutes ago. */
    const othersRun = (phases: Phase[]) => {
      const service = fake(phases, { runId: runIdOf(9) });
      service.startedAt = T0 - 5 * MIN;
      service.found = [service.view()];
      return service;
    };

    it('skip: reports the run found, starts nothing, succeeds', async () => {
      const service = othersRun(going);
      await single(service, { 'if-running': 'skip' });
      expect(service.ops('startRun')).toEqual([]);
      expect(recorded.outputs).toMatchObject({ 'run-id': runIdOf(9), started: 'false', status: 'InProgress' });
      expect(recorded.failed).toEqual([]);
      expect(recorded.state.done).toBe('true');
    });

    it('attach: waits for the run found, and its end is the step’s', async () => {
      const service = othersRun(succeeds(6 * MIN));
      await single(service, { 'if-running': 'attach' });
      expect(service.ops('startRun')).toEqual([]);
      expect(recorded.outputs).toMatchObject({ 'run-id': runIdOf(9), started: 'false', status: 'Succeeded' });
      expect(recorded.failed).toEqual([]);
      expect(savedRuns()).toMatchObject([{ runId: runIdOf(9), started: false, ended: true }]);
    });
  });

  it('wait: false: the status read once, the step succeeds', async () => {
    const service = fake(going);
    const ms = await single(service, { wait: 'false' });
    expect(recorded.outputs.status).toBe('InProgress');
    expect(recorded.info).toContain('Not waiting (wait: false). Status now: InProgress.');
    expect(recorded.failed).toEqual([]);
    expect(recorded.state.done).toBe('true');
    expect(ms).toBeLessThanOrEqual(1_000);
  });

  it('invalid inputs fail the step before any service is built', async () => {
    services.current = FakeFleet.of(fake(going));
    setInputs({ 'pipeline-name': 'p1', timeout: 'soon' });
    await drive(run);
    expect(recorded.failed[0]).toContain("'timeout' must be a duration");
    expect(services.current.calls).toEqual([]);
  });
});

describe('a batch', () => {
  it('all succeed: runs in list order, the aggregate outputs, one summary table', async () => {
    await batch(trio(succeeds(3_000), succeeds(5_000), succeeds(4_000)));
    expect(recorded.failed).toEqual([]);
    expect(recorded.outputs).toMatchObject({ status: 'Succeeded', started: 'true', 'run-id': '', message: '' });
    expect(runsOutput().map((r) => [r.pipeline, r['run-id'], r.status])).toEqual([
      ['a', runIdOf(1), 'Succeeded'],
      ['b', runIdOf(2), 'Succeeded'],
      ['c', runIdOf(3), 'Succeeded'],
    ]);
    expect(recorded.info).toContain('All 3 pipeline(s) succeeded in 5s.');
    expect(summary()).toContain('## ✅ 3 pipelines: Succeeded');
    expect(summary()).toContain('| Pipeline | Status | Duration | Run |');
    expect(savedRuns().map((r) => r.ended)).toEqual([true, true, true]);
    expect(recorded.state.done).toBe('true');
  });

  it('one fails: its activity is annotated with its pipeline; the others still end', async () => {
    const fakes = trio(succeeds(3_000), fails(2_000), succeeds(4_000));
    fakes.b.activities[runIdOf(2)] = [failedCopy(runIdOf(2), 'b')];
    await batch(fakes);
    expect(recorded.outputs.status).toBe('Failed');
    expect(recorded.errors).toEqual([
      { message: 'UserError 2200: The sink table is missing.', title: 'b › Copy orders' },
    ]);
    expect(recorded.failed).toEqual([expect.stringMatching(/^1 of 3 pipeline\(s\) did not succeed:\nb: Failed/)]);
    expect(runsOutput().map((r) => r.status)).toEqual(['Succeeded', 'Failed', 'Succeeded']);
    expect(JSON.parse(recorded.outputs['failed-activities']!)).toMatchObject([
      { name: 'Copy orders', pipelineName: 'b' },
    ]);
    expect(summary()).toContain('### ❌ b: Failed');
  });

  describe('timeout', () => {
    it('cancels the runs still going; the one that ended keeps its status', async () => {
      const fleet = await batch(trio(succeeds(3_000), going, going), { timeout: '30s' });
      expect(fleet.ops('cancelRun').map((c) => c.pipeline)).toEqual(['b', 'c']);
      expect(recorded.failed[0]).toMatch(/^Timed out after 30s waiting for the runs\.\nb: Cancelled: /);
      expect(runsOutput().map((r) => r.status)).toEqual(['Succeeded', 'Cancelled', 'Cancelled']);
      expect(recorded.state.done).toBe('true');
    });

    it('cancel-on-timeout: false leaves them', async () => {
      const fleet = await batch(trio(going, going, succeeds(1_000)), { timeout: '30s', 'cancel-on-timeout': 'false' });
      expect(fleet.ops('cancelRun')).toEqual([]);
      expect(runsOutput().map((r) => r.status)).toEqual(['InProgress', 'InProgress', 'Succeeded']);
      expect(recorded.outputs.status).toBe('InProgress');
    });
  });

  it('the workflow is cancelled: every run going is cancelled', async () => {
    const fakes = trio(going, going, succeeds(1_000));
    const fleet = await batch(fakes, {}, [[() => fakes.a.ops('getRun').length >= 2, cancelWorkflow]]);
    expect(
      fleet
        .ops('cancelRun')
        .map((c) => c.pipeline)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(recorded.failed[0]).toMatch(/^The workflow was cancelled while waiting for the runs\./);
    expect(recorded.state.done).toBe('true');
  });

  it('our own error after the start: every run still going is cancelled, the error said', async () => {
    const fakes = trio(going, going, going);
    fakes.b.failAlways('getRun', (c) =>
      fakes.b.ops('getRun').indexOf(c) === 1 ? serviceError(403, 'AuthorizationFailed') : undefined,
    );
    const fleet = await batch(fakes);
    expect(
      fleet
        .ops('cancelRun')
        .map((c) => c.pipeline)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    expect(recorded.failed[0]).toContain('AuthorizationFailed');
    expect(runsOutput().map((r) => r.status)).toEqual(['Cancelled', 'Cancelled', 'Cancelled']);
  });

  it('a start refused: that item fails, the others run', async () => {
    const fakes = trio(succeeds(2_000), going, succeeds(2_000));
    fakes.b.fail('startRun', serviceError(400, 'BadRequest'));
    await batch(fakes);
    expect(runsOutput().map((r) => [r.status, r.started])).toEqual([
      ['Succeeded', true],
      ['', false],
      ['Succeeded', true],
    ]);
    expect(recorded.failed[0]).toMatch(/^1 of 3 pipeline\(s\) did not succeed:\nb: not started: Azure refused/);
    expect(recorded.warnings.some((w) => w.startsWith('[b] Azure refused to start the run'))).toBe(true);
  });

  it('parameters that do not fit one pipeline: nothing starts, `runs` lists every item unstarted', async () => {
    const fakes = trio(going, going, going);
    fakes.b.definitions = { definitions: { limit: { type: 'Int' } } };
    setInputs({});
    const fleet = await batch(fakes, {
      pipelines: '- a\n- name: b\n  parameters:\n    limit: many\n- c',
    });
    expect(fleet.ops('startRun')).toEqual([]);
    expect(recorded.failed[0]).toMatch(
      /^The pipelines do not fit their definitions \(no run was started\):\n {2}- 'b': /,
    );
    expect(runsOutput().map((r) => [r.pipeline, r['run-id'], r.started, r.message])).toEqual([
      ['a', '', false, 'Not started.'],
      ['b', '', false, expect.stringContaining('limit')],
      ['c', '', false, 'Not started.'],
    ]);
    // No run at all: no status, as for one run (issue 19, defect 3).
    expect(recorded.outputs).toMatchObject({ status: '', started: 'false' });
  });

  it('a sign-in failure is said once, not once per pipeline', async () => {
    const fakes = trio(going, going, going);
    for (const f of Object.values(fakes)) {
      f.failAlways('prepare', new AuthError('Sign-in to Azure failed (client-secret): AADSTS7000215 invalid secret'));
    }
    const fleet = await batch(fakes);
    expect(fleet.ops('prepare')).toHaveLength(1);
    expect(recorded.failed).toHaveLength(1);
    expect(recorded.failed[0]!.match(/Sign-in to Azure failed/g)).toHaveLength(1);
    expect(recorded.warnings.filter((w) => w.includes('Sign-in'))).toEqual([]);
    expect(fleet.ops('startRun')).toEqual([]);
  });

  it('if-running: skip skips the pipeline with a run going and starts the others', async () => {
    const fakes = trio(succeeds(2_000), going, succeeds(2_000));
    const other = fake(going, { pipelineName: 'b', runId: runIdOf(8) });
    other.startedAt = T0 - MIN;
    fakes.b.found = [other.view()];
    const fleet = await batch(fakes, { 'if-running': 'skip' });
    expect(fleet.ops('startRun').map((c) => c.pipeline)).toEqual(['a', 'c']);
    expect(runsOutput().map((r) => [r['run-id'], r.started])).toEqual([
      [runIdOf(1), true],
      [runIdOf(8), false],
      [runIdOf(3), true],
    ]);
    expect(recorded.failed).toEqual([]);
    expect(recorded.outputs.started).toBe('false');
  });

  it('wait: false starts every run and reads each once', async () => {
    const fleet = await batch(trio(going, going, going), { wait: 'false' });
    expect(fleet.ops('startRun')).toHaveLength(3);
    expect(fleet.ops('getRun')).toHaveLength(3);
    expect(recorded.failed).toEqual([]);
    expect(runsOutput().map((r) => r.status)).toEqual(['InProgress', 'InProgress', 'InProgress']);
    expect(recorded.state.done).toBe('true');
  });

  it('fail-fast: the first failure cancels the runs in flight and starts no more', async () => {
    const fleet = await batch(trio(fails(3_000), going, going), { 'fail-fast': 'true', 'max-parallel': '2' });
    expect(fleet.ops('startRun').map((c) => c.pipeline)).toEqual(['a', 'b']);
    expect(fleet.ops('cancelRun').map((c) => c.pipeline)).toEqual(['b']);
    expect(runsOutput().map((r) => [r.status, r.message])).toEqual([
      ['Failed', 'Activity failed'],
      ['Cancelled', expect.stringContaining('fail-fast')],
      ['', 'Not started (fail-fast).'],
    ]);
    expect(recorded.info.some((l) => l.startsWith("fail-fast: 'a' ended Failed"))).toBe(true);
    expect(recorded.state.done).toBe('true');
  });

  it('max-parallel: 1 starts each run after the one before has ended', async () => {
    const fleet = await batch(trio(succeeds(3_000), succeeds(3_000), succeeds(3_000)), { 'max-parallel': '1' });
    const starts = fleet.ops('startRun');
    expect(starts.map((c) => c.pipeline)).toEqual(['a', 'b', 'c']);
    expect(starts[1]!.at - starts[0]!.at).toBeGreaterThanOrEqual(3_000);
    expect(starts[2]!.at - starts[1]!.at).toBeGreaterThanOrEqual(3_000);
    expect(recorded.failed).toEqual([]);
  });

  it('fail-fast: a run that had ended by the time it was to be cancelled keeps its own end', async () => {
    const fakes = trio(fails(3_000), succeeds(3_000), succeeds(60_000));
    // b's read in the round that sees a fail gets no answer; the cancel's look finds it Succeeded.
    fakes.b.failAlways('getRun', (c) =>
      c.at - fakes.b.startedAt! === 3_000 && fakes.b.ops('getRun').indexOf(c) === 2 ? serviceError(503) : undefined,
    );
    const fleet = await batch(fakes, { 'fail-fast': 'true' });
    expect(fleet.ops('cancelRun').map((c) => c.pipeline)).toEqual(['c']);
    expect(runsOutput().map((r) => [r.status, r.message])).toEqual([
      ['Failed', 'Activity failed'],
      ['Succeeded', 'fail-fast: another run did not succeed; the run had already ended Succeeded.'],
      ['Cancelled', expect.stringMatching(/^fail-fast: another run did not succeed\. Cancelled run /)],
    ]);
    expect(recorded.failed[0]).toMatch(/^2 of 3 pipeline\(s\) did not succeed:\na: Failed/);
  });

  it('fail-fast reaches an item still in its if-running wait: it starts nothing', async () => {
    const fakes = trio(fails(3_000), going, succeeds(1_000));
    const other = fake(going, { pipelineName: 'b', runId: runIdOf(8) });
    other.startedAt = T0 - MIN;
    fakes.b.found = [other.view()];
    const fleet = await batch(fakes, { 'fail-fast': 'true', 'if-running': 'wait', 'max-parallel': '2' });
    expect(fleet.ops('startRun').map((c) => c.pipeline)).toEqual(['a']);
    expect(runsOutput().map((r) => [r.status, r.message])).toEqual([
      ['Failed', 'Activity failed'],
      ['', 'Not started (fail-fast).'],
      ['', 'Not started (fail-fast).'],
    ]);
    expect(recorded.state.done).toBe('true');
  });

  it('max-parallel: 1 and a timeout: the items not reached are reported not started', async () => {
    await batch(trio(going, going, going), { 'max-parallel': '1', timeout: '30s', 'cancel-on-timeout': 'false' });
    expect(runsOutput().map((r) => [r.status, r.message])).toEqual([
      ['InProgress', expect.stringContaining('The wait timed out after 30s')],
      ['', 'Not started (timeout).'],
      ['', 'Not started (timeout).'],
    ]);
    expect(recorded.failed[0]).toContain('c: not started: Not started (timeout).');
  });

  it('max-parallel: 1 and the workflow cancelled: the items not reached are not started', async () => {
    const fakes = trio(going, going, going);
    const fleet = await batch(fakes, { 'max-parallel': '1' }, [
      [() => fakes.a.ops('getRun').length >= 2, cancelWorkflow],
    ]);
    expect(fleet.ops('startRun').map((c) => c.pipeline)).toEqual(['a']);
    expect(runsOutput().map((r) => r.message)).toEqual([
      expect.stringContaining('The workflow was cancelled.'),
      'Not started (cancelled).',
      'Not started (cancelled).',
    ]);
  });

  it('prints progress lines per pipeline', async () => {
    await batch(trio(succeeds(3_000), succeeds(3_000), succeeds(3_000)));
    expect(recorded.info.some((l) => /^\[b\] Status: InProgress/.test(l))).toBe(true);
  });
});

describe('the step’s time', () => {
  it('a long batch is still watched to its end within the timeout', async () => {
    await batch(trio(succeeds(2 * HOUR), succeeds(MIN), succeeds(MIN)), { timeout: '3h', 'poll-interval': 'auto' });
    expect(recorded.failed).toEqual([]);
  });
});
