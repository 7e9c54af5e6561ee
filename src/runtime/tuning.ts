// Internal timings. Environment overrides exist for tests and unusual networks; they are not
// part of the public interface.
export function fromEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Each HTTP attempt gets this long before it counts as hung. */
export const requestTimeoutMs = () => fromEnv('ADF_ACTION_REQUEST_TIMEOUT_MS', 30_000);
/** How long a run started by an ambiguous createRun failure may take to show up in queries. */
export const settleMs = () => fromEnv('ADF_ACTION_SETTLE_MS', 5_000);
/** Starting the run (including retries) gives up after this long, or the step timeout if shorter. */
export const CREATE_PHASE_MS = 10 * 60_000;
/** After SIGINT the runner sends SIGTERM 7.5 s later and kills at 10 s: cancel well inside that. */
export const SIGNAL_CANCEL_BUDGET_MS = 6_500;
/** Cancelling after a timeout or from the post step has more room. */
export const CANCEL_BUDGET_MS = 60_000;
