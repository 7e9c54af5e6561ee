// The lifecycle's steps before and around the wait, in process (same harness as lifecycle.test.ts):
// what is checked before the start, what is said, what is saved for the post step, and which requests are made.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => import('../../support/core-mock.ts'));

import { recorded, resetCore } from '../../support/core-mock.ts';
import { TransportError } from '../../../src/http/errors.js';
import { FakeService, RUN_ID, serviceError } from '../../support/fake-service.ts';
import { SIGNAL_CANCEL_BUDGET_MS } from '../../../src/runtime/tuning.js';

import { HOUR, MIN, finish, phases, runToEnd, start, summary } from '../../support/lifecycle-harness.ts';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2025-01-01T00:00:00Z') });
  resetCore();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('before the start', () => {
  it('a pipeline the service cannot prepare fails the step; nothing is started', async () => {
    const service = new FakeService();
    service.fail('prepare', serviceError(404, 'PipelineNotFound'));
    await runToEnd(service);
    expect(service.ops('prepare').map((c) => c.args[0])).toEqual(['p1']);
    expect(recorded.failed).toHaveLength(1);
    expect(recorded.failed[0]).toContain('PipelineNotFound');
    expect(service.ops('startRun')).toEqual([]);
    expect(recorded.outputs['run-id']).toBe('');
    expect(recorded.outputs.started).toBe('false');
  });

  it('prepare is asked for the pipeline first, and the run goes ahead', async () => {
    const service = new FakeService();
    await runToEnd(service);
    expect(service.calls[0].op).toBe('prepare');
    expect(service.ops('prepare')).toHaveLength(1);
    expect(recorded.failed).toEqual([]);
  });

  // Since the one lifecycle the definition is read with reference-run-id too, but only to mask the
  // SecureString values the reference run echoes (plan.ts): the given parameters are not checked.
  it('reference-run-id with parameters: warns that they are ignored, checks them against nothing', async () => {
    const service = new FakeService({ definitions: { a: { type: 'Int' } } });
    await runToEnd(service, { referenceRunId: 'ref-1', parameters: { a: 'not a number' } });
    expect(recorded.warnings).toContain(
      "'reference-run-id' is set, so ADF reuses that run's parameters and ignores 'parameters' and 'parameters-file'.",
    );
    expect(service.ops('readDefinition')).toHaveLength(1);
    expect(service.ops('startRun')).toHaveLength(1);
    expect(recorded.failed).toEqual([]);
  });

  it('reference-run-id whose definition cannot be read: every echoed parameter is masked, the run starts', async () => {
    const service = new FakeService();
    service.failAlways('readDefinition', serviceError(404, 'PipelineNotFound'));
    await runToEnd(service, { referenceRunId: 'ref-1' });
    expect(service.ops('startRun')).toHaveLength(1);
    expect(recorded.failed).toEqual([]);
    expect(recorded.info.join('\n')).toContain('so every parameter value the run reports is masked');
  });

  it('reference-run-id without parameters: no warning', async () => {
    const service = new FakeService();
    await runToEnd(service, { referenceRunId: 'ref-1' });
    expect(recorded.warnings).toEqual([]);
  });

  it('validate-parameters: false reads no definition and passes the parameters as given', async () => {
    const service = new FakeService({ definitions: { a: { type: 'Int' } } });
    await runToEnd(service, { validateParameters: false, parameters: { a: 'x' } });
    expect(service.ops('readDefinition')).toEqual([]);
    expect(recorded.failed).toEqual([]);
    expect((service.ops('startRun')[0].args[0] as { parameters: unknown }).parameters).toEqual({ a: 'x' });
  });

  it('parameters that do not fit fail the step before the start, listing each problem', async () => {
    const service = new FakeService({ definitions: { a: { type: 'Int' }, b: { type: 'String' } } });
    await runToEnd(service, { parameters: { a: 'x', c: 1 } });
    expect(service.ops('readDefinition').map((c) => c.args[0])).toEqual(['p1']);
    expect(service.ops('startRun')).toEqual([]);
    expect(recorded.failed).toHaveLength(1);
    expect(recorded.failed[0]).toMatch(/^The parameters do not fit pipeline 'p1' \(no run was started\):\n {2}- /);
    expect(recorded.failed[0].split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(3);
  });

  it('converts what fits, says so, and starts with the converted values', async () => {
    const service = new FakeService({ definitions: { n: { type: 'Int' } } });
    await runToEnd(service, { parameters: { n: '5' } });
    expect(recorded.failed).toEqual([]);
    expect(recorded.info.some((l) => l.startsWith("Converted parameter 'n'"))).toBe(true);
    expect((service.ops('startRun')[0].args[0] as { parameters: unknown }).parameters).toEqual({ n: 5 });
    expect(recorded.info).toContain('Parameters: {"n":5}');
  });

  it('no parameters: no Parameters line', async () => {
    await runToEnd(new FakeService());
    expect(recorded.info.some((l) => l.startsWith('Parameters:'))).toBe(false);
  });

  it('reading the definition is asked again through a passing fault', async () => {
    const service = new FakeService({ definitions: { n: { type: 'Int' } } });
    service.fail('readDefinition', serviceError(503), 2);
    await runToEnd(service, { parameters: { n: 'x' } });
    expect(service.ops('readDefinition')).toHaveLength(3);
    expect(recorded.failed[0]).toMatch(/^The parameters do not fit/);
  });

  it('a definition that cannot be read for good fails the step within two minutes; nothing is started', async () => {
    const service = new FakeService();
    service.failAlways('readDefinition', serviceError(503, 'ServiceUnavailable'));
    const { ms } = await runToEnd(service);
    expect(service.ops('startRun')).toEqual([]);
    expect(recorded.failed[0]).toContain('ServiceUnavailable');
    expect(ms).toBeLessThanOrEqual(120_000);
    expect(ms).toBeGreaterThan(60_000);
  });

  it('a refused definition read fails at once', async () => {
    const service = new FakeService();
    service.fail('readDefinition', serviceError(403, 'AuthorizationFailed'));
    const { ms } = await runToEnd(service);
    expect(service.ops('readDefinition')).toHaveLength(1);
    expect(service.ops('startRun')).toEqual([]);
    expect(recorded.failed[0]).toContain('AuthorizationFailed');
    expect(ms).toBeLessThan(2_000);
  });

  it.each([
    ['warning', { unavailable: 'No definitions here.' }, {}, 'warning'],
    ['warning', { unavailable: 'No definitions here.', level: 'warning' as const }, {}, 'warning'],
    ['notice with parameters', { unavailable: 'No definitions here.', level: 'notice' as const }, { a: 1 }, 'notice'],
    ['notice without parameters', { unavailable: 'No definitions here.', level: 'notice' as const }, {}, 'none'],
  ])('definitions unavailable (%s)', async (_name, answer, parameters, expected) => {
    const service = new FakeService();
    service.definitions = answer;
    await runToEnd(service, { parameters });
    expect(recorded.warnings.includes('No definitions here.')).toBe(expected === 'warning');
    expect(recorded.info.includes('No definitions here.')).toBe(expected === 'notice');
    expect(recorded.failed).toEqual([]);
    expect(service.ops('startRun')).toHaveLength(1);
  });

  it('a workflow cancelled before the start starts nothing and says so', async () => {
    const service = new FakeService();
    const s = start(service);
    s.controller.abort();
    await finish(s, MIN, 100);
    expect(service.ops('startRun')).toEqual([]);
    expect(recorded.failed).toEqual(['The workflow was cancelled before the run was started; nothing to clean up.']);
  });
});

describe('once the run exists', () => {
  it('outputs its ID, link and started, and says where to monitor it', async () => {
    await runToEnd(new FakeService());
    const url = `https://adf.azure.com/en/monitoring/pipelineruns/${RUN_ID}?factory=f1`;
    expect(recorded.outputs['run-url']).toBe(url);
    expect(recorded.outputs.started).toBe('true');
    expect(recorded.info).toContain(`Monitor it in ADF Studio: ${url}`);
    expect(recorded.info).toContain(`Run ${RUN_ID} succeeded.`);
  });

  it('no link: no Monitor line', async () => {
    const service = new FakeService();
    service.runUrl = () => '';
    await runToEnd(service);
    expect(recorded.info.some((l) => l.startsWith('Monitor it'))).toBe(false);
  });

  it('says what it waits for: timeout and poll interval', async () => {
    await runToEnd(new FakeService(), { timeoutMs: 2 * HOUR, pollInterval: 15_000 });
    expect(recorded.info).toContain('Waiting for the run to end (timeout 2h, poll interval 15s).');
    resetCore();
    await runToEnd(new FakeService(), { pollInterval: 'auto' });
    expect(recorded.info).toContain('Waiting for the run to end (timeout 1h, poll interval auto).');
  });

  it('wait: false with a read that fails for good warns and reports the run as Queued', async () => {
    const service = new FakeService();
    service.failAlways('getRun', serviceError(503, 'ServiceUnavailable'));
    const { ms } = await runToEnd(service, { wait: false });
    expect(recorded.warnings.some((w) => w.startsWith(`Could not read run ${RUN_ID} (`))).toBe(true);
    expect(recorded.info).toContain('Not waiting (wait: false). Status now: Queued.');
    expect(recorded.failed).toEqual([]);
    expect(recorded.state.done).toBe('true');
    expect(ms).toBeLessThanOrEqual(60_000);
    expect(ms).toBeGreaterThan(30_000);
  });

  it('wait: false does not wait even for a run that is still queued', async () => {
    const service = new FakeService();
    const { ms } = await runToEnd(service, { wait: false });
    expect(recorded.outputs.status).toBe('Queued');
    expect(service.ops('getRun')).toHaveLength(1);
    expect(ms).toBeLessThan(1_000);
  });

  it('a timeout says how long and the status last seen; a run never read is Queued', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    await runToEnd(service, { timeoutMs: 10_000, cancelOnTimeout: false });
    expect(recorded.info).toContain('Timed out after 10s; the run was last seen InProgress.');
    resetCore();
    const never = new FakeService({ phases: phases({ status: 'InProgress' }) });
    never.failAlways('getRun', serviceError(503));
    await runToEnd(never, { timeoutMs: 10_000, cancelOnTimeout: false });
    expect(recorded.info).toContain('Timed out after 10s; the run was last seen Queued.');
    expect(recorded.outputs.status).toBe('Queued');
  });

  it('a timeout cancel uses the cancel budget and its outcome is the status', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    service.cancelingMs = 10 * MIN;
    const s = start(service, { timeoutMs: 10_000 });
    const ms = await finish(s, 5 * MIN, 100);
    expect(recorded.outputs.status).toBe('Canceling');
    // Confirmation within the cancel budget, not the signal budget (6.5 s) nor the wait's timeout.
    expect(ms - 10_000).toBeGreaterThan(SIGNAL_CANCEL_BUDGET_MS);
  });

  it('says it is cancelling, and whether the child pipelines too, when the workflow is cancelled', async () => {
    for (const recursive of [true, false]) {
      resetCore();
      const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
      const s = start(service, { cancelRecursive: recursive });
      await vi.advanceTimersByTimeAsync(3_000);
      s.controller.abort();
      await finish(s, MIN, 100);
      expect(recorded.info).toContain(
        recursive ? `Cancelling ADF run ${RUN_ID} and its child pipelines.` : `Cancelling ADF run ${RUN_ID}.`,
      );
    }
    resetCore();
    const s = start(new FakeService({ phases: phases({ status: 'InProgress' }) }), { cancelOnWorkflowCancel: false });
    await vi.advanceTimersByTimeAsync(3_000);
    s.controller.abort();
    await finish(s, MIN, 100);
    expect(recorded.info.some((l) => l.startsWith('Cancelling'))).toBe(false);
  });

  it('a failed run: its failed activities are read, annotated and in the summary', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 2_000 }, { status: 'Failed' }) });
    service.activities[RUN_ID] = [
      {
        activityName: 'Copy data',
        activityType: 'Copy',
        status: 'Failed',
        activityRunStart: '2025-01-01T00:00:01Z',
        error: { message: 'The source table does not exist.' },
      } as never,
    ];
    await runToEnd(service);
    expect(service.ops('listActivityRuns').map((c) => (c.args[0] as { runId: string }).runId)).toContain(RUN_ID);
    expect(recorded.errors.map((e) => e.message).join('\n')).toContain('The source table does not exist.');
    expect(summary()).toContain('Copy data');
    expect(recorded.failed).toHaveLength(1);
  });

  it('activities that cannot be read: a warning, and the step still reports the run', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 2_000 }, { status: 'Failed' }) });
    service.failAlways('listActivityRuns', serviceError(403, 'AuthorizationFailed'));
    await runToEnd(service);
    expect(recorded.warnings.some((w) => w.startsWith(`Could not read the activity runs of run ${RUN_ID} (`))).toBe(
      true,
    );
    expect(recorded.failed).toHaveLength(1);
    expect(recorded.outputs.status).toBe('Failed');
    expect(recorded.state.done).toBe('true');
  });
});

