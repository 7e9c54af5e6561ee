// The Azure Synapse workspace development endpoint (data plane, api-version 2020-12-01): pipelines and pipeline
// runs on the shared run engine. Every workspace lives under its own path prefix, /ws/{workspace}, so one
// server stands for every https://{workspace}.dev.azuresynapse.net. Shapes follow the recordings in
// ../shared/real-recordings (azure-cli__synapse_test_pipeline.json and the .NET synapse files).
import { pipelineResource } from './arm.ts';
import type { EmulatorContext } from './context.ts';
import { decodeJwt, verifyJwt } from './jwt.ts';
import { applyFilters, applyOrder, paginate, parseRunFilter, runGroupFilterError } from './run-query.ts';
import type { ActivityRunView, RunRecord } from './runs.ts';
import type { Call, Reply, ServiceDef } from './server.ts';
import type { Pipeline } from './state.ts';
import type { StatusFault } from './types.ts';
import { fill, guid, isPlainObject } from './util.ts';
import type { SynapseWorkspace } from './workspaces.ts';

export const SYNAPSE_API_VERSION = '2020-12-01';
/** also accepted: the recorded .NET tests used it against the real service */
const OLDER_API_VERSIONS = ['2019-06-01-preview'];

/**
 * The Synapse RBAC action each operation needs (guess, from the role docs: running needs
 * credentials/useSecret on WorkspaceSystemIdentity, monitoring needs pipelines/viewOutputs, cancel
 * cancelPipelineRun). `emu.deny(principal, action)` with one of these answers 403.
 */
export const SYNAPSE_ACTIONS: Record<string, string> = {
  listPipelines: 'Microsoft.Synapse/workspaces/read',
  getPipeline: 'Microsoft.Synapse/workspaces/read',
  createRun: 'Microsoft.Synapse/workspaces/credentials/useSecret/action',
  getRun: 'Microsoft.Synapse/workspaces/read',
  queryPipelineRuns: 'Microsoft.Synapse/workspaces/read',
  queryActivityRuns: 'Microsoft.Synapse/workspaces/pipelines/viewOutputs/action',
  cancel: 'Microsoft.Synapse/workspaces/cancelPipelineRun/action',
};

interface Route {
  op: string;
  method: string;
  workspace: string;
  pipeline?: string;
  runId?: string;
}

const eq = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

function parseRoute(s: string[]): Route | undefined {
  if (s.length < 2 || s[0] !== 'ws') return undefined;
  const workspace = s[1]!;
  const rest = s.slice(2);
  const base = { workspace };
  if (eq(rest[0], 'pipelines')) {
    if (rest.length === 1) return { ...base, op: 'listPipelines', method: 'GET' };
    const pipeline = rest[1]!;
    if (rest.length === 2) return { ...base, pipeline, op: 'getPipeline', method: 'GET' };
    if (rest.length === 3 && eq(rest[2], 'createRun')) return { ...base, pipeline, op: 'createRun', method: 'POST' };
    if (rest.length === 5 && eq(rest[2], 'pipelineruns') && eq(rest[4], 'queryActivityruns'))
      return { ...base, pipeline, runId: rest[3]!, op: 'queryActivityRuns', method: 'POST' };
  }
  if (eq(rest[0], 'pipelineruns') && rest.length >= 2) {
    const runId = rest[1]!;
    if (rest.length === 2) return { ...base, runId, op: 'getRun', method: 'GET' };
    if (rest.length === 3 && eq(rest[2], 'cancel')) return { ...base, runId, op: 'cancel', method: 'POST' };
  }
  if (rest.length === 1 && eq(rest[0], 'queryPipelineRuns'))
    return { ...base, op: 'queryPipelineRuns', method: 'POST' };
  return { ...base, op: 'unknown', method: '*' };
}

/** Wrapped CloudError, the spec's default error of every operation. */
function cloudError(status: number, code: string, message: string, target?: string | null, details?: null): Reply {
  return {
    status,
    body: {
      error: {
        code,
        message,
        ...(target !== undefined ? { target } : {}),
        ...(details !== undefined ? { details } : {}),
      },
    },
  };
}

/** The data plane's unwrapped form: recorded for PipelineNotFound, reported in issues for token errors. */
function bareError(status: number, code: string, message: string): Reply {
  return { status, body: { code, message } };
}

/**
 * Synapse timestamps: up to 7 fractional digits with trailing zeros trimmed (recorded: 5, 6 and 7 digits). The
 * sub-millisecond digits are derived from the instant, so one instant always renders the same.
 */
