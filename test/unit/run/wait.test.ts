// waitForRun on a fake clock: which statuses end the wait, where the last sleep ends, throttling.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../../../src/http/errors.js';
import { waitForRun, type WaitOptions, type WaitResult } from '../../../src/run/wait.js';
import { FakeService, RUN_ID, serviceError, transportError, type Phase } from '../../support/fake-service.ts';

const log = { info: vi.fn(), warning: vi.fn() };

async function wait(service: FakeService, o: Partial<WaitOptions> = {}, limitMs = 4 * 3_600_000) {
  await service.startRun({ pipelineName: 'p1', parameters: {}, flags: {} });
  const t0 = Date.now();
  let result: WaitResult | undefined;
  const p = waitForRun(service, {
    run: { runId: RUN_ID, pipelineName: 'p1' },
    createdAt: t0,
    deadline: t0 + 3_600_000,
    pollInterval: 1_000,
    signal: new AbortController().signal,
    log,
    ...o,
  }).then((r) => (result = r));
  while (!result && Date.now() - t0 < limitMs) await vi.advanceTimersByTimeAsync(500);
  await p;
  return { result: result!, endedAfter: Date.now() - t0, t0 };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  log.info.mockReset();
  log.warning.mockReset();
});
afterEach(() => vi.useRealTimers());

describe('final statuses end the wait', () => {
  it.each<Phase['status']>(['Succeeded', 'Failed', 'Cancelled'])('%s', async (status) => {
    const service = new FakeService({ phases: [{ status: 'InProgress', ms: 3_000 }, { status }] });
    const { result, endedAfter } = await wait(service);
    expect(result.outcome).toBe('final');
    expect(result.run?.status).toBe(status);
    expect(endedAfter).toBe(3_000);
  });

  it.each<Phase['status']>(['Queued', 'InProgress', 'Canceling'])('%s does not', async (status) => {
    const service = new FakeService({ phases: [{ status }] });
    const { result, endedAfter } = await wait(service, { deadline: 20_000 });
    expect(result.outcome).toBe('timeout');
    expect(endedAfter).toBe(20_000);
  });
});

describe('the deadline', () => {
  it('cuts the last sleep: 60 s polls, 90 s timeout → ends at 90 s', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    const { result, endedAfter } = await wait(service, { deadline: 90_000, pollInterval: 60_000 });
    expect(result.outcome).toBe('timeout');
    expect(endedAfter).toBe(90_000);
    expect(service.ops('getRun')).toHaveLength(1);
  });

  it('auto: a 100 s timeout ends at 100 s, not at the next 10 s step', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    const { endedAfter } = await wait(service, { deadline: 97_000, pollInterval: 'auto' });
    expect(endedAfter).toBe(97_000);
  });
});

describe('throttling', () => {
  it('waits at least Retry-After before asking again', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress', ms: 60_000 }, { status: 'Succeeded' }] });
    service.fail('getRun', serviceError(429, 'TooManyRequests', 30_000));
    const { result, t0 } = await wait(service);
    expect(result.outcome).toBe('final');
    const at = service.ops('getRun').map((c) => c.at - t0);
    expect(at[0]).toBe(1_000);
    expect(at[1]).toBe(31_000);
    expect(log.warning).toHaveBeenCalledWith(
      expect.stringContaining('throttling requests (HTTP 429 TooManyRequests, retry after 30s)'),
    );
  });
});

describe('poll-interval: auto', () => {
  it('reads about once a minute in the second hour (the run’s age drives the schedule)', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress', ms: 7_300_000 }, { status: 'Succeeded' }] });
    const { result, t0 } = await wait(service, { pollInterval: 'auto', deadline: 8_000_000 });
    expect(result.outcome).toBe('final');
    const ages = service.ops('getRun').map((c) => c.at - t0);
    const secondHour = ages.filter((a) => a >= 3_600_000 && a < 7_200_000);
    expect(secondHour.length).toBeGreaterThanOrEqual(59);
    expect(secondHour.length).toBeLessThanOrEqual(61);
  });

  it('a run created earlier than the wait started is polled for its age', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    // createdAt 10 minutes ago: the first delay is already 60 s.
    const { t0 } = await wait(service, { pollInterval: 'auto', createdAt: -600_000, deadline: 130_000 });
    expect(service.ops('getRun').map((c) => c.at - t0)).toEqual([60_000, 120_000]);
  });
});