describe('around the wait', () => {
  const history = (service: FakeService) =>
    (service.found = Array.from({ length: 5 }, (_, i) => ({
      runId: `old-${i}`,
      pipelineName: 'p1',
      status: 'Succeeded' as const,
      message: '',
      runStart: new Date(Date.now() - (i + 1) * HOUR).toISOString(),
      durationMs: 20 * MIN,
      raw: {},
    })));

  it('says how long the pipeline usually takes, from one query', async () => {
    const service = new FakeService();
    history(service);
    await runToEnd(service);
    expect(recorded.info.some((l) => l.startsWith("Runs of 'p1' usually take "))).toBe(true);
    expect(service.ops('findRuns')).toHaveLength(1);
  });

  it('no history: no such line', async () => {
    await runToEnd(new FakeService());
    expect(recorded.info.some((l) => l.startsWith('Runs of'))).toBe(false);
  });

  it('the periodic progress line asks for the running activities with the run’s start', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 6 * MIN }, { status: 'Succeeded' }) });
    await runToEnd(service, { pollInterval: 30_000 });
    const during = service.ops('listActivityRuns').filter((c) => c.at - service.startedAt! < 6 * MIN);
    expect(during).toHaveLength(1);
    expect(during[0].args[0]).toMatchObject({ runId: RUN_ID, runStart: new Date(service.startedAt!).toISOString() });
  });

  it('if-running: skip with a run going: reports it, starts nothing, post step has nothing to do', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    await service.startRun({ pipelineName: 'p1', parameters: {}, flags: {} });
    service.calls = [];
    service.found = [{ ...service.view(), runId: 'running-1' }];
    await runToEnd(service, { ifRunning: 'skip' });
    expect(service.ops('startRun')).toEqual([]);
    expect(recorded.outputs['run-id']).toBe('running-1');
    expect(recorded.outputs.started).toBe('false');
    expect(recorded.outputs.status).toBe('InProgress');
    expect(recorded.info).toContain('Not waiting (if-running: skip). Status now: InProgress.');
    expect(recorded.state.done).toBe('true');
    expect(service.ops('cancelRun')).toEqual([]);
  });
});

