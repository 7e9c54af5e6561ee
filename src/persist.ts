// The SDK pipeline retries each request a few times; this covers what it does not (a request
// that timed out, a longer outage) for the reads made outside the wait loop.
import { ArmError, CancelledError, isTransient } from './errors.js';
import { isTransientAuthError } from './explain.js';
import { sleep } from './sleep.js';

export async function persist<T>(fn: () => Promise<T>, o: { until: number; signal?: AbortSignal }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof CancelledError || o.signal?.aborted) throw e;
      if (!isTransient(e) && !isTransientAuthError(e)) throw e;
      const delay = Math.max(e instanceof ArmError ? (e.retryAfterMs ?? 0) : 0, Math.min(15_000, 500 * 2 ** attempt));
      if (Date.now() + delay >= o.until) throw e;
      if (!(await sleep(delay, o.signal))) throw new CancelledError();
    }
  }
}