describe('how the wait ends', () => {
  it('a workflow already cancelled reads nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    const { result, endedAfter } = await wait(service, { signal: ac.signal });
    expect(result).toMatchObject({ outcome: 'cancelled', polls: 0 });
    expect(endedAfter).toBeLessThanOrEqual(500);
    expect(service.ops('getRun')).toEqual([]);
  });

  it('a deadline already passed reads nothing', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    const { result } = await wait(service, { deadline: 0 });
    expect(result).toMatchObject({ outcome: 'timeout', polls: 0 });
    expect(service.ops('getRun')).toEqual([]);
  });

  it('a cancel during the sleep ends it at once, with the last run seen', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 2_500);
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    const seen: string[] = [];
    const { result, endedAfter } = await wait(service, { signal: ac.signal, onRun: (r) => seen.push(r.status) });
    expect(result).toMatchObject({ outcome: 'cancelled', polls: 2, run: { status: 'InProgress' } });
    expect(endedAfter).toBe(2_500);
    expect(seen).toEqual(['InProgress', 'InProgress']);
  });

  it('a cancel while a read hangs ends it as cancelled', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 1_500);
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.fail('getRun', 'hang');
    const { result, endedAfter } = await wait(service, { signal: ac.signal });
    expect(result).toMatchObject({ outcome: 'cancelled', polls: 1 });
    expect(endedAfter).toBe(1_500);
  });

  it('counts its polls, and hands the caller the initial run until the first read', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress', ms: 3_500 }, { status: 'Succeeded' }] });
    const { result } = await wait(service);
    expect(result.polls).toBe(4);
    const initial = { ...service.view(), status: 'Queued' as const };
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 500);
    const { result: r2 } = await wait(new FakeService(), { initial, signal: ac.signal });
    expect(r2.run).toBe(initial);
  });

  it('an error asking again cannot fix ends the wait with that error', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    service.fail('getRun', serviceError(403, 'AuthorizationFailed'));
    await service.startRun({ pipelineName: 'p1', parameters: {}, flags: {} });
    const p = waitForRun(service, {
      run: { runId: RUN_ID, pipelineName: 'p1' },
      createdAt: 0,
      deadline: 3_600_000,
      pollInterval: 1_000,
      signal: new AbortController().signal,
      log,
    });
    const caught = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(((await caught) as Error).message).toContain('AuthorizationFailed');
    expect(service.ops('getRun')).toHaveLength(1);
  });
});

describe('faults during the wait', () => {
  it('warns once, keeps the schedule, and says when Azure answers again', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress', ms: 10_000 }, { status: 'Succeeded' }] });
    service.fail('getRun', serviceError(503, 'ServiceUnavailable'), 3);
    const { result, t0 } = await wait(service);
    expect(result.outcome).toBe('final');
    expect(service.ops('getRun').map((c) => c.at - t0)).toEqual([
      1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000,
    ]);
    expect(log.warning).toHaveBeenCalledTimes(1);
    expect(log.warning).toHaveBeenCalledWith(
      `Azure answered HTTP 503 ServiceUnavailable; still waiting for run ${RUN_ID} and asking again.`,
    );
    expect(log.info).toHaveBeenCalledWith('Azure answers again after 3 failed attempt(s) over 3s.');
  });

  it('a second spell of faults is warned of again and counted from zero', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress', ms: 10_000 }, { status: 'Succeeded' }] });
    let n = 0;
    service.failAlways('getRun', () => {
      n++;
      return n === 1 || n === 4 || n === 5 ? transportError(false) : undefined;
    });
    await wait(service);
    expect(log.warning).toHaveBeenCalledTimes(2);
    expect(log.warning).toHaveBeenCalledWith(
      `Could not reach Azure: test: ECONNRESET from the fake; still waiting for run ${RUN_ID} and asking again.`,
    );
    expect(log.info).toHaveBeenCalledWith('Azure answers again after 1 failed attempt(s) over 1s.');
    expect(log.info).toHaveBeenCalledWith('Azure answers again after 2 failed attempt(s) over 2s.');
  });

  it('Retry-After delays only the next read, then the schedule resumes', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress', ms: 14_000 }, { status: 'Succeeded' }] });
    service.fail('getRun', serviceError(429, 'TooManyRequests', 10_000));
    const { t0 } = await wait(service);
    expect(service.ops('getRun').map((c) => c.at - t0)).toEqual([1_000, 11_000, 12_000, 13_000, 14_000]);
  });

  it('a 503 with Retry-After waits for it too', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress', ms: 8_000 }, { status: 'Succeeded' }] });
    service.fail('getRun', serviceError(503, 'ServiceUnavailable', 5_000));
    const { t0 } = await wait(service);
    expect(
      service
        .ops('getRun')
        .map((c) => c.at - t0)
        .slice(0, 2),
    ).toEqual([1_000, 6_000]);
  });

  it('a service that asks not to be polled before a time is obeyed', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress', ms: 10_000 }, { status: 'Succeeded' }] });
    (service as unknown as { pollNotBefore: () => number }).pollNotBefore = () => 5_000;
    const { t0 } = await wait(service);
    expect(
      service
        .ops('getRun')
        .map((c) => c.at - t0)
        .slice(0, 3),
    ).toEqual([5_000, 6_000, 7_000]);
  });
});