export function synapseTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  const extra = String((Math.imul((ms % 1_000_000_007) | 0, 0x9e3779b1 | 0) >>> 0) % 10000).padStart(4, '0');
  const fraction = `${iso.slice(20, 23)}${extra}`.replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

function wholeSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseBool(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  return v.toLowerCase() === 'true';
}

export function synapseService(ctx: EmulatorContext): ServiceDef {
  const routes = new WeakMap<Call, Route | undefined>();
  const principals = new WeakMap<Call, { appid?: string; oid?: string }>();
  const route = (call: Call): Route | undefined => {
    if (!routes.has(call)) routes.set(call, parseRoute(call.segments));
    return routes.get(call);
  };

  function authenticate(call: Call): Reply | undefined {
    // Guesses except the audience text (Azure/azure-rest-api-specs#10500, mrpaulandrew/procfwk#104).
    const header = call.headers.authorization;
    const m = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
    if (!m)
      return bareError(
        401,
        'AuthenticationFailed',
        'Token Authentication failed - Bearer token is missing or malformed.',
      );
    const jwt = decodeJwt(m[1]!);
    if (!jwt || !verifyJwt(jwt, ctx.entraKey)) {
      return bareError(
        401,
        'AuthenticationFailed',
        'Token Authentication failed with SecurityTokenInvalidSignatureException - IDX10511: Signature validation failed.',
      );
    }
    const p = jwt.payload;
    if (String(p.aud ?? '') !== ctx.config.synapseAudience) {
      return bareError(
        401,
        'InvalidTokenAuthenticationAudience',
        "Token Authentication failed with SecurityTokenInvalidAudienceException - IDX10214: Audience validation failed. Audiences: '[PII is hidden]'. Did not match: validationParameters.ValidAudience: '[PII is hidden]' or validationParameters.ValidAudiences: '[PII is hidden]'.",
      );
    }
    if ((typeof p.exp === 'number' ? p.exp : 0) * 1000 <= Date.now()) {
      return bareError(
        401,
        'AuthenticationFailed',
        'Token Authentication failed with SecurityTokenExpiredException - IDX10223: Lifetime validation failed. The token is expired.',
      );
    }
    principals.set(call, {
      ...(typeof p.appid === 'string' ? { appid: p.appid } : {}),
      ...(typeof p.oid === 'string' ? { oid: p.oid } : {}),
    });
    return undefined;
  }

  const inWorkspace = (ws: SynapseWorkspace, run: RunRecord) => run.pipeline.factory === ws.factory;

  function findRun(ws: SynapseWorkspace, runId: string): RunRecord | undefined {
    const run = ctx.engine.get(runId);
    return run && inWorkspace(ws, run) ? run : undefined;
  }

  function where(ws: SynapseWorkspace): string {
    return `(subscription=${ws.subscriptionId} resourceGroup=${ws.resourceGroup} workspace=${ws.name})`;
  }

  function resource(ws: SynapseWorkspace, p: Pipeline): Record<string, unknown> {
    const base = pipelineResource(p) as { properties: Record<string, unknown> };
    return {
      id: `/subscriptions/${ws.subscriptionId}/resourceGroups/${ws.resourceGroup}/providers/Microsoft.Synapse/workspaces/${ws.name}/pipelines/${p.name}`,
      name: p.name,
      type: 'Microsoft.Synapse/workspaces/pipelines',
      properties: { ...base.properties, lastPublishTime: wholeSeconds(ws.factory.createdAt) },
      etag: p.etag,
    };
  }

  /** A pipeline run as Synapse 2020-12-01 returns it: the recorded keys, in the recorded order. */
  function view(ws: SynapseWorkspace, run: RunRecord, now = Date.now()): Record<string, unknown> {
    const v = ctx.engine.view(run, now);
    const final = ctx.engine.isFinal(run, now);
    // runStart is set from the start, also while Queued (real-recordings README); Cancelled runs have an end.
    const start = run.createdAt;
    const end = final ? ctx.engine.finishedAt(run) : null;
    const lastUpdated = end ?? Date.parse(v.lastUpdated);
    const upper = (s: string) => s.toUpperCase();
    return {
      id: `/SUBSCRIPTIONS/${upper(ws.subscriptionId)}/RESOURCEGROUPS/${upper(ws.resourceGroup)}/PROVIDERS/MICROSOFT.SYNAPSE/WORKSPACES/${upper(ws.name)}/pipelineruns/${run.runId}`,
      runId: run.runId,
      debugRunId: null,
      runGroupId: v.runGroupId,
      pipelineName: v.pipelineName,
      parameters: v.parameters,
      invokedBy: v.invokedBy,
      runStart: synapseTime(start),
      runEnd: end === null ? null : synapseTime(end),
      durationInMs: end === null ? null : end - start,
      status: v.status,
      message: v.status === 'Queued' ? null : v.message,
      output: null,
      lastUpdated: synapseTime(lastUpdated),
      annotations: v.annotations,
      runDimension: {},
      isLatest: v.isLatest,
    };
  }

  function createRun(call: Call, ws: SynapseWorkspace, p: Pipeline): Reply {
    if (call.bodyError !== undefined) {
      return cloudError(
        400,
        'InvalidRequestContent',
        `The request content was invalid and could not be deserialized: '${call.bodyError}'.`,
      );
    }
    if (call.body !== null && !isPlainObject(call.body)) {
      return cloudError(400, 'InvalidRequestContent', 'The pipeline parameters must be a JSON object.');
    }
    const q = call.query;
    if (q.startFromFailure !== undefined) {
      // Synapse's createRun has no startFromFailure (artifacts.json 2020-12-01). The answer is a guess.
      return cloudError(
        400,
        'BadRequest',
        "The query parameter 'startFromFailure' is not supported by Azure Synapse Analytics pipelines.",
      );
    }
    const claim = ctx.engine.claimClientRequestId(call.headers['x-ms-client-request-id']);
    if (claim.existing) return { status: 202, body: { runId: claim.existing.runId } };
    const ref = q.referencePipelineRunId;
    const isRecovery = parseBool(q.isRecovery);
    let parameters: Record<string, unknown>;
    let runGroupId: string | undefined;
    if (ref !== undefined && ref !== '') {
      const r = findRun(ws, ref);
      if (!r) {
        return cloudError(
          400,
          'ReferencedPipelineRunNotValid',
          `Referenced pipeline run id ${ref} is not a valid run id.`,
          `pipeline/${p.name}/`,
        );
      }
      parameters = { ...r.parameters };
      if (isRecovery) runGroupId = r.runGroupId;
    } else {
      parameters = {};
      for (const [name, spec] of Object.entries(p.parameters))
        if (spec.defaultValue !== undefined) parameters[name] = spec.defaultValue;
      Object.assign(parameters, isPlainObject(call.body) ? call.body : {});
      const missing = Object.keys(p.parameters).filter((n) => !(n in parameters));
      const e = ctx.config.missingParameter;
      if (missing.length > 0 && e) {
        return cloudError(
          e.status ?? 400,
          e.code,
          fill(e.message, { names: missing.join(', '), pipeline: p.name, factory: ws.name }),
        );
      }
    }
    const who = principals.get(call);
    const run = ctx.engine.create({
      pipeline: p,
      parameters,
      body: call.body,
      query: q,
      script: p.nextScripts.shift() ?? p.script ?? {},
      service: 'synapse',
      ...(claim.runId !== undefined ? { runId: claim.runId } : {}),
      ...(claim.clientRequestId !== undefined ? { clientRequestId: claim.clientRequestId } : {}),
      ...(runGroupId !== undefined ? { runGroupId } : {}),
      ...(ref !== undefined ? { referencePipelineRunId: ref } : {}),
      ...(isRecovery !== undefined ? { isRecovery } : {}),
      ...(q.startActivityName !== undefined ? { startActivityName: q.startActivityName } : {}),
      ...(who && (who.appid || who.oid) ? { principal: who } : {}),
    });
    return { status: 202, body: { runId: run.runId } };
  }

  function filterError(message: string): Reply {
    return cloudError(400, 'BadRequest', message); // guess, as on ARM
  }

  function queryPipelineRuns(call: Call, ws: SynapseWorkspace): Reply {
    const parsed = parseRunFilter(call.body);
    if (!parsed.ok) return filterError(parsed.message);
    const filter = parsed.value;
    const groupError = runGroupFilterError(filter, ctx.config.runGroupIdValues);
    if (groupError) return filterError(groupError);
    const now = Date.now();
    ctx.engine.tick(now);
    type V = Record<string, unknown>;
    const views = ctx.engine
      .list()
      .filter((r) => inWorkspace(ws, r))
      .map((r) => view(ws, r, now))
      .filter((v) => {
        const t = Date.parse(String(v.lastUpdated));
        return t >= filter.lastUpdatedAfter && t <= filter.lastUpdatedBefore;
      });
    const field = (v: V, operand: string): string | undefined => {
      switch (operand.toLowerCase()) {
        case 'pipelinename':
          return String(v.pipelineName);
        case 'status':
          return String(v.status);
        case 'rungroupid':
          return String(v.runGroupId);
        case 'runstart':
          return String(v.runStart ?? '');
        case 'runend':
          return String(v.runEnd ?? '');
        case 'latestonly':
          return String(v.isLatest);
        case 'triggername':
          return '';
        default:
          return undefined;
      }
    };
    const filtered = applyFilters(views, filter, field);
    if (!filtered.ok) return filterError(filtered.message);
    // Without orderBy Synapse answered oldest first (azure-sdk-for-net__synapse_TestQueryRuns.json).
    const ordered = applyOrder(filtered.value, filter, field, [{ orderBy: 'RunStart', order: 'ASC' }]);
    const page = paginate(ordered, filter.continuationToken, ctx.config.runPageSize);
    if (!page.ok) return filterError(page.message);
    return { status: 200, body: page.value };
  }

  function queryActivityRuns(call: Call, ws: SynapseWorkspace, r: Route): Reply {
    const parsed = parseRunFilter(call.body);
    if (!parsed.ok) return filterError(parsed.message);
    const filter = parsed.value;
    const run = findRun(ws, r.runId!);
    // Guess: the path's pipeline name acts as a filter, like the time window: an unknown run or another
    // pipeline's run gives an empty page (a window that misses the run gives {"value":[]}, as recorded).
    if (!run || run.pipelineName.toLowerCase() !== r.pipeline!.toLowerCase())
      return { status: 200, body: { value: [] } };
    const now = Date.now();
    const acts = ctx.engine.activityRuns(run, now).filter((a) => {
      const start = Date.parse(a.activityRunStart);
      const end = a.activityRunEnd === null ? now : Date.parse(a.activityRunEnd);
      return start <= filter.lastUpdatedBefore && end >= filter.lastUpdatedAfter;
    });
    const field = (a: ActivityRunView, operand: string): string | undefined => {
      switch (operand.toLowerCase()) {
        case 'activityname':
          return a.activityName;
        case 'activitytype':
          return a.activityType;
        case 'status':
          return a.status;
        case 'activityrunstart':
          return a.activityRunStart;
        case 'activityrunend':
          return a.activityRunEnd ?? '';
        case 'pipelinename':
          return a.pipelineName;
        default:
          return undefined;
      }
    };
    const filtered = applyFilters(acts, filter, field);
    if (!filtered.ok) return filterError(filtered.message);
    const ordered = applyOrder(filtered.value, filter, field, [{ orderBy: 'ActivityRunStart', order: 'ASC' }]);
    const page = paginate(ordered, filter.continuationToken, ctx.config.activityPageSize);
    if (!page.ok) return filterError(page.message);
    return { status: 200, body: page.value };
  }

  function listPipelines(call: Call, ws: SynapseWorkspace): Reply {
    const all = [...ws.factory.pipelines.values()];
    const size = Math.max(1, ctx.config.synapsePageSize);
    const offset = Math.max(0, Number.parseInt(call.query.continuationToken ?? '0', 10) || 0);
    const value = all.slice(offset, offset + size).map((p) => resource(ws, p));
    const next = offset + size;
    // nextLink only when there is more (recorded: a 28-pipeline list had no nextLink key). Its form is a guess.
    return {
      status: 200,
      body:
        next < all.length
          ? {
              value,
              nextLink: `${ctx.urls.synapse}/ws/${encodeURIComponent(ws.name)}/pipelines?api-version=${SYNAPSE_API_VERSION}&continuationToken=${next}`,
            }
          : { value },
    };
  }

  function handle(call: Call, op: string): Reply {
    const authError = authenticate(call);
    if (authError) return authError;
    const version = call.query['api-version'];
    if (version === undefined || version === '')
      return cloudError(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      );
    if (version !== SYNAPSE_API_VERSION && !OLDER_API_VERSIONS.includes(version))
      return cloudError(
        400,
        'InvalidApiVersionParameter',
        `The api-version '${version}' is invalid. The supported versions are '${SYNAPSE_API_VERSION}'.`,
      );
    const r = route(call);
    if (!r || r.op === 'unknown')
      return cloudError(404, 'NotFound', `The requested resource '${call.path}' was not found.`);
    if (r.method !== call.method)
      return cloudError(
        405,
        'MethodNotAllowed',
        `The requested resource does not support http method '${call.method}'.`,
      );
    const ws = ctx.services.findSynapseWorkspace(r.workspace);
    // Emulator only: a real unknown workspace is a host name that does not resolve.
    if (!ws) return bareError(404, 'WorkspaceNotFound', `The workspace ${r.workspace} was not found.`);
    const who = principals.get(call) ?? {};
    const action = SYNAPSE_ACTIONS[op]!;
    if (ctx.world.isDenied([who.appid, who.oid], action)) {
      const scope =
        op === 'createRun' ? `workspaces/${ws.name}/credentials/WorkspaceSystemIdentity` : `workspaces/${ws.name}/*`;
      // The form of Synapse's RBAC denial (Azure/azure-sdk-for-net#24423); which action each op checks is a guess.
      return cloudError(
        403,
        'Unauthorized',
        `The principal '${who.oid ?? who.appid ?? 'unknown'}' does not have the required Synapse RBAC permission to perform this action. Required permission: Action: ${action}, Scope: ${scope}.`,
      );
    }
    switch (op) {
      case 'listPipelines':
        return listPipelines(call, ws);
      case 'getPipeline':
      case 'createRun': {
        const p = ws.factory.pipelines.get(r.pipeline!.toLowerCase());
        if (!p) return bareError(404, 'PipelineNotFound', `The Pipeline ${r.pipeline} was not found in ${where(ws)}`);
        if (op === 'createRun') return createRun(call, ws, p);
        const inm = call.headers['if-none-match'];
        if (inm !== undefined && inm.replace(/"/g, '') === p.etag) return { status: 304 };
        return { status: 200, body: resource(ws, p) };
      }
      case 'queryPipelineRuns':
        return queryPipelineRuns(call, ws);
      case 'queryActivityRuns':
        return queryActivityRuns(call, ws, r);
      case 'getRun': {
        const run = findRun(ws, r.runId!);
        // Guess, modelled on the recorded PipelineNotFound.
        if (!run)
          return bareError(404, 'PipelineRunNotFound', `The pipeline run ${r.runId} was not found in ${where(ws)}`);
        return { status: 200, body: view(ws, run) };
      }
      case 'cancel': {
        const run = findRun(ws, r.runId!);
        // As recorded on ADF (azure-powershell TestCancelRunNegativeV2): 400, not 404.
        if (!run)
          return cloudError(
            400,
            'ReferencedPipelineRunNotFound',
            `Referenced pipeline run id ${r.runId} does not exist.`,
            'pipelinerun',
            null,
          );
        const isRecursive = parseBool(call.query.isRecursive) ?? null;
        const before = ctx.engine.status(run);
        const accepted = ctx.engine.cancel(run, isRecursive, call.query);
        if (!accepted && ctx.config.synapseCancelFinishedRun === 'error') {
          const e = ctx.config.cancelFinishedRunError;
          return cloudError(
            e.status ?? 400,
            e.code,
            fill(e.message, { runId: run.runId, status: before, pipeline: run.pipelineName }),
          );
        }
        return { status: 200 };
      }
      default:
        return cloudError(404, 'NotFound', `The requested resource '${call.path}' was not found.`);
    }
  }

  const FAULTS: Record<number, [string, string]> = {
    400: ['BadRequest', 'The request is invalid.'],
    401: ['AuthenticationFailed', 'Token Authentication failed.'],
    403: ['Unauthorized', 'The principal does not have the required Synapse RBAC permission to perform this action.'],
    404: ['NotFound', 'The requested resource was not found.'],
    409: ['Conflict', 'The request conflicts with the current state of the resource.'],
    429: ['TooManyRequests', 'Too many requests. Please retry after some time.'],
    500: ['InternalServerError', 'An internal server error occurred. Please retry.'],
    502: ['BadGateway', 'The gateway received an invalid response from the upstream server.'],
    503: ['ServiceUnavailable', 'The service is temporarily unavailable. Please try again later.'],
    504: ['GatewayTimeout', 'The gateway did not receive a response within the specified time period.'],
  };

  return {
    service: 'synapse',
    classify: (call) => route(call)?.op ?? 'unknown',
    handle,
    faultReply(_call: Call, _op: string, fault: StatusFault): Reply {
      // Guesses: no real Synapse 429/5xx body was found. CloudError, the spec's default error.
      const d = FAULTS[fault.status] ?? ['Error', `Injected failure (HTTP ${fault.status}).`];
      return cloudError(fault.status, fault.code ?? d[0], fault.message ?? d[1]);
    },
    finish(call: Call, _op: string, reply: Reply): Reply {
      // As the .NET recordings show: the client request id echoed, a request id and a correlation id.
      const headers: Record<string, string> = {
        'x-ms-request-id': guid(),
        'x-ms-correlation-request-id': call.headers['x-ms-correlation-request-id'] ?? guid(),
        'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
        Date: new Date().toUTCString(),
      };
      if (call.headers['x-ms-client-request-id'])
        headers['x-ms-client-request-id'] = call.headers['x-ms-client-request-id'];
      return { ...reply, headers: { ...headers, ...(reply.headers ?? {}) } };
    },
  };
}
