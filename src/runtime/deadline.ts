// Timers for deadlines people set in hours or weeks. Node keeps a timer's delay in a signed 32-bit
// field: setTimeout with more than 2^31-1 ms (about 24.9 days) fires after 1 ms instead, and
// AbortSignal.timeout above 2^32-1 ms throws a RangeError. A `timeout: 720h` means "no limit" to
// the user, so long delays are served as a chain of timers that each fit.

/** The longest delay a Node timer holds as given (2^31-1 ms). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay any timer accepts: never negative, never past MAX_TIMER_MS, NaN as 0. */
export function safeDelay(ms: number): number {
  if (!(ms > 0)) return 0;
  return Math.min(ms, MAX_TIMER_MS);
}

/**
 * Like AbortSignal.timeout(ms), for any ms: aborts with a TimeoutError after ms (Infinity: never).
 * Its timers are unref'd, as AbortSignal.timeout's are, so a pending deadline never keeps the
 * process alive.
 */
export function deadlineSignal(ms: number): AbortSignal {
  const controller = new AbortController();
  if (ms === Infinity) return controller.signal;
  const at = Date.now() + Math.max(0, Number.isNaN(ms) ? 0 : ms);
  const arm = () => {
    const left = at - Date.now();
    if (left <= 0) {
      controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      return;
    }
    // Each link waits at most MAX_TIMER_MS, then measures again what is left.
    setTimeout(arm, safeDelay(left)).unref?.();
  };
  arm();
  return controller.signal;
}
