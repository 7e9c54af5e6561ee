// Azure Synapse Analytics pipelines behind the PipelineService interface: the workspace's
// development endpoint, with Data Factory's pipeline API (../pipeline-api/).
import type { CallOptions, RestClient } from '../../http/rest-client.js';
import { PipelineApiService } from '../pipeline-api/service.js';
import type { RunRef } from '../../model/run.js';
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

export const SYNAPSE_LABELS = { short: 'Synapse', studio: 'Synapse Studio', home: 'Workspace' } as const;

export class SynapseService extends PipelineApiService<SynapseClient> {
  readonly kind = 'synapse' as const;
  readonly shortName = SYNAPSE_LABELS.short;
  readonly studioName = SYNAPSE_LABELS.studio;
  readonly home: { label: string; text: string };
  protected readonly definitionGrant = "a Synapse role that can read pipelines (e.g. 'Synapse User')";

  constructor(
    readonly target: SynapseTarget,
    rest: RestClient,
  ) {
    super(new SynapseClient(rest));
    this.home = { label: SYNAPSE_LABELS.home, text: `\`${target.workspace}\` (Synapse)` };
  }

  /** The activity-run path names the pipeline; a child run found through an activity may lack it, so ask the run. */
  protected override async pipelineOf(ref: RunRef, o?: CallOptions): Promise<string> {
    return ref.pipelineName || ((await this.client.getRun(ref.runId, o)).pipelineName ?? '');
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