describe('what the wait says', () => {
  it('a status line with the run’s age, and no “answers again” without a fault', async () => {
    vi.setSystemTime(5_000_000);
    const service = new FakeService({ phases: [{ status: 'InProgress', ms: 3_000 }, { status: 'Succeeded' }] });
    await wait(service);
    expect(log.info).toHaveBeenCalledWith('Status: InProgress (after 1s)');
    expect(log.info.mock.calls.some((c) => String(c[0]).includes('answers again'))).toBe(false);
  });

  it('describes a throttle without Retry-After, and a server error with its request ID', async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress', ms: 5_000 }, { status: 'Succeeded' }] });
    service.fail('getRun', serviceError(429, 'TooManyRequests'));
    service.fail(
      'getRun',
      new ServiceError({ op: 'getRun', status: 500, code: 'InternalError', message: 'x', requestId: 'req-1' }),
    );
    await wait(service);
    expect(log.warning).toHaveBeenCalledWith(
      `Azure is throttling requests (HTTP 429 TooManyRequests); still waiting for run ${RUN_ID} and asking again.`,
    );
    const more = new FakeService({ phases: [{ status: 'InProgress', ms: 3_000 }, { status: 'Succeeded' }] });
    more.fail(
      'getRun',
      new ServiceError({ op: 'getRun', status: 500, code: 'InternalError', message: 'x', requestId: 'req-1' }),
    );
    log.warning.mockReset();
    await wait(more);
    expect(log.warning).toHaveBeenCalledWith(
      `Azure answered HTTP 500 InternalError (x-ms-request-id req-1); still waiting for run ${RUN_ID} and asking again.`,
    );
  });

  it('auto with a usual duration reads densely around the usual end', async () => {
    const usual = { medianMs: 30 * 60_000, lowMs: 28 * 60_000, highMs: 32 * 60_000, runs: 10 };
    const count = async (u?: typeof usual) => {
      const service = new FakeService({ phases: [{ status: 'InProgress', ms: 31 * 60_000 }, { status: 'Succeeded' }] });
      const { t0 } = await wait(service, { pollInterval: 'auto', usual: u });
      return service.ops('getRun').filter((c) => c.at - t0 >= 28 * 60_000).length;
    };
    expect(await count(usual)).toBeGreaterThan(await count(undefined));
  });
});

describe('a read that hangs at the deadline (real timers, a short wait)', () => {
  it('is cut off at the deadline and ends as a timeout', async () => {
    vi.useRealTimers();
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    await service.startRun({ pipelineName: 'p1', parameters: {}, flags: {} });
    service.failAlways('getRun', 'hang');
    const t0 = Date.now();
    const result = await waitForRun(service, {
      run: { runId: RUN_ID, pipelineName: 'p1' },
      createdAt: t0,
      deadline: t0 + 150,
      pollInterval: 20,
      signal: new AbortController().signal,
      log,
    });
    expect(result).toMatchObject({ outcome: 'timeout', polls: 1 });
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
});
