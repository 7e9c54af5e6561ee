// Turns the Fabric errors users actually hit into what to do about them. Fabric's texts are
// short ("The caller does not have sufficient permissions…"); the fixes live in the admin portal
// and in the workspace's access list, which the answer never names.
import { ServiceError } from '../../http/errors.js';

export interface FabricNames {
  /** The workspace as given ('workspace' input) and, once resolved, its ID. */
  workspace: string;
  workspaceId?: string;
  pipelineName: string;
  itemId?: string;
  /** The token scope the action asked for. */
  scope: string;
  apiBase: string;
}

export const TENANT_SETTING =
  "A Fabric administrator must enable the tenant setting 'Service principals can use Fabric APIs' (Fabric admin portal → Tenant settings → Developer settings), for the whole organisation or for a security group that holds this service principal. The setting can take up to 15 minutes to apply.";

function roleAdvice(names: FabricNames): string {
  return [
    `Add the service principal (or the managed identity) to workspace '${names.workspace}' in Manage access.`,
    'Running and cancelling a pipeline needs the Contributor role or higher (Member, Admin); reading runs and listing items needs Viewer.',
    '(The role needed to run is not stated in the Fabric spec: Contributor is the least role that can run items in the Fabric portal; not verified for the API.)',
  ].join(' ');
}

/** Adds what to do to an error Fabric answered with. */
export function explainFabricError(e: unknown, names: FabricNames): void {
  if (!(e instanceof ServiceError)) return;
  const code = e.code.toLowerCase();
  if (code === 'principaltypenotsupported') {
    e.hint = `Fabric does not accept service principals in this tenant (or for this operation). ${TENANT_SETTING}`;
  } else if (e.status === 401) {
    e.hint = [
      `Fabric rejected the access token (${e.code}).`,
      `The action asks Entra ID for the scope ${names.scope}; a token for another audience (ARM, a custom 'service-endpoint' host) is refused: 'service-endpoint' changes only where requests go, never the audience.`,
      `Check that the principal belongs to the tenant that owns the Fabric capacity and that 'environment' matches it.`,
      `For a service principal: ${TENANT_SETTING}`,
    ].join(' ');
  } else if (e.status === 403) {
    e.hint = [
      `The signed-in principal may not do this in workspace '${names.workspace}'.`,
      roleAdvice(names),
      `Service principals also need the tenant setting 'Service principals can use Fabric APIs' (Fabric admin portal → Tenant settings → Developer settings).`,
      `With OIDC (workload identity federation), Microsoft reported SPN + federated credentials not working for Data pipelines in 2025 (microsoft/fabric-cicd#174); if the roles are right, try 'auth: client-secret' to tell (not verified for job runs).`,
    ].join(' ');
  } else if (code === 'workspacenotfound') {
    e.hint = `Workspace '${names.workspace}'${names.workspaceId && names.workspaceId !== names.workspace ? ` (ID ${names.workspaceId})` : ''} was not found. Check 'workspace' (its ID from the workspace URL, app.fabric.microsoft.com/groups/<ID>/…, or its display name) and that the principal is a member of it. ${roleAdvice(names)}`;
  } else if (code === 'itemnotfound') {
    e.hint = `Pipeline '${names.pipelineName}'${names.itemId && names.itemId !== names.pipelineName ? ` (item ID ${names.itemId})` : ''} was not found in workspace '${names.workspace}'. Check 'pipeline-name' (the Data pipeline's display name or item ID) and 'workspace', and that the principal can see the item (a workspace role of Viewer or higher).`;
  } else if (code === 'entitynotfound') {
    e.hint = `Fabric does not know this request's URL (${e.op}). Check 'service-endpoint': it is the API base, like https://api.fabric.microsoft.com (without /v1).`;
  } else if (code === 'jobinstancenotfound') {
    e.hint = `Fabric has no such job instance of pipeline '${names.pipelineName}' in workspace '${names.workspace}'.`;
  } else if (code === 'featurenotavailable') {
    e.hint = `Fabric refused the request's shape for this item type. The action sends pipeline parameters as executionData.parameters; check 'parameters'.`;
  } else if (code === 'toomanyrequestsforjobs' || e.status === 429) {
    e.hint = `Fabric is throttling this principal (Job Scheduler and platform APIs allow about 200 calls a minute per principal). Start fewer runs at once, or retry later.`;
  }
}
