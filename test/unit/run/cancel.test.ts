// cancelRun on a fake clock: Retry-After, the confirmation loop, runs that end as they are cancelled.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelRun, type CancelOptions } from '../../../src/run/cancel.js';
import { FakeService, RUN_ID, serviceError } from '../../support/fake-service.ts';

const ref = { runId: RUN_ID, pipelineName: 'p1' };

async function cancel(service: FakeService, o: Partial<CancelOptions> = {}) {
  if (service.startedAt === undefined) await service.startRun({ pipelineName: 'p1', parameters: {}, flags: {} });
  const t0 = Date.now();
  let done = false;
  const p = cancelRun(service, ref, { recursive: true, budgetMs: 60_000, ...o }).finally(() => (done = true));
  while (!done) await vi.advanceTimersByTimeAsync(100);
  return { result: await p, ms: Date.now() - t0, t0 };
}

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('cancelRun', () => {
  it('cancels and confirms the new status', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    const { result } = await cancel(service, { recursive: false });
    expect(result.outcome).toBe('cancelled');
    expect(result.run?.status).toBe('Cancelled');
    expect(service.ops('cancelRun').map((c) => c.args[1])).toEqual([false]);
  });

  it('a run already ended is reported, not cancelled', async () => {
    const service = new FakeService({ phases: [{ status: 'Succeeded' }] });
    const { result } = await cancel(service);
    expect(result).toMatchObject({ outcome: 'already-final', run: { status: 'Succeeded' } });
    expect(service.ops('cancelRun')).toEqual([]);
  });

  it('honours Retry-After when the cancel is throttled', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.fail('cancelRun', serviceError(429, 'TooManyRequests', 7_000));
    const { result } = await cancel(service);
    expect(result.outcome).toBe('cancelled');
    const at = service.ops('cancelRun').map((c) => c.at);
    expect(at).toHaveLength(2);
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(7_000);
  });

  it('gives up retrying inside the budget and says why', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.failAlways('cancelRun', serviceError(503, 'ServiceUnavailable'));
    const { result, ms } = await cancel(service, { budgetMs: 6_500 });
    expect(result.outcome).toBe('failed');
    expect(ms).toBeLessThanOrEqual(6_500);
  });

  it('stops confirming after three failed reads in a row, instead of spending the whole budget', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.failAlways('getRun', (c) => (service.ops('getRun').indexOf(c) > 0 ? serviceError(503) : undefined));
    const { result, ms } = await cancel(service);
    expect(result).toMatchObject({ outcome: 'cancelled', run: { status: 'InProgress' } });
    expect(service.ops('getRun')).toHaveLength(4);
    expect(ms).toBeLessThan(5_000);
  });

  it('a refused cancel of a run that just ended is reported as already ended', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    // The run ends while the cancel is on its way; the service refuses to cancel a finished run.
    service.fail('cancelRun', () => {
      service.phases = [{ status: 'Succeeded' }];
      return serviceError(400, 'BadRequest');
    });
    const { result } = await cancel(service);
    expect(result).toMatchObject({ outcome: 'already-final', run: { status: 'Succeeded' } });
    expect(service.ops('cancelRun')).toHaveLength(1);
  });
});
