// watchSignals: the first SIGINT or SIGTERM aborts; the clean-up budget is 6.5 s from that signal.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => import('../../support/core-mock.ts'));

import { recorded, resetCore } from '../../support/core-mock.ts';
import { watchSignals } from '../../../src/run/signals.js';
import { CANCEL_BUDGET_MS, SIGNAL_CANCEL_BUDGET_MS } from '../../../src/runtime/tuning.js';

/** The handlers watchSignals registers, captured instead of installed on the test process. */
let handlers: Record<string, Array<() => void>>;
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  resetCore();
  handlers = {};
  vi.spyOn(process, 'on').mockImplementation(((name: string, fn: () => void) => {
    (handlers[name] ??= []).push(fn);
    return process;
  }) as typeof process.on);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const send = (name: 'SIGINT' | 'SIGTERM') => handlers[name].forEach((h) => h());

it('the budgets are the documented ones', () => {
  expect(SIGNAL_CANCEL_BUDGET_MS).toBe(6_500);
  expect(CANCEL_BUDGET_MS).toBe(60_000);
});

it('before any signal: not aborted, the full cancel budget', () => {
  const s = watchSignals();
  expect(s.signal.aborted).toBe(false);
  expect(s.budget()).toBe(CANCEL_BUDGET_MS);
});

it('SIGINT: aborts, and the budget runs down from 6.5 s to a 1 s floor', () => {
  const s = watchSignals();
  send('SIGINT');
  expect(s.signal.aborted).toBe(true);
  expect(s.budget()).toBe(6_500);
  vi.advanceTimersByTime(2_000);
  expect(s.budget()).toBe(4_500);
  vi.advanceTimersByTime(10_000);
  expect(s.budget()).toBe(1_000);
  expect(recorded.info).toContain('Received SIGINT: the workflow is being cancelled.');
});

it('SIGTERM alone (no SIGINT first) aborts just the same', () => {
  const s = watchSignals();
  send('SIGTERM');
  expect(s.signal.aborted).toBe(true);
  expect(s.budget()).toBe(6_500);
  expect(recorded.info).toContain('Received SIGTERM: the workflow is being cancelled.');
});

it('a second signal does not restart the budget', () => {
  const s = watchSignals();
  send('SIGINT');
  vi.advanceTimersByTime(3_000);
  send('SIGTERM');
  expect(s.budget()).toBe(3_500);
  expect(recorded.info).toContain('Received SIGTERM again; finishing up.');
});
