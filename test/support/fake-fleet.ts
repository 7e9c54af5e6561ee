// Several fake runs behind one PipelineService, for in-process tests of a batch (and of main.run(),
// which needs the service's `target`): each pipeline is a FakeService of its own (its phases,
// faults and calls), and every call is routed to the pipeline it names.
import type { CallOptions } from '../../src/http/rest-client.js';
import type { ServiceTarget } from '../../src/services/index.js';
import type { ActivityRun, RunQuery, RunRef, RunView, StartRequest } from '../../src/model/run.js';
import type { DefinitionResult, PipelineService } from '../../src/services/service.js';
import { FakeService, type Call, type Op } from './fake-service.ts';

export const TARGET: ServiceTarget = {
  service: 'data-factory',
  resourceManager: 'https://management.azure.com',
  subscriptionId: 'sub',
  resourceGroup: 'rg',
  factoryName: 'f1',
  studioHost: 'https://adf.azure.com',
};

/** A run ID per pipeline: 'aaaaaaaa-0000-4000-8000-00000000000N' for the Nth. */
export const runIdOf = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;

export class FakeFleet implements PipelineService {
  readonly kind = 'data-factory' as const;
  readonly shortName = 'ADF';
  readonly studioName = 'ADF Studio';
  readonly home = { label: 'Factory', text: 'f1' };
  readonly target = TARGET;
  readonly runIdFromClientRequestId: boolean;
  /** Present with `listQuery`: one query for many runs (ADF's queryPipelineRuns). */
  readonly readRuns?: PipelineService['readRuns'];
  /** Every list query: when, and which runs it asked for. */
  readonly listQueries: Array<{ at: number; runIds: string[]; after: Date; before: Date }> = [];
  /** The next list queries fail with these, in order. */
  readonly listFaults: Error[] = [];
  /** Runs the list query does not show yet (its visibility delay). */
  readonly hidden = new Set<string>();

  constructor(
    readonly pipelines: Record<string, FakeService>,
    o: { listQuery?: boolean } = {},
  ) {
    this.runIdFromClientRequestId = Object.values(pipelines).every((p) => p.runIdFromClientRequestId);
    if (o.listQuery) this.readRuns = (refs, window) => this.queryRuns(refs, window);
  }

  private async queryRuns(refs: RunRef[], window: { after: Date; before: Date }): Promise<RunView[]> {
    this.listQueries.push({ at: Date.now(), runIds: refs.map((r) => r.runId), ...window });
    const fault = this.listFaults.shift();
    if (fault) throw fault;
    return refs
      .map((r) => this.byRef(r))
      .filter((p) => p.startedAt !== undefined && !this.hidden.has(p.runId))
      .map((p) => p.view());
  }

  /** One FakeService as a fleet of one (main.run() with a single pipeline). */
  static of(service: FakeService): FakeFleet {
    return new FakeFleet({ [service.pipelineName]: service });
  }

  of(pipelineName: string): FakeService {
    const p = this.pipelines[pipelineName];
    if (!p) throw new Error(`the fleet has no pipeline '${pipelineName}'`);
    return p;
  }

  private byRef(ref: RunRef): FakeService {
    return (
      Object.values(this.pipelines).find((p) => p.runId.toLowerCase() === ref.runId.toLowerCase()) ??
      this.of(ref.pipelineName)
    );
  }

  /** Every call of every pipeline, in time order. */
  get calls(): Array<Call & { pipeline: string }> {
    return Object.entries(this.pipelines)
      .flatMap(([pipeline, p]) => p.calls.map((c) => ({ ...c, pipeline })))
      .sort((a, b) => a.at - b.at);
  }

  ops(op: Op): Array<Call & { pipeline: string }> {
    return this.calls.filter((c) => c.op === op);
  }

  prepare(pipelineName: string, o?: CallOptions): Promise<void> {
    return this.of(pipelineName).prepare(pipelineName, o);
  }
  readDefinition(pipelineName: string, o?: CallOptions): Promise<DefinitionResult> {
    return this.of(pipelineName).readDefinition(pipelineName, o);
  }
  startRun(request: StartRequest, o?: CallOptions): Promise<{ runId: string }> {
    return this.of(request.pipelineName).startRun(request, o);
  }
  getRun(ref: RunRef, o?: CallOptions): Promise<RunView> {
    return this.byRef(ref).getRun(ref, o);
  }
  cancelRun(ref: RunRef, recursive: boolean, o?: CallOptions): Promise<void> {
    return this.byRef(ref).cancelRun(ref, recursive, o);
  }
  listActivityRuns(ref: RunRef & { runStart?: string }, o?: CallOptions): Promise<ActivityRun[]> {
    return this.byRef(ref).listActivityRuns(ref, o);
  }
  findRuns(query: RunQuery, o?: CallOptions): Promise<RunView[]> {
    return this.of(query.pipelineName).findRuns(query, o);
  }
  runUrl(ref: RunRef): string {
    return `https://adf.azure.com/en/monitoring/pipelineruns/${ref.runId}?factory=f1`;
  }
  async explain(_e: unknown, _pipelineName: string): Promise<void> {}
}
