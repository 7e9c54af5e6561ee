// The log of every request that reached any of the three servers, in arrival order.
import type { RecordedRequest } from './types.ts';

export class Recorder {
  /** Mutated in place (never replaced) so a reference taken by a test stays live. */
  readonly requests: RecordedRequest[] = [];

  add(r: RecordedRequest): RecordedRequest {
    this.requests.push(r);
    return r;
  }

  for(op: string): RecordedRequest[] {
    return this.requests.filter((r) => r.op === op);
  }

  clear(): void {
    this.requests.length = 0;
  }
}
