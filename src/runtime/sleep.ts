import { MAX_TIMER_MS, safeDelay } from './deadline.js';

/** Resolves after ms, or early (to false) when the signal aborts. Any length (see deadline.ts). */
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
      timer = setTimeout(() => (left > MAX_TIMER_MS ? arm() : done(true)), safeDelay(left));
    };
    arm();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
