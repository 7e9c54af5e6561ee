// `run-id` in process (same harness as lifecycle.test.ts): the step waits for a run it did not
// start; what it says, what it masks, what it leaves alone; and the post step's state format.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => import('../../support/core-mock.ts'));

import { isDone, loadContext, loadRuns, markDone, saveRuns } from '../../../src/run/state.js';
import { recorded, resetCore } from '../../support/core-mock.ts';
import { FakeService, RUN_ID, serviceError } from '../../support/fake-service.ts';
import { MIN, phases, runToEnd } from '../../support/lifecycle-harness.ts';

const T0 = Date.parse('2025-01-01T00:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  resetCore();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A run of p1 someone started 5 minutes ago, with these parameters echoed. */
function someoneElses(parameters?: Record<string, unknown>) {
  const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 6 * MIN }, { status: 'Succeeded' }) });
  service.startedAt = T0 - 5 * MIN;
  const view = service.view.bind(service);
  service.view = (at?: number) => {
    const v = view(at);
    return parameters ? { ...v, parameters, raw: { ...v.raw, parameters } } : v;
  };
  return service;
}

describe('run-id', () => {
  it('attaches, says so, waits to the end, and never cancels what it did not start', async () => {
    const service = someoneElses();
    // The inputs' default: cancel runs this step started, not those it attached to.
    await runToEnd(service, { runId: RUN_ID, pipelineName: '', cancelOnWorkflowCancel: 'started-only' });
    expect(service.ops('startRun')).toEqual([]);
    expect(recorded.info.some((l) => l.startsWith(`Attached to run ${RUN_ID} (InProgress, started `))).toBe(true);
    expect(recorded.info.some((l) => l.endsWith("of pipeline 'p1' (run-id); this step did not start it."))).toBe(true);
    expect(recorded.outputs).toMatchObject({ 'run-id': RUN_ID, started: 'false', status: 'Succeeded' });
    expect(JSON.parse(recorded.state.runs!)).toMatchObject([{ runId: RUN_ID, started: false, cancel: false }]);
  });

  it('a timeout leaves an attached run running and says why', async () => {
    const service = someoneElses();
    service.phases = phases({ status: 'InProgress' });
    await runToEnd(service, { runId: RUN_ID, timeoutMs: 10_000, cancelOnTimeout: 'started-only' });
    expect(service.ops('cancelRun')).toEqual([]);
    expect(recorded.failed[0]).toContain(
      "The run was left InProgress: this step did not start it (set 'cancel-on-timeout: true' to cancel attached runs).",
    );
  });

  it('a run of another pipeline is refused with what to fix', async () => {
    const service = someoneElses();
    await runToEnd(service, { runId: RUN_ID, pipelineName: 'other' });
    expect(recorded.failed[0]).toBe(
      `Run ${RUN_ID} is a run of pipeline 'p1', not 'other': fix 'run-id', or set 'pipeline-name' to 'p1' (or remove it).`,
    );
  });

  it('a run that does not exist is refused with where it was looked for', async () => {
    const service = someoneElses();
    service.failAlways('getRun', serviceError(404, 'PipelineRunNotFound'));
    await runToEnd(service, { runId: RUN_ID });
    expect(recorded.failed[0]).toBe(
      `There is no run ${RUN_ID} in factory f1 (pipeline 'p1'): check 'run-id' (runs of another factory are not visible here).`,
    );
  });

  it('the echoed parameters are masked per the pipeline’s definition, read once the pipeline is known', async () => {
    const service = someoneElses({ pw: 'hunter2-value', region: 'eu' });
    service.definitions = { definitions: { pw: { type: 'SecureString' }, region: { type: 'String' } } };
    await runToEnd(service, { runId: RUN_ID, pipelineName: '' });
    expect(service.ops('readDefinition').map((c) => c.args[0])).toEqual(['p1']);
    expect(JSON.parse(recorded.outputs.run!).parameters).toEqual({ pw: '***', region: 'eu' });
  });

  it('without a readable definition every echoed value is masked', async () => {
    const service = someoneElses({ pw: 'hunter2-value' });
    service.failAlways('readDefinition', serviceError(403, 'AuthorizationFailed'));
    await runToEnd(service, { runId: RUN_ID, pipelineName: '' });
    expect(JSON.parse(recorded.outputs.run!).parameters).toEqual({ pw: '***' });
    expect(recorded.info.some((l) => l.includes('so every parameter value the run reports is masked'))).toBe(true);
  });

  it('a run without parameters reads no definition', async () => {
    const service = someoneElses();
    await runToEnd(service, { runId: RUN_ID, pipelineName: '' });
    expect(service.ops('readDefinition')).toEqual([]);
  });
});

describe('the post step’s state', () => {
  it('the runs round-trip; anything but a list reads as none', () => {
    saveRuns([{ pipelineName: 'p', runId: 'r', started: true, cancel: true }]);
    expect(loadRuns()).toEqual([{ pipelineName: 'p', runId: 'r', started: true, cancel: true }]);
    recorded.state.runs = '{"not":"a list"}';
    expect(loadRuns()).toEqual([]);
    recorded.state.runs = 'not JSON';
    expect(loadRuns()).toEqual([]);
    delete recorded.state.runs;
    expect(loadRuns()).toEqual([]);
  });

  it('a context without a target, or not JSON, is none', () => {
    recorded.state.context = '{"authMode":"oidc"}';
    expect(loadContext()).toBeUndefined();
    recorded.state.context = '"text"';
    expect(loadContext()).toBeUndefined();
    recorded.state.context = '{"target":{"service":"fabric"}}';
    expect(loadContext()).toEqual({ target: { service: 'fabric' } });
  });

  it('done is said once main is done with every run', () => {
    expect(isDone()).toBe(false);
    markDone();
    expect(isDone()).toBe(true);
  });
});
