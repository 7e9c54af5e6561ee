/**
 * Node's timers hold at most 2^31-1 ms (about 24.8 days): a longer delay fires after 1 ms, and
 * AbortSignal.timeout throws above 2^32-1. `timeout: 720h` is a real input, so every wait goes
 * through these two.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Resolves after ms, or early (to false) when the signal aborts. Any length. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    let timer: ReturnType<typeof setTimeout>;
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const until = Date.now() + Math.max(0, ms);
    const arm = () => {
      const left = until - Date.now();
      timer = setTimeout(() => (left > MAX_TIMER_MS ? arm() : done(true)), Math.min(Math.max(0, left), MAX_TIMER_MS));
    };
    arm();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** An AbortSignal that fires after ms (at most MAX_TIMER_MS: no single request lasts that long). */
export function timeoutSignal(ms: number): AbortSignal {
  return AbortSignal.timeout(Math.min(Math.max(1, Math.floor(ms)), MAX_TIMER_MS));
}
