// The in-process lifecycle harness shared by the lifecycle unit tests: default inputs, a start on a
// fake service with the signal budget of signals.ts, and a driver for vitest's fake clock. The test
// files mock @actions/core themselves (vi.mock is hoisted per file).
import { vi } from 'vitest';
import type { AuthContext } from '../../src/auth/explain.js';
import { runLifecycle, type LifecycleInputs } from '../../src/run/lifecycle.js';
import { SIGNAL_CANCEL_BUDGET_MS } from '../../src/runtime/tuning.js';
import { recorded } from './core-mock.ts';
import type { FakeService, Phase } from './fake-service.ts';

export const MIN = 60_000;
export const HOUR = 60 * MIN;

export const baseInputs = (over: Partial<LifecycleInputs> = {}): LifecycleInputs => ({
  pipelineName: 'p1',
  pipelines: [],
  maxParallel: 0,
  failFast: false,
  parameters: {},
  referenceRunId: '',
  recovery: false,
  startActivity: '',
  startFromFailure: false,
  validateParameters: true,
  wait: true,
  timeoutMs: HOUR,
  pollInterval: 1_000,
  cancelOnTimeout: true,
  cancelOnWorkflowCancel: true,
  cancelRecursive: true,
  jobSummary: true,
  runId: '',
  ifRunning: 'start',
  prComment: false,
  githubToken: '',
  onRerun: 'resume',
  rerunKey: '',
  retries: 0,
  retryOn: ['system-error'],
  retryDelayMs: 0,
  // The in-process read counts are those of v1.1; the billing read is tested end to end (test/e2e/cost).
  billing: false,
  costEstimate: false,
  currency: 'USD',
  retailPricesEndpoint: '',
  ...over,
});

export interface Started {
  service: FakeService;
  controller: AbortController;
  /** Resolves with the simulated time the lifecycle took (ms). */
  done: Promise<number>;
  startedAt: number;
}

/** Starts the lifecycle; drive it with `finish()`. The signal budget follows signals.ts's rule. */
export function start(service: FakeService, inputs: Partial<LifecycleInputs> = {}): Started {
  const controller = new AbortController();
  let abortedAt: number | undefined;
  controller.signal.addEventListener('abort', () => (abortedAt = Date.now()));
  const startedAt = Date.now();
  const done = runLifecycle({
    home: 'test-home',
    service,
    inputs: baseInputs(inputs),
    signals: {
      signal: controller.signal,
      budget: () =>
        abortedAt === undefined ? 60_000 : Math.max(1_000, abortedAt + SIGNAL_CANCEL_BUDGET_MS - Date.now()),
    },
    auth: {} as AuthContext,
    saveContext: () => undefined,
  }).then(() => Date.now() - startedAt);
  return { service, controller, done, startedAt };
}

/** Advances the fake clock in steps until the lifecycle ends (or `limitMs` of simulated time passes). */
export async function finish(s: Started, limitMs = 3 * HOUR, stepMs = 1_000): Promise<number> {
  let settled = false;
  void s.done.finally(() => (settled = true));
  const until = Date.now() + limitMs;
  while (!settled && Date.now() < until) await vi.advanceTimersByTimeAsync(stepMs);
  if (!settled) throw new Error(`the lifecycle did not end within ${limitMs} ms of simulated time`);
  return s.done;
}

export async function runToEnd(service: FakeService, inputs: Partial<LifecycleInputs> = {}, limitMs?: number) {
  const s = start(service, inputs);
  const ms = await finish(s, limitMs);
  return { ...s, ms };
}

export const phases = (...p: Phase[]) => p;
export const summary = () => recorded.summaries.join('\n');
