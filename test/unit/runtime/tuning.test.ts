// The documented timings are the defaults, and the overrides for tests only apply when set.
import { afterEach, expect, it, vi } from 'vitest';
import { CREATE_PHASE_MS, requestTimeoutMs, settleMs } from '../../../src/runtime/tuning.js';

afterEach(() => vi.unstubAllEnvs());

it('30 s per request, 5 s settle, 10 minutes to start the run (README)', () => {
  vi.stubEnv('ADF_ACTION_REQUEST_TIMEOUT_MS', undefined);
  vi.stubEnv('ADF_ACTION_SETTLE_MS', undefined);
  expect(requestTimeoutMs()).toBe(30_000);
  expect(settleMs()).toBe(5_000);
  expect(CREATE_PHASE_MS).toBe(600_000);
});

it('overrides apply; nonsense falls back to the default', () => {
  vi.stubEnv('ADF_ACTION_REQUEST_TIMEOUT_MS', '1234');
  vi.stubEnv('ADF_ACTION_SETTLE_MS', '-5');
  expect(requestTimeoutMs()).toBe(1_234);
  expect(settleMs()).toBe(5_000);
});
