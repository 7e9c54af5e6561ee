// retry() and retryDelay() on a fake clock: which faults are asked again, after how long, until when,
// and the two lines the caller is told (first fault, recovery).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CancelledError, TransportError } from '../../../src/http/errors.js';
import { retry, retryDelay } from '../../../src/http/retry.js';
import { serviceError, transportError } from '../../support/fake-service.ts';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

/** fn fails with these errors in turn, then answers 'ok'; returns when each attempt was made. */
function script(errors: Error[]) {
  const at: number[] = [];
  const t0 = Date.now();
  const fn = vi.fn(async () => {
    at.push(Date.now() - t0);
    const e = errors.shift();
    if (e) throw e;
    return 'ok';
  });
  return { fn, at };
}

async function settle<T>(p: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  let out: { value?: T; error?: unknown } | undefined;
  p.then(
    (value) => (out = { value }),
    (error: unknown) => (out = { error }),
  );
  while (!out) await vi.advanceTimersByTimeAsync(50);
  return out;
}

describe('retryDelay', () => {
  it('doubles from 500 ms and stops growing at 15 s', () => {
    const e = serviceError(503);
    expect([1, 2, 3, 4, 5, 6].map((a) => retryDelay(e, a))).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
  });

  it('takes the longer of Retry-After and the backoff', () => {
    expect(retryDelay(serviceError(429, 'T', 7_000), 1)).toBe(7_000);
    expect(retryDelay(serviceError(429, 'T', 100), 2)).toBe(2_000);
    expect(retryDelay(transportError(true), 1)).toBe(1_000);
  });

  it('honours baseMs and maxMs', () => {
    expect(retryDelay(serviceError(503), 1, { baseMs: 100, maxMs: 300 })).toBe(200);
    expect(retryDelay(serviceError(503), 3, { baseMs: 100, maxMs: 300 })).toBe(300);
  });
});

describe('retry', () => {
  it('asks again after 1 s, 2 s, 4 s and logs the first fault and the recovery once each', async () => {
    const { fn, at } = script([serviceError(503), serviceError(500), transportError(false)]);
    const log = { fault: vi.fn(), recovered: vi.fn() };
    const r = await settle(retry(fn, { until: 600_000, log, what: 'Reading the run' }));
    expect(r.value).toBe('ok');
    expect(at).toEqual([0, 1_000, 3_000, 7_000]);
    expect(log.fault).toHaveBeenCalledTimes(1);
    expect(log.fault).toHaveBeenCalledWith(
      'Reading the run failed (test: HTTP 503 E503: E503 from the fake); asking again.',
    );
    expect(log.recovered).toHaveBeenCalledTimes(1);
    expect(log.recovered).toHaveBeenCalledWith('Reading the run went through after 4 attempts.');
  });

  it('says nothing when the first attempt works; default wording without `what`', async () => {
    const quiet = { fault: vi.fn(), recovered: vi.fn() };
    expect((await settle(retry(script([]).fn, { until: 1, log: quiet }))).value).toBe('ok');
    expect(quiet.fault).not.toHaveBeenCalled();
    expect(quiet.recovered).not.toHaveBeenCalled();

    const log = { fault: vi.fn(), recovered: vi.fn() };
    await settle(retry(script([serviceError(503)]).fn, { until: 600_000, log }));
    expect(log.fault).toHaveBeenCalledWith('A request failed (test: HTTP 503 E503: E503 from the fake); asking again.');
    expect(log.recovered).toHaveBeenCalledWith('The request went through after 2 attempts.');
  });

  it('does not ask again for a fault that is the user’s to fix', async () => {
    const { fn, at } = script([serviceError(403)]);
    const r = await settle(retry(fn, { until: 600_000 }));
    expect((r.error as Error).message).toContain('E403');
    expect(at).toEqual([0]);
  });

  it('does not ask again for a host name that does not resolve', async () => {
    const e = new TransportError('test', 'ENOTFOUND', 'getaddrinfo ENOTFOUND nowhere.example', { notSent: true });
    const { fn, at } = script([e]);
    expect((await settle(retry(fn, { until: 600_000 }))).error).toBe(e);
    expect(at).toEqual([0]);
  });

  it('does ask again for EAI_AGAIN (DNS briefly down)', async () => {
    const { fn, at } = script([transportError(true, 'EAI_AGAIN')]);
    expect((await settle(retry(fn, { until: 600_000 }))).value).toBe('ok');
    expect(at).toEqual([0, 1_000]);
  });

  it('gives up with the last error when the next attempt would start at or after `until`', async () => {
    const last = serviceError(500);
    const { fn, at } = script([serviceError(503), serviceError(503), last]);
    // Attempts at 0 and 1 s; the next would be at 3 s + 4 s = 7 s = until.
    const r = await settle(retry(fn, { until: 7_000 }));
    expect(r.error).toBe(last);
    expect(at).toEqual([0, 1_000, 3_000]);
  });

  it('one more attempt fits when it starts just before `until`', async () => {
    const { fn, at } = script([serviceError(503)]);
    const r = await settle(retry(fn, { until: 1_001 }));
    expect(r.value).toBe('ok');
    expect(at).toEqual([0, 1_000]);
  });

  it('a cancelled step is not retried', async () => {
    const { fn, at } = script([new CancelledError()]);
    expect((await settle(retry(fn, { until: 600_000 }))).error).toBeInstanceOf(CancelledError);
    expect(at).toEqual([0]);

    const ac = new AbortController();
    ac.abort();
    const s = script([serviceError(503)]);
    expect((await settle(retry(s.fn, { until: 600_000, signal: ac.signal }))).error).not.toBeInstanceOf(CancelledError);
    expect(s.at).toEqual([0]);
  });

  it('a cancel during the pause ends it with CancelledError, without another attempt', async () => {
    const ac = new AbortController();
    const { fn, at } = script([serviceError(503)]);
    setTimeout(() => ac.abort(), 500);
    const r = await settle(retry(fn, { until: 600_000, signal: ac.signal }));
    expect(r.error).toBeInstanceOf(CancelledError);
    expect(at).toEqual([0]);
    expect(Date.now()).toBeLessThan(1_000);
  });
});
