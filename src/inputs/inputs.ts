// Reads and validates every input before any network call. Each problem names the input and says
// what a valid value looks like; all problems are reported at once so one edit fixes them all.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLOUD_NAMES, findCloud, type Cloud } from '../services/clouds.js';
import { SERVICE_KINDS, type ServiceKind } from '../services/service.js';
import { parseDuration } from './duration.js';
import { parseParameterText } from './parameters.js';
import { parsePipelineList, type BatchItem } from './pipelines.js';

export type { BatchItem } from './pipelines.js';

export type AuthMode = 'auto' | 'oidc' | 'client-secret' | 'azure-cli';

/** What to do when a run of the pipeline is already Queued, InProgress or Canceling. */
export type IfRunning = 'start' | 'skip' | 'attach' | 'wait' | 'cancel' | 'fail';
export const IF_RUNNING: readonly IfRunning[] = ['start', 'skip', 'attach', 'wait', 'cancel', 'fail'];
/** `cancel-on-*`: true/false decide for every run; '' (started-only) cancels only runs this step started. */
export type CancelChoice = boolean | 'started-only';
/** Whether to cancel this run, given whether this step started it. */
export const cancelFor = (choice: CancelChoice, started: boolean): boolean =>
  choice === 'started-only' ? started : choice;

export interface Inputs {
  /** Inputs that were given but take no effect: said once as warnings, not refused. */
  warnings: string[];
  service: ServiceKind;
  /** Synapse: the workspace name; Fabric: its ID or display name. */
  workspace: string;
  /** Overrides the Synapse development endpoint or the Fabric API base ('' = the cloud's). */
  serviceEndpoint: string;
  subscriptionId: string;
  resourceGroup: string;
  factoryName: string;
  pipelineName: string;
  parameters: Record<string, unknown>;
  auth: AuthMode;
  clientId: string;
  tenantId: string;
  clientSecret: string;
  /** OIDC audience, defaulted from the cloud. */
  audience: string;
  /** The cloud with any endpoint overrides applied. */
  cloud: Cloud;
  /** True when authority-host was given: MSAL must not try instance discovery against it. */
  customAuthority: boolean;
  referenceRunId: string;
  recovery: boolean;
  startActivity: string;
  startFromFailure: boolean;
  validateParameters: boolean;
  wait: boolean;
  timeoutMs: number;
  /** 'auto' or a fixed interval in milliseconds. */
  pollInterval: 'auto' | number;
  cancelOnTimeout: CancelChoice;
  cancelOnWorkflowCancel: CancelChoice;
  cancelRecursive: boolean;
  jobSummary: boolean;
  /** Wait for this existing run instead of starting one ('' = start one). */
  runId: string;
  ifRunning: IfRunning;
  /** Post the result as a comment on the pull request the workflow runs for. */
  prComment: boolean;
  /** The token for pr-comment (default: the job's GITHUB_TOKEN). */
  githubToken: string;
  /** `pipelines`: the items of a batch ([] = one run, `pipeline-name`). */
  pipelines: BatchItem[];
  /** With `pipelines`: runs started and in flight at once (0 = all). */
  maxParallel: number;
  /** With `pipelines`: the first run that ends other than Succeeded cancels the rest. */
  failFast: boolean;
}

