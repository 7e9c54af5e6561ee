// What to do about the errors Synapse answers with. Synapse checks its own RBAC (Synapse roles,
// not Azure roles); the smallest documented set is in services-and-run-control.md §1.3.
import { ServiceError } from '../../http/errors.js';
import { pipelineListing } from '../near-name.js';
import type { SynapseClient } from './client.js';

export const SYNAPSE_ROLES =
  "Synapse RBAC (Synapse Studio → Manage → Access control): 'Synapse User' plus 'Synapse Credential User' on the workspace system identity (WorkspaceSystemIdentity) to start runs, 'Synapse Monitoring Operator' to read runs and their activities, and 'Synapse Compute Operator' (or 'Synapse Contributor') to cancel; 'Synapse Administrator' covers all of these. Azure roles on the workspace resource do not grant these.";

export async function explainSynapseError(
  e: unknown,
  client: SynapseClient,
  names: { workspace: string; pipelineName: string; audience: string },
): Promise<void> {
  if (!(e instanceof ServiceError)) return;
  if (e.status === 401) {
    e.hint = `The Synapse endpoint rejected the access token. The action asks Entra ID for '${names.audience}/.default' (the Synapse data plane of the chosen 'environment'); check that 'environment' is the workspace's cloud and that the principal belongs to the workspace's tenant.`;
  } else if (e.status === 403) {
    e.hint = `The signed-in principal lacks a Synapse role in workspace '${names.workspace}'. ${SYNAPSE_ROLES} Role assignments can take a few minutes to apply.`;
  } else if (e.status === 404 && /PipelineNotFound|NotFound/i.test(e.code)) {
    const listing = await pipelineListing(names.pipelineName, () => client.listPipelines({ timeoutMs: 15_000 }), {
      container: 'workspace',
      none: 'The workspace has no published pipelines.',
    });
    e.hint = `Pipeline '${names.pipelineName}' does not exist in Synapse workspace '${names.workspace}'. Check 'pipeline-name' and 'workspace', and that the pipeline is published (not only saved in a Git branch).${listing}`;
  } else if (e.code === 'ReferencedPipelineRunNotValid') {
    e.hint = `Check 'reference-run-id': it must be the ID of an earlier run of this pipeline in this workspace.`;
  }
}
