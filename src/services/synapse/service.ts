// Azure Synapse Analytics pipelines behind the PipelineService interface: the workspace's
// development endpoint, with Data Factory's models.
import { ServiceError } from '../../http/errors.js';
import type { CallOptions, RestClient } from '../../http/rest-client.js';
import type { ParameterDefinitions } from '../../inputs/parameters.js';
import { activityFilter, batchFilter, pickRuns, runFilter, toRunView } from '../data-factory/run-view.js';
import type {
  ActivityRun,
  DefinitionResult,
  PipelineService,
  RunQuery,
  RunRef,
  RunView,
  StartRequest,
} from '../service.js';
import { SynapseClient } from './client.js';
import { explainSynapseError } from './explain.js';

/** What the post step needs to reach the workspace again (no secrets). */
export interface SynapseTarget {
  service: 'synapse';
  workspace: string;
  /** The development endpoint (the cloud's default or `service-endpoint`). */
  endpoint: string;
  /** The token resource: the cloud's Synapse audience, whatever the endpoint. */
  resource: string;
  /** For the Studio link, which needs the workspace's resource ID ('' when not given). */
  subscriptionId: string;
  resourceGroup: string;
  studioHost: string;
}

export function synapseWorkspaceId(t: Pick<SynapseTarget, 'subscriptionId' | 'resourceGroup' | 'workspace'>): string {
  return `/subscriptions/${t.subscriptionId}/resourceGroups/${t.resourceGroup}/providers/Microsoft.Synapse/workspaces/${t.workspace}`;
}

export class SynapseService implements PipelineService {
  readonly kind = 'synapse' as const;
  readonly shortName = 'Synapse';
  readonly studioName = 'Synapse Studio';
  readonly runIdFromClientRequestId = true;
  readonly home: { label: string; text: string };
  readonly client: SynapseClient;

  constructor(
    readonly target: SynapseTarget,
    rest: RestClient,
  ) {
    this.client = new SynapseClient(rest);
    this.home = { label: 'Workspace', text: `\`${target.workspace}\` (Synapse)` };
  }

  async readDefinition(pipelineName: string, o?: CallOptions): Promise<DefinitionResult> {
    try {
      const pipeline = await this.client.getPipeline(pipelineName, o);
      return { definitions: (pipeline.properties?.parameters ?? {}) as ParameterDefinitions };
    } catch (e) {
      if (e instanceof ServiceError && e.status === 403) {
        return {
          unavailable: `Cannot read the definition of pipeline '${pipelineName}' (403 ${e.code}), so its parameters are not checked before the run. Grant a Synapse role that can read pipelines (e.g. 'Synapse User') to enable the check, or set 'validate-parameters: false' to skip it.`,
        };
      }
      throw e;
    }
  }

  startRun(r: StartRequest, o?: CallOptions) {
    return this.client.createRun(r.pipelineName, r.parameters, r.flags, { ...o, clientRequestId: r.clientRequestId });
  }

  async getRun(ref: RunRef, o?: CallOptions): Promise<RunView> {
    return toRunView(await this.client.getRun(ref.runId, o));
  }

  cancelRun(ref: RunRef, recursive: boolean, o?: CallOptions): Promise<void> {
    return this.client.cancelRun(ref.runId, recursive, o);
  }

  listActivityRuns(ref: RunRef & { runStart?: string }, o?: CallOptions): Promise<ActivityRun[]> {
    // The path names the pipeline; a child run found through an activity may lack it, so ask the run.
    const named = ref.pipelineName
      ? Promise.resolve(ref.pipelineName)
      : this.client.getRun(ref.runId, o).then((r) => r.pipelineName ?? '');
    return named.then((name) => this.client.queryActivityRuns(name, ref.runId, activityFilter(ref.runStart), o));
  }

  async findRuns(q: RunQuery, o?: CallOptions): Promise<RunView[]> {
    return (await this.client.queryPipelineRuns(runFilter(q), o)).map(toRunView);
  }

  async readRuns(refs: RunRef[], window: { after: Date; before: Date }, o?: CallOptions): Promise<RunView[]> {
    return pickRuns(refs, await this.client.queryPipelineRuns(batchFilter(refs, window), o));
  }

  runUrl(ref: RunRef): string {
    const t = this.target;
    // Synapse Studio addresses a workspace by its Azure resource ID, which only the inputs can give.
    if (!t.subscriptionId || !t.resourceGroup) return '';
    return `${t.studioHost}/en/monitoring/pipelineruns/${encodeURIComponent(ref.runId)}?workspace=${encodeURIComponent(synapseWorkspaceId(t))}`;
  }

  explain(e: unknown, pipelineName: string): Promise<void> {
    return explainSynapseError(e, this.client, {
      workspace: this.target.workspace,
      pipelineName,
      audience: this.target.resource,
    });
  }
}
