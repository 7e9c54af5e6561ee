// waitForRun on a fake clock: which statuses end the wait, where the last sleep ends, throttling.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitForRun, type WaitOptions, type WaitResult } from '../../../src/run/wait.js';
import { FakeService, RUN_ID, serviceError, type Phase } from '../../support/fake-service.ts';

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
