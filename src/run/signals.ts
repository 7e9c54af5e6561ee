// The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills it 2.5 s after that.
import * as core from '@actions/core';
import { CANCEL_BUDGET_MS, SIGNAL_CANCEL_BUDGET_MS } from '../runtime/tuning.js';

export interface Signals {
  /** Aborted at the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** Time left for clean-up before the runner kills the process. */
  budget(): number;
}

export function watchSignals(): Signals {
  const controller = new AbortController();
  let signalledAt: number | undefined;
  const onSignal = (name: string) => {
    if (signalledAt === undefined) {
      signalledAt = Date.now();
      core.info(`Received ${name}: the workflow is being cancelled.`);
      controller.abort();
    } else {
      core.info(`Received ${name} again; finishing up.`);
    }
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  return {
    signal: controller.signal,
    budget: () =>
      signalledAt === undefined
        ? CANCEL_BUDGET_MS
        : Math.max(1_000, signalledAt + SIGNAL_CANCEL_BUDGET_MS - Date.now()),
  };
}
