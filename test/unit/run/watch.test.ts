// The lifecycle's watch (phase 3) on a fake clock: which statuses end the wait, where the last
// sleep ends, throttling, transient faults and what the wait says. These are the behaviours the
// old waitForRun (src/run/wait.ts) was tested for, now through runLifecycle with the fake service.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => import('../../support/core-mock.ts'));

import { recorded, resetCore } from '../../support/core-mock.ts';
import { ServiceError } from '../../../src/http/errors.js';
import { FakeService, RUN_ID, serviceError, transportError, type Phase } from '../../support/fake-service.ts';
import { HOUR, MIN, finish, phases, runToEnd, start } from '../../support/lifecycle-harness.ts';

const T0 = Date.parse('2025-01-01T00:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  resetCore();
});
afterEach(() => {
  vi.useRealTimers();
});

/** The times of the status reads, from the start of the run. */
const readsAt = (service: FakeService) => service.ops('getRun').map((c) => c.at - service.startedAt!);
const faultWarnings = () => recorded.warnings.filter((w) => w.includes('asking again'));

describe('final statuses end the wait', () => {
  it.each<Phase['status']>(['Succeeded', 'Failed', 'Cancelled'])(
    '%s, seen at the first read after it',
    async (status) => {
      const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 3_000 }, { status }) });
      const { ms } = await runToEnd(service);
      expect(recorded.outputs.status).toBe(status);
      expect(readsAt(service)).toEqual([1_000, 2_000, 3_000]);
      expect(ms).toBe(3_000);
      expect(service.ops('cancelRun')).toEqual([]);
    },
  );

  it.each<Phase['status']>(['Queued', 'InProgress', 'Canceling'])('%s does not: the wait times out', async (status) => {
    const service = new FakeService({ phases: phases({ status }) });
    const { ms } = await runToEnd(service, { timeoutMs: 20_000, cancelOnTimeout: false });
    expect(ms).toBe(20_000);
    expect(recorded.outputs.status).toBe(status);
    expect(recorded.failed[0]).toMatch(/^Timed out after 20s/);
  });
});

describe('the deadline', () => {
  it('auto: a 97 s timeout ends at 97 s, not at the next 10 s step', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    const { ms } = await runToEnd(service, { timeoutMs: 97_000, pollInterval: 'auto', cancelOnTimeout: false });
    expect(ms).toBe(97_000);
    expect(readsAt(service).at(-1)).toBe(97_000);
  });
});

describe('throttling', () => {
  it('waits at least Retry-After before asking again', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 60_000 }, { status: 'Succeeded' }) });
    service.fail('getRun', serviceError(429, 'TooManyRequests', 30_000));
    await runToEnd(service);
    expect(recorded.outputs.status).toBe('Succeeded');
    expect(readsAt(service).slice(0, 2)).toEqual([1_000, 31_000]);
    expect(faultWarnings()).toEqual([
      `Azure is throttling requests (HTTP 429 TooManyRequests, retry after 30s); still waiting for run ${RUN_ID} and asking again.`,
    ]);
  });

  it('Retry-After delays only the next read, then the schedule resumes', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 14_000 }, { status: 'Succeeded' }) });
    service.fail('getRun', serviceError(429, 'TooManyRequests', 10_000));
    await runToEnd(service);
    expect(readsAt(service)).toEqual([1_000, 11_000, 12_000, 13_000, 14_000]);
  });

  it('a 503 with Retry-After waits for it too', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 8_000 }, { status: 'Succeeded' }) });
    service.fail('getRun', serviceError(503, 'ServiceUnavailable', 5_000));
    await runToEnd(service);
    expect(readsAt(service).slice(0, 2)).toEqual([1_000, 6_000]);
  });

  it('a service that asks not to be polled before a time is obeyed', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 10_000 }, { status: 'Succeeded' }) });
    (service as unknown as { pollNotBefore: () => number }).pollNotBefore = () => T0 + 5_000;
    await runToEnd(service);
    expect(readsAt(service).slice(0, 3)).toEqual([5_000, 6_000, 7_000]);
  });
});

describe('poll-interval: auto', () => {
  it('a run created before the step (run-id) is polled for its age', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    // Started 10 minutes ago by someone else: the first delay is already 60 s.
    service.startedAt = T0 - 10 * MIN;
    await runToEnd(service, { runId: RUN_ID, pollInterval: 'auto', timeoutMs: 130_000, cancelOnTimeout: false });
    const waitReads = service
      .ops('getRun')
      .slice(1) // the read that attaches
      .map((c) => c.at - T0);
    expect(waitReads).toEqual([60_000, 120_000, 130_000]);
  });

  it('with a usual duration, reads densely around the usual end', async () => {
    const count = async (history: boolean) => {
      resetCore();
      const service = new FakeService({
        phases: phases({ status: 'InProgress', ms: 31 * MIN }, { status: 'Succeeded' }),
      });
      if (history) {
        service.found = Array.from({ length: 10 }, (_, i) => ({
          runId: `old-${i}`,
          pipelineName: 'p1',
          status: 'Succeeded' as const,
          message: '',
          runStart: new Date(T0 - (i + 1) * HOUR).toISOString(),
          durationMs: 30 * MIN + (i % 3) * 30_000,
          raw: {},
        }));
      }
      await runToEnd(service, { pollInterval: 'auto' }, HOUR);
      return readsAt(service).filter((a) => a >= 28 * MIN).length;
    };
    const plain = await count(false);
    const dense = await count(true);
    expect(recorded.info.some((l) => l.startsWith("Runs of 'p1' usually take 30m"))).toBe(true);
    expect(dense).toBeGreaterThan(plain);
  });
});