export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0]}`
        : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'InputError';
  }
}

export type GetInput = (name: string) => string;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Tenant IDs may also be given as a verified domain (contoso.onmicrosoft.com).
const TENANT_DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
// ARM patterns from the Data Factory REST spec (2018-06-01).
// The spec's `\w` is .NET's (Unicode letters and digits count, per Char.IsLetterOrDigit).
const RESOURCE_GROUP = /^[-\w\p{L}\p{Nd}._()]+$/u;
const FACTORY = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const PIPELINE = /^[A-Za-z0-9_][^<>*#.%&:\\+?/]*$/;
// Synapse workspace names (ARM's rule for Microsoft.Synapse/workspaces).
const SYNAPSE_WORKSPACE = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
const MIN_POLL_MS = 1000;

const BOOL_TRUE = ['true', 'True', 'TRUE'];
const BOOL_FALSE = ['false', 'False', 'FALSE'];

/** Options that let tests and the post step read inputs without the real workspace. */
export interface ReadOptions {
  workspace?: string;
  readFile?: (file: string) => string;
}

export async function readInputs(get: GetInput, options: ReadOptions = {}): Promise<Inputs> {
  const problems: string[] = [];
  const text = (name: string) => get(name).trim();
  const bool = (name: string, fallback: boolean): boolean => {
    const v = text(name);
    if (v === '') return fallback;
    if (BOOL_TRUE.includes(v)) return true;
    if (BOOL_FALSE.includes(v)) return false;
    problems.push(`'${name}' must be true or false, got '${v}'.`);
    return fallback;
  };
  const required = (name: string, alternatives = ''): string => {
    const v = text(name);
    if (v === '') problems.push(`'${name}' is required${alternatives}.`);
    return v;
  };

  const serviceText = (text('service') || 'data-factory').toLowerCase();
  let service: ServiceKind = 'data-factory';
  if ((SERVICE_KINDS as string[]).includes(serviceText)) service = serviceText as ServiceKind;
  else problems.push(`'service' must be one of ${SERVICE_KINDS.join(', ')}, got '${text('service')}'.`);
  /** An input that means nothing for this service: refused, so nobody believes it took effect. */
  const refuse = (name: string, why: string) => {
    if (text(name)) problems.push(`'${name}' does not apply to service: ${service} (${why}); remove it.`);
  };
  const needed = (name: string, why: string): string => {
    const v = text(name);
    if (v === '') problems.push(`'${name}' is required with service: ${service} (${why}).`);
    return v;
  };

  const subscriptionId =
    service === 'data-factory' ? required('subscription-id') : service === 'synapse' ? text('subscription-id') : '';
  if (subscriptionId && !GUID.test(subscriptionId)) {
    problems.push(
      `'subscription-id' must be a subscription ID (a GUID like 00000000-0000-0000-0000-000000000000), got '${subscriptionId}'.`,
    );
  }
  const resourceGroup =
    service === 'data-factory' ? required('resource-group') : service === 'synapse' ? text('resource-group') : '';
  if (
    resourceGroup &&
    (!RESOURCE_GROUP.test(resourceGroup) || resourceGroup.length > 90 || resourceGroup.endsWith('.'))
  ) {
    problems.push(
      `'resource-group' must be 1-90 letters, digits, '-', '_', '.', '(' or ')' and must not end with '.', got '${resourceGroup}'.`,
    );
  }
  let factoryName = '';
  let workspace = '';
  if (service === 'data-factory') {
    factoryName = required('factory-name');
    if (factoryName && (!FACTORY.test(factoryName) || factoryName.length < 3 || factoryName.length > 63)) {
      problems.push(
        `'factory-name' must be 3-63 letters, digits and single hyphens, starting and ending with a letter or digit, got '${factoryName}'.`,
      );
    }
    refuse('workspace', "Data Factory pipelines live in a factory: use 'factory-name'");
    refuse('service-endpoint', "Data Factory is reached through ARM: use 'resource-manager-endpoint'");
  } else {
    refuse('factory-name', "use 'workspace'");
    refuse(
      'resource-manager-endpoint',
      `${service === 'synapse' ? 'Synapse' : 'Fabric'} is not reached through ARM: use 'service-endpoint'`,
    );
    if (service === 'fabric') {
      refuse('subscription-id', 'Fabric workspaces are not Azure resources');
      refuse('resource-group', 'Fabric workspaces are not Azure resources');
    } else if (Boolean(subscriptionId) !== Boolean(resourceGroup)) {
      problems.push(
        `With service: synapse, 'subscription-id' and 'resource-group' go together (they only build the Synapse Studio link): set both or neither.`,
      );
    }
    workspace = needed(
      'workspace',
      service === 'synapse' ? 'the Synapse workspace name' : "the Fabric workspace's ID or display name",
    );
    if (service === 'synapse' && workspace && !SYNAPSE_WORKSPACE.test(workspace)) {
      problems.push(
        `'workspace' must be a Synapse workspace name (1-50 lower-case letters, digits and hyphens, not starting or ending with a hyphen; not its URL), got '${workspace}'.`,
      );
    }
  }
  const serviceEndpoint =
    service === 'data-factory' ? '' : (httpsUrl('service-endpoint', text('service-endpoint'), problems) ?? '');

  const runId = text('run-id');
  const pipelinesText = text('pipelines');
  const pipelineName = pipelinesText
    ? text('pipeline-name')
    : runId && service !== 'fabric'
      ? text('pipeline-name')
      : runId
        ? needed('pipeline-name', 'Fabric addresses a job instance through its pipeline')
        : required('pipeline-name', " (or 'pipelines' to run several, or 'run-id' to wait for an existing run)");
  if (service !== 'fabric' && pipelineName && (!PIPELINE.test(pipelineName) || pipelineName.length > 260)) {
    problems.push(
      `'pipeline-name' must start with a letter, digit or '_' and may not contain any of < > * # . % & : \\ + ? /, got '${pipelineName}'.`,
    );
  }

  let pipelines: BatchItem[] = [];
  if (pipelinesText) {
    if (pipelineName) {
      problems.push(
        `Set either 'pipeline-name' or 'pipelines', not both: 'pipelines' lists every pipeline the step runs.`,
      );
    }
    const parsed = await parsePipelineList(pipelinesText, (name) =>
      service !== 'fabric' && (!PIPELINE.test(name) || name.length > 260)
        ? `'${name}' must start with a letter, digit or '_' and may not contain any of < > * # . % & : \\ + ? /.`
        : '',
    );
    problems.push(...parsed.problems);
    pipelines = parsed.items;
    for (const name of ['reference-run-id', 'start-activity']) {
      if (text(name)) problems.push(`'${name}' names one earlier run and cannot apply to 'pipelines': remove it.`);
    }
    for (const name of ['recovery', 'start-from-failure']) {
      if (BOOL_TRUE.includes(text(name))) {
        problems.push(`'${name}' reruns one earlier run and cannot apply to 'pipelines': remove it.`);
      }
    }
  }
  const maxParallelText = text('max-parallel');
  let maxParallel = 0;
  if (maxParallelText) {
    if (!/^\d+$/.test(maxParallelText)) {
      problems.push(`'max-parallel' must be a whole number, 0 or more (0 = all at once), got '${maxParallelText}'.`);
    } else maxParallel = Number(maxParallelText);
  }
  const failFast = bool('fail-fast', false);
  if (!pipelinesText) {
    // The defaults ('0', 'false') arrive as inputs too: only a choice that would do something is refused.
    if (maxParallel !== 0)
      problems.push(`'max-parallel' only applies with 'pipelines': remove it or list the pipelines.`);
    if (failFast) problems.push(`'fail-fast' only applies with 'pipelines': remove it or list the pipelines.`);
  }

  const parameters = await readParameters(text('parameters'), text('parameters-file'), options, problems);

  const authText = (text('auth') || 'auto').toLowerCase();
  const authModes: AuthMode[] = ['auto', 'oidc', 'client-secret', 'azure-cli'];
  let auth: AuthMode = 'auto';
  if ((authModes as string[]).includes(authText)) auth = authText as AuthMode;
  else problems.push(`'auth' must be one of ${authModes.join(', ')}, got '${text('auth')}'.`);

  const clientId = text('client-id');
  const tenantId = text('tenant-id');
  const clientSecret = get('client-secret');
  if (clientId && !GUID.test(clientId)) {
    problems.push(`'client-id' must be the application (client) ID, a GUID, got '${clientId}'.`);
  }
  if (tenantId && !GUID.test(tenantId) && !TENANT_DOMAIN.test(tenantId)) {
    problems.push(`'tenant-id' must be the directory (tenant) ID, a GUID, or a verified domain, got '${tenantId}'.`);
  }
  if (auth === 'oidc' || auth === 'client-secret') {
    for (const [name, value] of [
      ['client-id', clientId],
      ['tenant-id', tenantId],
    ] as const) {
      if (!value) problems.push(`'${name}' is required with auth: ${auth}.`);
    }
  }
  if (auth === 'client-secret' && !clientSecret) problems.push(`'client-secret' is required with auth: client-secret.`);
  if (auth === 'auto' && clientSecret && (!clientId || !tenantId)) {
    problems.push(`'client-secret' is set, so 'client-id' and 'tenant-id' are required too.`);
  }

  const envName = text('environment') || 'AzureCloud';
  const baseCloud = findCloud(envName);
  if (!baseCloud) problems.push(`'environment' must be one of ${CLOUD_NAMES.join(', ')}, got '${envName}'.`);
  const cloud: Cloud = { ...(baseCloud ?? findCloud('AzureCloud')!) };
  const arm =
    service === 'data-factory'
      ? httpsUrl('resource-manager-endpoint', text('resource-manager-endpoint'), problems)
      : undefined;
  if (arm) cloud.resourceManager = arm;
  const authority = httpsUrl('authority-host', text('authority-host'), problems);
  if (authority) cloud.authorityHost = authority;
  const audience = text('audience') || cloud.oidcAudience;

  const referenceRunId = text('reference-run-id');
  if (referenceRunId && !GUID.test(referenceRunId)) {
    problems.push(`'reference-run-id' must be a pipeline run ID (a GUID), got '${referenceRunId}'.`);
  }
  const recovery = bool('recovery', false);
  const startActivity = text('start-activity');
  const startFromFailure = bool('start-from-failure', false);
  if (!runId && service !== 'fabric' && recovery && !referenceRunId) {
    problems.push(`'recovery: true' needs 'reference-run-id': the run whose group the new run joins.`);
  }
  if (!runId && service !== 'fabric' && !recovery && (startActivity || startFromFailure)) {
    problems.push(
      `'${startActivity ? 'start-activity' : 'start-from-failure'}' only applies in recovery mode: set 'recovery: true' and 'reference-run-id'.`,
    );
  }
  if (service === 'fabric') {
    refuse('reference-run-id', 'Fabric has no reruns through its API');
    refuse('start-activity', 'Fabric has no reruns through its API');
    for (const [name, on] of [
      ['recovery', recovery],
      ['start-from-failure', startFromFailure],
    ] as const) {
      if (on)
        problems.push(`'${name}' does not apply to service: fabric (Fabric has no reruns through its API); remove it.`);
    }
  } else if (service === 'synapse' && startFromFailure) {
    problems.push(
      `'start-from-failure' does not apply to service: synapse (Synapse has no such option); use 'start-activity' to rerun from an activity.`,
    );
  }
  if (startActivity && startFromFailure) {
    problems.push(
      `Set either 'start-activity' or 'start-from-failure', not both (ADF ignores start-from-failure when an activity is named).`,
    );
  }

  const validateParameters = bool('validate-parameters', true);
  const wait = bool('wait', true);
  const timeoutText = text('timeout') || '6h';
  const timeoutMs = parseDuration(timeoutText);
  if (timeoutMs === undefined || timeoutMs <= 0) {
    problems.push(
      `'timeout' must be a duration like 90s, 45m, 2h, 1h30m or a number of seconds, got '${timeoutText}'.`,
    );
  }
  const pollText = text('poll-interval') || 'auto';
  let pollInterval: 'auto' | number = 'auto';
  if (pollText.toLowerCase() !== 'auto') {
    const ms = parseDuration(pollText);
    if (ms === undefined || ms < MIN_POLL_MS) {
      problems.push(`'poll-interval' must be 'auto' or a duration of at least 1s (like 15s or 1m), got '${pollText}'.`);
    } else pollInterval = ms;
  }
  const cancelOnTimeout: CancelChoice =
    text('cancel-on-timeout') === '' ? 'started-only' : bool('cancel-on-timeout', true);
  const cancelOnWorkflowCancel: CancelChoice =
    text('cancel-on-workflow-cancel') === '' ? 'started-only' : bool('cancel-on-workflow-cancel', true);
  const warnings: string[] = [];
  const ifRunning = runControl(runId, service, text, problems, warnings);
  const cancelRecursive = bool('cancel-recursive', true);
  const jobSummary = bool('job-summary', true);
  const prComment = bool('pr-comment', false);
  const githubToken = text('github-token');

  if (problems.length) throw new InputError(problems);
  return {
    warnings,
    service,
    workspace,
    serviceEndpoint,
    subscriptionId,
    resourceGroup,
    factoryName,
    pipelineName,
    parameters,
    auth,
    clientId,
    tenantId,
    clientSecret,
    audience,
    cloud,
    customAuthority: Boolean(authority),
    referenceRunId,
    recovery,
    startActivity,
    startFromFailure,
    validateParameters,
    wait,
    timeoutMs: timeoutMs!,
    pollInterval,
    cancelOnTimeout,
    cancelOnWorkflowCancel,
    cancelRecursive,
    jobSummary,
    runId,
    ifRunning,
    prComment,
    githubToken,
    pipelines,
    maxParallel,
    failFast,
  };
}

