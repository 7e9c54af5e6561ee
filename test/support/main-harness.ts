// Drives the action's entry points in process, as actions/typescript-action tests `run()`:
// @actions/core is the recording mock (test/support/core-mock.ts), the service is a fake fleet
// handed out by the mocked createService (the test file mocks src/services/index.ts), and time is
// vitest's fake clock. The workflow's cancellation is a SIGINT emitted to the process's listeners.
import { afterEach, beforeEach, vi } from 'vitest';
import { recorded, resetCore } from './core-mock.ts';
import type { FakeFleet } from './fake-fleet.ts';
import type { SavedContext, SavedRun } from '../../src/run/state.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** The service createService hands out; the test sets it before each run. */
export const services: { current?: FakeFleet } = {};

/** The inputs of a client-secret sign-in to factory f1 (nothing is signed in: the service is fake). */
export const BASE_INPUTS: Record<string, string> = {
  auth: 'client-secret',
  'client-id': '00000000-0000-4000-8000-0000000000c1',
  'tenant-id': '00000000-0000-4000-8000-0000000000d1',
  'client-secret': 'the-client-secret-value',
  'subscription-id': '00000000-0000-4000-8000-0000000000e1',
  'resource-group': 'rg',
  'factory-name': 'adf-prod',
  'poll-interval': '1s',
  timeout: '1h',
};

export function setInputs(inputs: Record<string, string>): void {
  for (const k of Object.keys(recorded.inputs)) delete recorded.inputs[k];
  Object.assign(recorded.inputs, BASE_INPUTS, inputs);
}

/**
 * Runs an entry point on the fake clock. `at` runs each callback, in order, once its condition
 * holds: a condition on what the step did, since the fake clock runs on while the step awaits real
 * I/O (a module loaded on first use), so simulated time since the start says little.
 */
export async function drive(
  entry: () => Promise<void>,
  o: { limitMs?: number; stepMs?: number; at?: Array<[() => boolean, () => void]> } = {},
): Promise<number> {
  const t0 = Date.now();
  const at = [...(o.at ?? [])];
  let settled = false;
  const p = entry().finally(() => (settled = true));
  const until = t0 + (o.limitMs ?? 3 * HOUR);
  const step = o.stepMs ?? 500;
  while (!settled && Date.now() < until) {
    while (at.length && at[0]![0]()) at.shift()![1]();
    await vi.advanceTimersByTimeAsync(step);
  }
  if (!settled) throw new Error('the step did not end in the simulated time given');
  await p;
  return Date.now() - t0;
}

/** The workflow is cancelled: the runner sends SIGINT. */
export const cancelWorkflow = () => void process.emit('SIGINT', 'SIGINT');

/** Removes the signal listeners main.run() added (each run adds its own). */
export function signalListeners(): () => void {
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  return () => {
    for (const name of ['SIGINT', 'SIGTERM'] as const) {
      for (const l of process.listeners(name)) if (!before[name].includes(l)) process.removeListener(name, l);
    }
  };
}

/** When every in-process step starts: the fake clock's origin. */
export const T0 = Date.parse('2025-01-01T00:00:00Z');

/**
 * Each test of a main.run()/post.run() file: a fake clock at T0, @actions/core recorded afresh,
 * and no signal listener or fake service left behind.
 */
export function stepHooks(): void {
  let restoreSignals: () => void = () => {};
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    resetCore();
    restoreSignals = signalListeners();
  });
  afterEach(() => {
    restoreSignals();
    services.current = undefined;
    vi.useRealTimers();
  });
}

export const savedRuns = (): SavedRun[] => JSON.parse(recorded.state.runs || '[]') as SavedRun[];
export const savedContext = (): SavedContext => JSON.parse(recorded.state.context || 'null') as SavedContext;
export const runsOutput = (): Array<Record<string, unknown>> =>
  JSON.parse(recorded.outputs.runs || '[]') as Array<Record<string, unknown>>;
export const summary = () => recorded.summaries.join('\n');