describe('how the wait ends', () => {
  it('a workflow cancelled before the start reads nothing and starts nothing', async () => {
    const service = new FakeService();
    const s = start(service);
    s.controller.abort();
    await finish(s, MIN, 100);
    expect(service.ops('startRun')).toEqual([]);
    expect(service.ops('getRun')).toEqual([]);
    expect(recorded.failed[0]).toContain('The workflow was cancelled before the run was started');
  });

  it('a cancel during the sleep ends it at once, with the last run seen', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    const s = start(service, { cancelOnWorkflowCancel: false });
    setTimeout(() => s.controller.abort(), 2_500);
    const ms = await finish(s, MIN, 100);
    expect(ms).toBe(2_500);
    expect(readsAt(service)).toEqual([1_000, 2_000]);
    expect(recorded.outputs.status).toBe('InProgress');
  });

  it('a cancel while a read hangs ends it as cancelled', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    service.fail('getRun', 'hang');
    const s = start(service, { cancelOnWorkflowCancel: false });
    setTimeout(() => s.controller.abort(), 1_500);
    const ms = await finish(s, MIN, 100);
    expect(ms).toBe(1_500);
    expect(readsAt(service)).toEqual([1_000]);
    expect(recorded.failed[0]).toMatch(/^The workflow was cancelled while waiting for run/);
  });

  it('until the first read, the status is the one createRun implies (Queued)', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    const s = start(service, { cancelOnWorkflowCancel: false });
    setTimeout(() => s.controller.abort(), 500);
    await finish(s, MIN, 100);
    expect(service.ops('getRun')).toEqual([]);
    expect(recorded.outputs.status).toBe('Queued');
  });

  it('an error asking again cannot fix ends the wait with that error at once', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    service.fail('getRun', serviceError(403, 'AuthorizationFailed'));
    const { ms } = await runToEnd(service, { cancelOnWorkflowCancel: false });
    expect(readsAt(service)).toEqual([1_000]);
    expect(ms).toBe(1_000);
    expect(recorded.failed[0]).toContain('AuthorizationFailed');
  });
});

describe('faults during the wait', () => {
  it('warns once, keeps the schedule, and says when Azure answers again', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 10_000 }, { status: 'Succeeded' }) });
    service.fail('getRun', serviceError(503, 'ServiceUnavailable'), 3);
    await runToEnd(service);
    expect(recorded.outputs.status).toBe('Succeeded');
    expect(readsAt(service)).toEqual([1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000]);
    expect(faultWarnings()).toEqual([
      `Azure answered HTTP 503 ServiceUnavailable; still waiting for run ${RUN_ID} and asking again.`,
    ]);
    expect(recorded.info).toContain('Azure answers again after 3 failed attempt(s) over 3s.');
  });

  it('a second spell of faults is warned of again and counted from zero', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 10_000 }, { status: 'Succeeded' }) });
    let n = 0;
    service.failAlways('getRun', () => {
      n++;
      return n === 1 || n === 4 || n === 5 ? transportError(false) : undefined;
    });
    await runToEnd(service);
    expect(faultWarnings()).toEqual([
      `Could not reach Azure: test: ECONNRESET from the fake; still waiting for run ${RUN_ID} and asking again.`,
      `Could not reach Azure: test: ECONNRESET from the fake; still waiting for run ${RUN_ID} and asking again.`,
    ]);
    expect(recorded.info).toContain('Azure answers again after 1 failed attempt(s) over 1s.');
    expect(recorded.info).toContain('Azure answers again after 2 failed attempt(s) over 2s.');
  });

  it('describes a throttle without Retry-After, and a server error with its request ID', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 5_000 }, { status: 'Succeeded' }) });
    service.fail('getRun', serviceError(429, 'TooManyRequests'));
    await runToEnd(service);
    expect(faultWarnings()).toEqual([
      `Azure is throttling requests (HTTP 429 TooManyRequests); still waiting for run ${RUN_ID} and asking again.`,
    ]);
    resetCore();
    const more = new FakeService({ phases: phases({ status: 'InProgress', ms: 3_000 }, { status: 'Succeeded' }) });
    more.fail(
      'getRun',
      new ServiceError({ op: 'getRun', status: 500, code: 'InternalError', message: 'x', requestId: 'req-1' }),
    );
    await runToEnd(more);
    expect(faultWarnings()).toEqual([
      `Azure answered HTTP 500 InternalError (x-ms-request-id req-1); still waiting for run ${RUN_ID} and asking again.`,
    ]);
  });
});

describe('what the wait says', () => {
  it('a status line with the run’s age, and no “answers again” without a fault', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress', ms: 3_000 }, { status: 'Succeeded' }) });
    await runToEnd(service);
    expect(recorded.info).toContain('Status: InProgress (after 1s)');
    expect(recorded.info.some((l) => l.includes('answers again'))).toBe(false);
  });
});
