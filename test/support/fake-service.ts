// A scriptable PipelineService for in-process tests of the run lifecycle. Time is Date.now(), so
// under vi.useFakeTimers() a run of hours passes in milliseconds. Every call is logged with the
// time it was made; faults can be queued per operation.
import { CancelledError, ServiceError, TransportError } from '../../src/http/errors.js';
import type { ParameterDefinitions } from '../../src/model/parameters.js';
import type { ActivityRun, RunQuery, RunRef, RunStatus, RunView, StartRequest } from '../../src/model/run.js';
import type { DefinitionResult, PipelineService } from '../../src/services/service.js';
import type { CallOptions } from '../../src/http/rest-client.js';

export type Op = 'prepare' | 'readDefinition' | 'startRun' | 'getRun' | 'cancelRun' | 'listActivityRuns' | 'findRuns';

export interface Call {
  op: Op;
  at: number;
  args: unknown[];
  /** What the call did: 'ok', or the fault's message. */
  result?: string;
}

/** A phase of the run: this status for `ms` (the last phase lasts for ever). */
export interface Phase {
  status: RunStatus;
  ms?: number;
}

/** An error to throw, 'hang' (answer only when the call's abort signal fires), or a function of the call. */
export type Fault = Error | 'hang' | ((call: Call) => Error | 'hang' | undefined);

export const RUN_ID = '11111111-2222-3333-4444-555555555555';

export class FakeService implements PipelineService {
  readonly kind = 'data-factory' as const;
  readonly shortName = 'ADF';
  readonly studioName = 'ADF Studio';
  readonly home = { label: 'Factory', text: 'f1' };
  readonly runIdFromClientRequestId: boolean;
  /** The one run this fake starts (a batch's fleet gives each pipeline its own). */
  readonly runId: string;
  readonly pipelineName: string;

  calls: Call[] = [];
  phases: Phase[] = [{ status: 'Queued', ms: 1_000 }, { status: 'InProgress', ms: 10_000 }, { status: 'Succeeded' }];
  /** How long a cancelled run stays Canceling before it is Cancelled. */
  cancelingMs = 1_000;
  definitions: DefinitionResult = { definitions: {} };
  /** Activity runs by run ID. */
  activities: Record<string, ActivityRun[]> = {};
  /** What findRuns answers (after the faults). */
  found: RunView[] = [];
  private faults = new Map<Op, Fault[]>();
  private persistent = new Map<Op, Fault>();
  startedAt?: number;
  cancelledAt?: number;

  constructor(
    o: {
      phases?: Phase[];
      definitions?: ParameterDefinitions;
      runId?: string;
      pipelineName?: string;
      /** false: the service picks the run ID (Fabric), so no ID is known while createRun is in flight. */
      runIdFromClientRequestId?: boolean;
    } = {},
  ) {
    this.runId = o.runId ?? RUN_ID;
    this.pipelineName = o.pipelineName ?? 'p1';
    this.runIdFromClientRequestId = o.runIdFromClientRequestId ?? true;
    if (o.phases) this.phases = o.phases;
    if (o.definitions) this.definitions = { definitions: o.definitions };
  }

  /** The next `times` calls of `op` fail with `fault`. */
  fail(op: Op, fault: Fault, times = 1): this {
    const q = this.faults.get(op) ?? [];
    for (let i = 0; i < times; i++) q.push(fault);
    this.faults.set(op, q);
    return this;
  }

  /** Every call of `op` from now on fails with `fault` (until `heal`). */
  failAlways(op: Op, fault: Fault): this {
    this.persistent.set(op, fault);
    return this;
  }

  heal(op: Op): this {
    this.persistent.delete(op);
    this.faults.delete(op);
    return this;
  }

  ops(op: Op): Call[] {
    return this.calls.filter((c) => c.op === op);
  }