describe('what the user is told, and in which order', () => {
  it('run-id, run-url and started are the first outputs, before any status read', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    const s = start(service);
    while (service.ops('startRun').length === 0) await vi.advanceTimersByTimeAsync(10);
    await vi.advanceTimersByTimeAsync(10);
    expect(recorded.outputLog.slice(0, 3)).toEqual([
      ['run-id', RUN_ID],
      ['run-url', `https://adf.azure.com/en/monitoring/pipelineruns/${RUN_ID}?factory=f1`],
      ['started', 'true'],
    ]);
    s.controller.abort();
    await finish(s, MIN, 100);
  });

  it('a host that does not exist: says which, and what to check', async () => {
    const service = new FakeService();
    service.fail(
      'prepare',
      new TransportError('prepare', 'ENOTFOUND', 'getaddrinfo ENOTFOUND nowhere.example', { notSent: true }),
    );
    await runToEnd(service);
    expect(recorded.failed[0]).toContain("The host 'nowhere.example' does not exist (DNS has no such name).");
  });

  it('a service error is handed to the service to explain; a failing explanation does not change it', async () => {
    const service = new FakeService();
    const e = serviceError(404, 'PipelineNotFound');
    service.fail('prepare', e);
    const explain = vi.spyOn(service, 'explain').mockRejectedValue(new Error('no diagnosis'));
    await runToEnd(service);
    expect(explain).toHaveBeenCalledWith(e, 'p1');
    expect(recorded.failed[0]).toContain('PipelineNotFound');
    expect(recorded.failed[0]).not.toContain('no diagnosis');
  });

  it('other errors are not sent to the service to explain', async () => {
    const service = new FakeService();
    service.fail('prepare', new Error('plain'));
    const explain = vi.spyOn(service, 'explain');
    await runToEnd(service);
    expect(explain).not.toHaveBeenCalled();
    expect(recorded.failed[0]).toContain('plain');
  });

  it('a timeout reads no activities and logs no empty line', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    await runToEnd(service, { timeoutMs: 10_000, cancelOnTimeout: false });
    expect(service.ops('listActivityRuns')).toEqual([]);
    expect(recorded.info).not.toContain('undefined');
  });

  it('a workflow cancel logs what became of the run before failing', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    const s = start(service);
    await vi.advanceTimersByTimeAsync(3_000);
    s.controller.abort();
    await finish(s, MIN, 100);
    expect(recorded.info).toContain(`Cancelled run ${RUN_ID}; its status is now Cancelled.`);
  });

  it('the activities of a failed run are read through a passing fault', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 2_000 }, { status: 'Failed' }) });
    service.activities[RUN_ID] = [
      { activityName: 'Copy data', status: 'Failed', error: { message: 'The source table does not exist.' } } as never,
    ];
    service.fail('listActivityRuns', serviceError(503));
    await runToEnd(service);
    expect(service.ops('listActivityRuns')).toHaveLength(2);
    expect(recorded.errors.map((e) => e.message).join('\n')).toContain('The source table does not exist.');
    expect(recorded.warnings).toEqual([]);
  });
});
