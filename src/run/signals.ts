// The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills it 2.5 s after that.
import * as core from '@actions/core';
import { stopSignals } from '../runtime/stop-signals.js';
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
  // SIGINT then SIGTERM; on Windows, Ctrl+C then Ctrl+Break (SIGBREAK), which would end Node at once unheard.
  for (const name of stopSignals()) process.on(name, () => onSignal(name));
  return {
    signal: controller.signal,
    budget: () =>
      signalledAt === undefined
        ? CANCEL_BUDGET_MS
        : Math.max(1_000, signalledAt + SIGNAL_CANCEL_BUDGET_MS - Date.now()),
  };
}