  /** The run's status now. */
  status(at = Date.now()): RunStatus {
    if (this.startedAt === undefined) throw new Error('no run started');
    if (this.cancelledAt !== undefined && at >= this.cancelledAt) {
      const natural = this.naturalStatus(this.cancelledAt);
      if (!['Succeeded', 'Failed', 'Cancelled'].includes(natural)) {
        return at - this.cancelledAt >= this.cancelingMs ? 'Cancelled' : 'Canceling';
      }
    }
    return this.naturalStatus(at);
  }

  private naturalStatus(at: number): RunStatus {
    let t = this.startedAt!;
    for (const p of this.phases) {
      if (p.ms === undefined || at < t + p.ms) return p.status;
      t += p.ms;
    }
    return this.phases.at(-1)!.status;
  }

  private async call<T>(op: Op, args: unknown[], o: CallOptions | undefined, answer: () => T): Promise<T> {
    const call: Call = { op, at: Date.now(), args };
    this.calls.push(call);
    const queued = this.faults.get(op)?.shift();
    let fault = queued ?? this.persistent.get(op);
    if (typeof fault === 'function') fault = fault(call);
    if (fault === 'hang') {
      call.result = 'hang';
      await new Promise<void>((_resolve, reject) => {
        const signal = o?.abortSignal;
        const timer = o?.timeoutMs
          ? setTimeout(
              () => reject(new TransportError(op, 'ETIMEDOUT', 'timed out', { notSent: false, timedOut: true })),
              o.timeoutMs,
            )
          : undefined;
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new CancelledError());
        });
      });
    }
    if (fault instanceof Error) {
      call.result = fault.message;
      throw fault;
    }
    call.result = 'ok';
    return answer();
  }

  view(at = Date.now()): RunView {
    const status = this.status(at);
    const final = ['Succeeded', 'Failed', 'Cancelled'].includes(status);
    return {
      runId: this.runId,
      pipelineName: this.pipelineName,
      status,
      message: status === 'Failed' ? 'Activity failed' : '',
      runStart: new Date(this.startedAt!).toISOString(),
      runEnd: final ? new Date(at).toISOString() : undefined,
      durationMs: final ? at - this.startedAt! : undefined,
      invokedByType: 'Manual',
      raw: { runId: this.runId, status },
    };
  }

  prepare(pipelineName: string, o?: CallOptions): Promise<void> {
    return this.call('prepare', [pipelineName], o, () => undefined);
  }
  readDefinition(pipelineName: string, o?: CallOptions): Promise<DefinitionResult> {
    return this.call('readDefinition', [pipelineName], o, () => this.definitions);
  }
  startRun(request: StartRequest, o?: CallOptions): Promise<{ runId: string }> {
    return this.call('startRun', [request], o, () => {
      this.startedAt = Date.now();
      return { runId: this.runId };
    });
  }
  getRun(ref: RunRef, o?: CallOptions): Promise<RunView> {
    return this.call('getRun', [ref], o, () => this.view());
  }
  cancelRun(ref: RunRef, recursive: boolean, o?: CallOptions): Promise<void> {
    return this.call('cancelRun', [ref, recursive], o, () => {
      this.cancelledAt ??= Date.now();
    });
  }
  listActivityRuns(ref: RunRef & { runStart?: string }, o?: CallOptions): Promise<ActivityRun[]> {
    return this.call('listActivityRuns', [ref], o, () => this.activities[ref.runId] ?? []);
  }
  findRuns(query: RunQuery, o?: CallOptions): Promise<RunView[]> {
    return this.call('findRuns', [query], o, () => this.found);
  }
  runUrl(ref: RunRef): string {
    return `https://adf.azure.com/en/monitoring/pipelineruns/${ref.runId}?factory=f1`;
  }
  async explain(_e: unknown, _pipelineName: string): Promise<void> {}
}

export const serviceError = (status: number, code = `E${status}`, retryAfterMs?: number) =>
  new ServiceError({ op: 'test', status, code, message: `${code} from the fake`, retryAfterMs });

export const transportError = (notSent: boolean, code = notSent ? 'ECONNREFUSED' : 'ECONNRESET') =>
  new TransportError('test', code, `${code} from the fake`, { notSent });
