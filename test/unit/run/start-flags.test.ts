// What the start sends and says (run-control.ts through runLifecycle): the rerun flags, the
// recovery mark, and the time a slow start took from the timeout.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => import('../../support/core-mock.ts'));

import { recorded, resetCore } from '../../support/core-mock.ts';
import { FakeService, RUN_ID, transportError } from '../../support/fake-service.ts';
import { runToEnd } from '../../support/lifecycle-harness.ts';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2025-01-01T00:00:00Z') });
  resetCore();
});
afterEach(() => {
  vi.useRealTimers();
});

const REF = '0b0b0b0b-1111-4222-8333-444444444444';
const flagsSent = (service: FakeService) => (service.ops('startRun')[0]!.args[0] as { flags: unknown }).flags;

describe('the start', () => {
  it('a recovery run: the reference run and the recovery flag go out, and the log says recovery', async () => {
    const service = new FakeService();
    await runToEnd(service, { referenceRunId: REF, recovery: true });
    expect(flagsSent(service)).toEqual({ referencePipelineRunId: REF, isRecovery: true });
    expect(recorded.info).toContain(`Started run ${RUN_ID} of pipeline 'p1' (recovery of run ${REF}).`);
  });

  it('start-activity and start-from-failure go out as given', async () => {
    const service = new FakeService();
    await runToEnd(service, { referenceRunId: REF, recovery: true, startActivity: 'Copy', startFromFailure: true });
    expect(flagsSent(service)).toEqual({
      referencePipelineRunId: REF,
      isRecovery: true,
      startActivityName: 'Copy',
      startFromFailure: true,
    });
  });

  it('a plain start sends no flags and says no recovery', async () => {
    const service = new FakeService();
    await runToEnd(service);
    expect(flagsSent(service)).toEqual({});
    expect(recorded.info).toContain(`Started run ${RUN_ID} of pipeline 'p1'.`);
  });

  it('a start that took more than a minute says how much of the timeout it used', async () => {
    const service = new FakeService();
    service.fail('startRun', transportError(true), 8);
    await runToEnd(service);
    expect(recorded.outputs.status).toBe('Succeeded');
    expect(recorded.info.some((l) => / of the timeout went to getting the run started\.$/.test(l))).toBe(true);
  });

  it('a quick start says nothing of it', async () => {
    await runToEnd(new FakeService());
    expect(recorded.info.some((l) => l.includes('went to getting the run started'))).toBe(false);
  });
});
