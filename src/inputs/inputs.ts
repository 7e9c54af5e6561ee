// Reads and validates every input before any network call. Each problem names the input and says
// what a valid value looks like; all problems are reported at once so one edit fixes them all.
// What depends on the service comes from its rules (service-rules.ts), passed in by main.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLOUD_NAMES, findCloud, type Cloud } from '../model/clouds.js';
import type { ServiceKind } from '../model/service-kind.js';
import { parseDuration } from './duration.js';
import { httpsUrl } from './url.js';
import { parseParameterText } from './parameters.js';
import { parsePipelineList, type BatchItem } from './pipelines.js';
import { readRerunAndCost, type RerunAndCost } from './rerun-and-cost.js';
import type { Location, ServiceInputRules } from './service-rules.js';

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

export interface Inputs extends RerunAndCost {
  /** Inputs that were given but take no effect: said once as warnings, not refused. */
  warnings: string[];
  service: ServiceKind;
  /** The inputs the service reads to find its pipelines (its `locatedBy`), checked; the target is built from them. */
  location: Location;
  // The same values as `location`, by name; '' where the chosen service does not read the input.
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
const MIN_POLL_MS = 1000;

const BOOL_TRUE = ['true', 'True', 'TRUE'];
const BOOL_FALSE = ['false', 'False', 'FALSE'];
/** Inputs that are true or false, for refusals: only `true` asks for something. */
const BOOLEAN_INPUTS = new Set(['recovery', 'start-from-failure']);

/** Options that let tests and the post step read inputs without the real workspace. */
export interface ReadOptions {
  workspace?: string;
  readFile?: (file: string) => string;
}

export async function readInputs(
  get: GetInput,
  services: readonly ServiceInputRules[],
  options: ReadOptions = {},
): Promise<Inputs> {
  const problems: string[] = [];
  const warnings: string[] = [];
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

  const rules = chooseService(text('service'), services, problems);
  const service = rules.name as ServiceKind;
  const location = rules.readLocation({
    service,
    text,
    required: (name, why) => (why ? required(name, ` with service: ${service} (${why})`) : required(name)),
    httpsUrl: (name) => httpsUrl(name, text(name), problems) ?? '',
    problem: (message) => problems.push(message),
  });
  warnings.push(...notApplying(rules, services, text));

  const runId = text('run-id');
  const pipelinesText = text('pipelines');
  const pipelineName = pipelinesText
    ? text('pipeline-name')
    : runId && !rules.pipelineWithRunId
      ? text('pipeline-name')
      : runId
        ? required('pipeline-name', ` with service: ${service} (${rules.pipelineWithRunId})`)
        : required('pipeline-name', " (or 'pipelines' to run several, or 'run-id' to wait for an existing run)");
  const nameRule = rules.pipelineName;
  if (nameRule && pipelineName && !nameRule.test(pipelineName)) {
    problems.push(`'pipeline-name' ${nameRule.rule}, got '${pipelineName}'.`);
  }

  let pipelines: BatchItem[] = [];
  if (pipelinesText) {
    if (pipelineName) {
      problems.push(
        `Set either 'pipeline-name' or 'pipelines', not both: 'pipelines' lists every pipeline the step runs.`,
      );
    }
    const parsed = await parsePipelineList(pipelinesText, (name) =>
      nameRule && !nameRule.test(name) ? `'${name}' ${nameRule.rule}.` : '',
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
    // The defaults ('0', 'false') arrive as inputs too: only a choice that would do something is
    // named. Ignored, not refused (the contract): reusable workflows pass one set of inputs to all.
    if (maxParallel !== 0) {
      warnings.push(`'max-parallel' only applies with 'pipelines' and is ignored: nothing runs in parallel.`);
      maxParallel = 0;
    }
    if (failFast) {
      warnings.push(`'fail-fast' only applies with 'pipelines' and is ignored: there is one run.`);
    }
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
  // Set only when the chosen service reads it (Data Factory): ARM is the cloud's, the override too.
  if (location['resource-manager-endpoint']) cloud.resourceManager = location['resource-manager-endpoint'];
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
  const refused = new Map((rules.refuses ?? []).map((r) => [r.input, r]));
  // A service that cannot rerun at all refuses the rerun inputs below; their combinations are moot.
  if (!runId && !refused.has('recovery') && recovery && !referenceRunId) {
    problems.push(`'recovery: true' needs 'reference-run-id': the run whose group the new run joins.`);
  }
  if (!runId && !refused.has('recovery') && !recovery && (startActivity || startFromFailure)) {
    problems.push(
      `'${startActivity ? 'start-activity' : 'start-from-failure'}' only applies in recovery mode: set 'recovery: true' and 'reference-run-id'.`,
    );
  }
  for (const r of refused.values()) {
    // A boolean input asks for something only when true (its default 'false' arrives too).
    const asked = BOOLEAN_INPUTS.has(r.input) ? BOOL_TRUE.includes(text(r.input)) : Boolean(text(r.input));
    if (asked) {
      problems.push(`'${r.input}' does not apply to service: ${service} (${r.why}); ${r.instead ?? 'remove it'}.`);
    }
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
  const ifRunning = runControl(runId, rules.runIdNoun, text, problems, warnings);
  const cancelRecursive = bool('cancel-recursive', true);
  const jobSummary = bool('job-summary', true);
  const prComment = bool('pr-comment', false);
  const githubToken = text('github-token');
  const rerunAndCost = readRerunAndCost(text, bool, problems);

  if (problems.length) throw new InputError(problems);
  return {
    warnings,
    service,
    location,
    workspace: location.workspace ?? '',
    serviceEndpoint: location['service-endpoint'] ?? '',
    subscriptionId: location['subscription-id'] ?? '',
    resourceGroup: location['resource-group'] ?? '',
    factoryName: location['factory-name'] ?? '',
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
    failFast: pipelinesText ? failFast : false,
    ...rerunAndCost,
  };
}

/** The rules of the service the `service` input names; the registry's first when it names none (Data Factory). */
function chooseService(given: string, services: readonly ServiceInputRules[], problems: string[]): ServiceInputRules {
  const name = (given || services[0].name).toLowerCase();
  const found = services.find((s) => s.name === name);
  if (found) return found;
  problems.push(`'service' must be one of ${services.map((s) => s.name).join(', ')}, got '${given}'.`);
  return services[0];
}

/**
 * Inputs that say where another service finds its pipelines: the chosen one does not read them, so
 * they are ignored, each named in a warning (the contract: one set of inputs serves several services).
 */
function notApplying(
  rules: ServiceInputRules,
  services: readonly ServiceInputRules[],
  text: (name: string) => string,
): string[] {
  const others = new Set(services.flatMap((s) => s.locatedBy).filter((name) => !rules.locatedBy.includes(name)));
  return [...others]
    .filter((name) => text(name))
    .map((name) => {
      const instead = rules.insteadOf?.[name];
      return `'${name}' does not apply to service: ${rules.name} and is ignored${instead ? ` (${instead})` : ''}.`;
    });
}

/** `run-id` and `if-running`: a run to wait for excludes everything that only applies to starting one. */
function runControl(
  runId: string,
  runIdNoun: string,
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
    problems.push(`'run-id' must be ${runIdNoun} (a GUID like 00000000-0000-0000-0000-000000000000), got '${runId}'.`);
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
