// The one retry rule of the action. HTTP requests are sent once (http/rest-client.ts); whoever
// sends them asks again through here: while the deadline allows, for faults that may pass
// (throttling, 5xx, lost connections, a token service briefly down), after the service's
// Retry-After or an exponential backoff, whichever is longer.
import { isTransientAuthError } from './sign-in-errors.js';
import { sleep } from '../runtime/sleep.js';
import { CancelledError, ServiceError, errorMessage, isTransient, unknownHost } from './errors.js';

/** Whether asking again may help. Everything else is the user's to fix, or ours. */
export function isRetryable(e: unknown): boolean {
  return isTransient(e) || isTransientAuthError(e);
}

/** How long to wait before attempt `attempt + 1`: the service's Retry-After, or a backoff up to `maxMs`. */
export function retryDelay(e: unknown, attempt: number, o: { baseMs?: number; maxMs?: number } = {}): number {
  const backoff = Math.min(o.maxMs ?? 15_000, (o.baseMs ?? 500) * 2 ** attempt);
  return Math.max(e instanceof ServiceError ? (e.retryAfterMs ?? 0) : 0, backoff);
}

export interface RetryOptions {
  /** Give up (with the last error) when the next attempt would start after this time (ms epoch). */
  until: number;
  signal?: AbortSignal;
  /** Told once when the first fault happens and once when the service answers again. */
  log?: { fault(line: string): void; recovered(line: string): void };
  /** What is being done, for those lines ("reading the run"). */
  what?: string;
}

export async function retry<T>(fn: () => Promise<T>, o: RetryOptions): Promise<T> {
  let firstFaultAt: number | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      const value = await fn();
      if (firstFaultAt !== undefined) {
        o.log?.recovered(`${o.what ?? 'The request'} went through after ${attempt} attempts.`);
      }
      return value;
    } catch (e) {
      if (e instanceof CancelledError || o.signal?.aborted) throw e;
      // A host that does not resolve is a wrong endpoint: say so now, not after minutes of retries.
      // (The wait loop, whose host has answered before, retries it like any fault.)
      if (!isRetryable(e) || unknownHost(e)) throw e;
      const delay = retryDelay(e, attempt);
      if (Date.now() + delay >= o.until) throw e;
      if (firstFaultAt === undefined) {
        firstFaultAt = Date.now();
        o.log?.fault(`${o.what ?? 'A request'} failed (${errorMessage(e)}); asking again.`);
      }
      if (!(await sleep(delay, o.signal))) throw new CancelledError();
    }
  }
}