/** `run-id` and `if-running`: a run to wait for excludes everything that only applies to starting one. */
function runControl(
  runId: string,
  service: ServiceKind,
  text: (name: string) => string,
  problems: string[],
  warnings: string[],
): IfRunning {
  const ifText = (text('if-running') || 'start').toLowerCase();
  let ifRunning: IfRunning = 'start';
  if ((IF_RUNNING as string[]).includes(ifText)) ifRunning = ifText as IfRunning;
  else problems.push(`'if-running' must be one of ${IF_RUNNING.join(', ')}, got '${text('if-running')}'.`);
  if (!runId) return ifRunning;
  if (!GUID.test(runId)) {
    problems.push(
      `'run-id' must be ${service === 'fabric' ? 'a job instance ID' : 'a pipeline run ID'} (a GUID like 00000000-0000-0000-0000-000000000000), got '${runId}'.`,
    );
  }
  const startOnly = ['parameters', 'parameters-file', 'pipelines', 'reference-run-id', 'start-activity'];
  for (const name of startOnly) {
    if (text(name))
      problems.push(`'${name}' only applies when starting a run; with 'run-id' nothing is started: remove it.`);
  }
  for (const name of ['recovery', 'start-from-failure']) {
    if (BOOL_TRUE.includes(text(name))) {
      problems.push(`'${name}' only applies when starting a run; with 'run-id' nothing is started: remove it.`);
    }
  }
  // Not refused: the contract does not list it, and reusable workflows pass every input through.
  if (ifRunning !== 'start') {
    warnings.push(
      `'if-running: ${ifRunning}' is ignored with 'run-id': nothing is started, so there is nothing to decide before a start.`,
    );
    return 'start';
  }
  return ifRunning;
}

