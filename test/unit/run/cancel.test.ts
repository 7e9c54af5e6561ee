// cancelRun on a fake clock: Retry-After, the confirmation loop, runs that end as they are cancelled.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelRun, describeCancel, type CancelOptions } from '../../../src/run/cancel.js';
import type { RunView } from '../../../src/model/run.js';
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

describe('cancelRun: budgets and races', () => {
  it('each request gets at most 5 s, and never less than 500 ms', async () => {
    const long = new FakeService({ phases: [{ status: 'InProgress' }] });
    long.fail('getRun', 'hang');
    await cancel(long, { budgetMs: 60_000 });
    expect(long.ops('cancelRun')[0].at - long.ops('getRun')[0].at).toBe(5_000);

    const mid = new FakeService({ phases: [{ status: 'InProgress' }] });
    mid.fail('getRun', 'hang');
    await cancel(mid, { budgetMs: 2_000 });
    expect(mid.ops('cancelRun')[0].at - mid.ops('getRun')[0].at).toBe(2_000);

    const short = new FakeService({ phases: [{ status: 'InProgress' }] });
    short.fail('getRun', 'hang');
    await cancel(short, { budgetMs: 100 });
    expect(short.ops('cancelRun')[0].at - short.ops('getRun')[0].at).toBe(500);
  });

  it('a refused cancel of a run already Canceling is reported as cancelled', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.cancelingMs = 60_000;
    service.fail('cancelRun', () => {
      service.cancelledAt = Date.now();
      return serviceError(409, 'Conflict');
    });
    const { result } = await cancel(service);
    expect(result).toMatchObject({ outcome: 'cancelled', run: { status: 'Canceling' } });
    expect(service.ops('cancelRun')).toHaveLength(1);
  });

  it('a refused cancel of a run already Cancelled is reported as cancelled, not already ended', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.cancelingMs = 0;
    service.fail('cancelRun', () => {
      service.cancelledAt = Date.now();
      return serviceError(409, 'Conflict');
    });
    const { result } = await cancel(service);
    expect(result).toMatchObject({ outcome: 'cancelled', run: { status: 'Cancelled' } });
  });

  it('a cancel refused for good fails at once, with the error and the last status seen', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.failAlways('cancelRun', serviceError(403, 'AuthorizationFailed'));
    service.fail('getRun', serviceError(503), 2);
    const { result, ms } = await cancel(service);
    expect(result).toEqual({
      outcome: 'failed',
      run: undefined,
      error: 'test: HTTP 403 AuthorizationFailed: AuthorizationFailed from the fake',
    });
    expect(service.ops('cancelRun')).toHaveLength(1);
    expect(ms).toBeLessThan(1_000);
  });

  it('keeps the status seen before the cancel when the read after a refusal fails', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.failAlways('cancelRun', serviceError(403, 'AuthorizationFailed'));
    service.fail('getRun', (c) => (service.ops('getRun').indexOf(c) === 1 ? serviceError(503) : undefined), 2);
    const { result } = await cancel(service);
    expect(result).toMatchObject({ outcome: 'failed', run: { status: 'InProgress' } });
  });

  it('retries a transient refusal only while the pause ends a second before the budget', async () => {
    // budget 4 s: attempt at 0, pause 1 s (ends at 1 s < 3 s), attempt at 1 s, pause 2 s would end at 3 s: give up.
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.failAlways('cancelRun', serviceError(503, 'ServiceUnavailable'));
    const { result, ms, t0 } = await cancel(service, { budgetMs: 4_000 });
    expect(result).toMatchObject({
      outcome: 'failed',
      error: 'test: HTTP 503 ServiceUnavailable: ServiceUnavailable from the fake',
    });
    expect(service.ops('cancelRun').map((c) => c.at - t0)).toEqual([0, 1_000]);
    expect(ms).toBe(1_000);
  });

  it('a workflow cancel during the pause ends the retries', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.failAlways('cancelRun', serviceError(503, 'ServiceUnavailable'));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const { result, ms } = await cancel(service, { signal: ac.signal });
    expect(result.outcome).toBe('failed');
    expect(service.ops('cancelRun')).toHaveLength(1);
    expect(ms).toBeLessThan(1_000);
  });

  it('confirms once a second until 300 ms before the budget ends', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.cancelingMs = 60_000;
    const { result, ms, t0 } = await cancel(service, { budgetMs: 3_000 });
    expect(result).toMatchObject({ outcome: 'cancelled', run: { status: 'Canceling' } });
    expect(service.ops('getRun').map((c) => c.at - t0)).toEqual([0, 0, 1_000, 2_000]);
    expect(ms).toBe(2_700);
  });

  it('stops confirming as soon as the run is Cancelled', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.cancelingMs = 1_500;
    const { result, ms, t0 } = await cancel(service);
    expect(result).toMatchObject({ outcome: 'cancelled', run: { status: 'Cancelled' } });
    expect(service.ops('getRun').map((c) => c.at - t0)).toEqual([0, 0, 1_000, 2_000]);
    expect(ms).toBe(2_000);
  });

  it('a run that succeeds while the cancel is confirmed is reported as already ended', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress', ms: 1_500 }, { status: 'Succeeded' }] });
    await service.startRun({ pipelineName: 'p1', parameters: {}, flags: {} });
    service.cancelRun = async () => {};
    const { result } = await cancel(service);
    expect(result).toMatchObject({ outcome: 'already-final', run: { status: 'Succeeded' } });
  });

  it('a workflow cancel during confirmation ends it with the last status seen', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.cancelingMs = 60_000;
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 1_500);
    const { result, ms } = await cancel(service, { signal: ac.signal });
    expect(result).toMatchObject({ outcome: 'cancelled', run: { status: 'Canceling' } });
    expect(ms).toBe(1_500);
  });
});

describe('describeCancel', () => {
  it('says what became of the run', () => {
    const r = { status: 'Cancelled' } as RunView;
    expect(describeCancel('r1', { outcome: 'cancelled', run: r }, 'ADF Studio')).toBe(
      'Cancelled run r1; its status is now Cancelled.',
    );
    expect(describeCancel('r1', { outcome: 'cancelled' }, 'ADF Studio')).toBe('Cancelled run r1.');
    expect(describeCancel('r1', { outcome: 'already-final', run: { ...r, status: 'Failed' } }, 'x')).toBe(
      'Run r1 had already ended (Failed) before it could be cancelled; nothing to cancel.',
    );
    expect(
      describeCancel('r1', { outcome: 'failed', error: 'boom', run: { ...r, status: 'InProgress' } }, 'ADF Studio'),
    ).toBe(
      'Could not cancel run r1: boom (last known status InProgress). Cancel it in ADF Studio if it is still running.',
    );
    expect(describeCancel('r1', { outcome: 'failed', error: 'boom' }, 'ADF Studio')).toBe(
      'Could not cancel run r1: boom. Cancel it in ADF Studio if it is still running.',
    );
  });
});

describe('cancelRun: the retry pause', () => {
  it('grows from 1 s and stops at 5 s', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.failAlways('cancelRun', serviceError(503, 'ServiceUnavailable'));
    const { t0 } = await cancel(service, { budgetMs: 30_000 });
    expect(service.ops('cancelRun').map((c) => c.at - t0)).toEqual([
      0, 1_000, 3_000, 7_000, 12_000, 17_000, 22_000, 27_000,
    ]);
  });
});