function httpsUrl(name: string, value: string, problems: string[]): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`'${name}' must be an https URL like https://management.example.com, got '${value}'.`);
    return undefined;
  }
  if (url.protocol !== 'https:') {
    problems.push(`'${name}' must use https (Azure sign-in refuses plain http), got '${value}'.`);
    return undefined;
  }
  return value.replace(/\/+$/, '');
}

async function readParameters(
  inline: string,
  file: string,
  options: ReadOptions,
  problems: string[],
): Promise<Record<string, unknown>> {
  let fromFile: Record<string, unknown> = {};
  if (file) {
    const workspace = options.workspace ?? process.env.GITHUB_WORKSPACE ?? process.cwd();
    const full = path.resolve(workspace, file);
    let content: string | undefined;
    try {
      content = (options.readFile ?? ((f: string) => readFileSync(f, 'utf8')))(full);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(
        `'parameters-file' could not be read: ${code === 'ENOENT' ? `no file at ${full}` : (e as Error).message}. The path is relative to the workspace; check out the repository first.`,
      );
    }
    if (content !== undefined) {
      const parsed = await parseParameterText(content);
      if ('error' in parsed) problems.push(`'parameters-file' (${file}) ${parsed.error}`);
      else fromFile = parsed.value;
    }
  }
  let fromInput: Record<string, unknown> = {};
  if (inline) {
    const parsed = await parseParameterText(inline);
    if ('error' in parsed) problems.push(`'parameters' ${parsed.error}`);
    else fromInput = parsed.value;
  }
  return { ...fromFile, ...fromInput };
}
