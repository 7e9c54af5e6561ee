// Azure Resource Manager with the Microsoft.DataFactory pipeline-run operations (api-version
// 2018-06-01). Order of checks follows ARM: authentication, api-version, RBAC, resource group,
// factory, then the resource provider's own answer.
import { armFaultReply, armMessages, cloudError } from './arm-errors.ts';
import type { EmulatorContext } from './context.ts';
import { decodeJwt, verifyJwt } from './jwt.ts';
import {
  applyFilters,
  applyOrder,
  paginate,
  parseRunFilter,
  runGroupFilterError,
  type RunFilter,
} from './run-query.ts';
import type { ActivityRunView, PipelineRunView, RunRecord } from './runs.ts';
import type { Call, Reply, ServiceDef } from './server.ts';
import type { Factory, Pipeline } from './state.ts';
import type { ConfigurableError, StatusFault } from './types.ts';
import { adfTime } from './time.ts';
import { fill, guid, isPlainObject } from './util.ts';

export const API_VERSION = '2018-06-01';

interface Route {
  op: string;
  method: string;
  sub: string;
  rg: string;
  factory: string;
  pipeline?: string;
  runId?: string;
  /** the scope named in AuthorizationFailed messages */
  scope: string;
  /** unknown child type under a factory, for InvalidResourceType */
  unknownType?: string;
}

/** The RBAC action each operation needs. */
export const ARM_ACTIONS: Record<string, string> = {
  getFactory: 'Microsoft.DataFactory/factories/read',
  listPipelines: 'Microsoft.DataFactory/factories/pipelines/read',
  getPipeline: 'Microsoft.DataFactory/factories/pipelines/read',
  createRun: 'Microsoft.DataFactory/factories/pipelines/createrun/action',
  getRun: 'Microsoft.DataFactory/factories/pipelineruns/read',
  cancel: 'Microsoft.DataFactory/factories/pipelineruns/cancel/action',
  queryPipelineRuns: 'Microsoft.DataFactory/factories/querypipelineruns/action',
  queryActivityRuns: 'Microsoft.DataFactory/factories/pipelineruns/queryactivityruns/action',
};

const READ_OPS = new Set(['getFactory', 'listPipelines', 'getPipeline', 'getRun', 'queryPipelineRuns']);
const WRITE_OPS = new Set(['createRun', 'queryActivityRuns', 'cancel']);

const eq = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** Match P = /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.DataFactory/factories/{f}[/...]. */
function parseRoute(segments: string[]): Route | undefined {
  const s = segments;
  if (
    s.length < 8 ||
    !eq(s[0], 'subscriptions') ||
    !eq(s[2], 'resourceGroups') ||
    !eq(s[4], 'providers') ||
    !eq(s[5], 'Microsoft.DataFactory') ||
    !eq(s[6], 'factories')
  ) {
    return undefined;
  }
  const [sub, rg, factory] = [s[1]!, s[3]!, s[7]!];
  const P = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.DataFactory/factories/${factory}`;
  const rest = s.slice(8);
  const base = { sub, rg, factory };
  if (rest.length === 0) return { ...base, op: 'getFactory', method: 'GET', scope: P };
  if (eq(rest[0], 'pipelines')) {
    if (rest.length === 1) return { ...base, op: 'listPipelines', method: 'GET', scope: P };
    const pipeline = rest[1]!;
    const scope = `${P}/pipelines/${pipeline}`;
    if (rest.length === 2) return { ...base, pipeline, op: 'getPipeline', method: 'GET', scope };
    if (rest.length === 3 && eq(rest[2], 'createRun'))
      return { ...base, pipeline, op: 'createRun', method: 'POST', scope };
  }
  if (eq(rest[0], 'pipelineruns') && rest.length >= 2) {
    const runId = rest[1]!;
    const scope = `${P}/pipelineruns/${runId}`;
    if (rest.length === 2) return { ...base, runId, op: 'getRun', method: 'GET', scope };
    if (rest.length === 3 && eq(rest[2], 'cancel')) return { ...base, runId, op: 'cancel', method: 'POST', scope };
    if (rest.length === 3 && eq(rest[2], 'queryActivityruns'))
      return { ...base, runId, op: 'queryActivityRuns', method: 'POST', scope };
  }
  if (rest.length === 1 && eq(rest[0], 'queryPipelineRuns'))
    return { ...base, op: 'queryPipelineRuns', method: 'POST', scope: P };
  return {
    ...base,
    op: 'unknown',
    method: '*',
    scope: P,
    unknownType: `factories/${rest.filter((_, i) => i % 2 === 0).join('/')}`,
  };
}

export function factoryId(f: Factory): string {
  return `/subscriptions/${f.subscriptionId}/resourceGroups/${f.resourceGroup}/providers/Microsoft.DataFactory/factories/${f.factoryName}`;
}

export function pipelineResource(p: Pipeline): Record<string, unknown> {
  const acts = p.script?.activities ?? [];
  return {
    id: `${factoryId(p.factory)}/pipelines/${p.name}`,
    name: p.name,
    type: 'Microsoft.DataFactory/factories/pipelines',
    properties: {
      ...(p.description !== undefined ? { description: p.description } : {}),
      activities: acts.map((a, i) => ({
        name: a.name,
        type: a.type,
        dependsOn: i === 0 ? [] : [{ activity: acts[i - 1]!.name, dependencyConditions: ['Succeeded'] }],
        userProperties: [],
        typeProperties: a.child
          ? { pipeline: { referenceName: a.child.pipelineName, type: 'PipelineReference' }, waitOnCompletion: true }
          : {},
      })),
      parameters: p.parameters,
      variables: {},
      ...(p.concurrency !== undefined ? { concurrency: p.concurrency } : {}),
      annotations: [],
    },
    etag: p.etag,
  };
}

function configured(e: ConfigurableError, values: Record<string, string | undefined>, fallbackStatus: number): Reply {
  return cloudError(
    e.status ?? fallbackStatus,
    e.code,
    fill(e.message, values),
    e.target !== undefined ? fill(e.target, values) : undefined,
    undefined,
    e.details,
  );
}

/** Skip tokens of paged pipeline lists: the offset of the next page. */
const skipToken = {
  encode: (offset: number) => Buffer.from(`emu-pipelines:${offset}`).toString('base64url'),
  decode: (token: string): number | undefined => {
    const m = /^emu-pipelines:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    return m ? Number(m[1]) : undefined;
  },
};

function parseBool(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  return v.toLowerCase() === 'true';
}

interface Principal {
  appid?: string;
  oid?: string;
  tid?: string;
}

export function armService(ctx: EmulatorContext): ServiceDef {
  const routes = new WeakMap<Call, Route | undefined>();
  const principals = new WeakMap<Call, Principal>();
  const remaining = new Map<string, { reads: number; writes: number }>();

  const route = (call: Call): Route | undefined => {
    if (!routes.has(call)) routes.set(call, parseRoute(call.segments));
    return routes.get(call);
  };

  function allowedAudiences(): string[] {
    const arm = ctx.urls.arm;
    const local = arm.replace('127.0.0.1', 'localhost');
    return [`${arm}/`, arm, `${local}/`, local];
  }

  function wwwAuthenticate(tid: string | undefined, description: string): Record<string, string> {
    const tenant = tid ?? [...ctx.world.tenants.values()][0] ?? 'common';
    return {
      'WWW-Authenticate': `Bearer authorization_uri="${ctx.urls.entra}/${tenant}", error="invalid_token", error_description="${description}"`,
    };
  }

  /** Returns an error reply, or undefined after storing the caller's identity. */
  function authenticate(call: Call): Reply | undefined {
    const header = call.headers.authorization;
    if (header === undefined || header === '') {
      return cloudError(
        401,
        'AuthenticationFailed',
        armMessages.missingAuthorization,
        undefined,
        wwwAuthenticate(undefined, "The authentication failed because of missing 'Authorization' header."),
      );
    }
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) {
      return cloudError(
        401,
        'AuthenticationFailed',
        armMessages.invalidAuthorizationFormat,
        undefined,
        wwwAuthenticate(undefined, "The 'Authorization' header is provided in an invalid format."),
      );
    }
    const jwt = decodeJwt(m[1]!);
    if (!jwt || !verifyJwt(jwt, ctx.entraKey)) {
      return cloudError(
        401,
        'InvalidAuthenticationToken',
        armMessages.invalidToken,
        undefined,
        wwwAuthenticate(undefined, 'The access token is invalid.'),
      );
    }
    const p = jwt.payload;
    const tid = typeof p.tid === 'string' ? p.tid : undefined;
    const aud = String(p.aud ?? '');
    if (!allowedAudiences().includes(aud)) {
      return cloudError(
        401,
        'InvalidAuthenticationTokenAudience',
        armMessages.wrongAudience(aud, allowedAudiences()),
        undefined,
        wwwAuthenticate(tid, 'The access token has been obtained from wrong audience or resource.'),
      );
    }
    const expMs = (typeof p.exp === 'number' ? p.exp : 0) * 1000;
    const now = Date.now();
    if (expMs <= now) {
      return cloudError(
        401,
        'ExpiredAuthenticationToken',
        armMessages.expired(expMs, now),
        undefined,
        wwwAuthenticate(tid, 'The access token has expired.'),
      );
    }
    principals.set(call, {
      ...(typeof p.appid === 'string' ? { appid: p.appid } : {}),
      ...(typeof p.oid === 'string' ? { oid: p.oid } : {}),
      ...(tid !== undefined ? { tid } : {}),
    });
    return undefined;
  }

  function runView(run: RunRecord): PipelineRunView {
    return ctx.engine.view(run, Date.now());
  }

  function findRun(f: Factory, runId: string): RunRecord | undefined {
    const run = ctx.engine.get(runId);
    if (!run) return undefined;
    return run.factoryName.toLowerCase() === f.factoryName.toLowerCase() &&
      run.resourceGroup.toLowerCase() === f.resourceGroup.toLowerCase() &&
      run.subscriptionId.toLowerCase() === f.subscriptionId.toLowerCase()
      ? run
      : undefined;
  }

  function filterError(message: string): Reply {
    // Guess: ADF's exact code for a bad RunFilterParameters body is not documented.
    return cloudError(400, 'BadRequest', message);
  }

  function createRun(call: Call, r: Route, p: Pipeline): Reply {
    if (call.bodyError !== undefined) {
      return cloudError(
        400,
        'InvalidRequestContent',
        `The request content was invalid and could not be deserialized: '${call.bodyError}'.`,
      );
    }
    if (call.body !== null && !isPlainObject(call.body)) {
      return cloudError(
        400,
        'InvalidRequestContent',
        'The request content was invalid and could not be deserialized: the pipeline parameters must be a JSON object.',
      );
    }
    // Run identity: the client request ID becomes the run ID; a repeat answers with the earlier run.
    const claim = ctx.engine.claimClientRequestId(call.headers['x-ms-client-request-id']);
    if (claim.existing) return { status: 200, body: { runId: claim.existing.runId } };
    const q = call.query;
    const referencePipelineRunId = q.referencePipelineRunId;
    const isRecovery = parseBool(q.isRecovery);
    const startFromFailure = parseBool(q.startFromFailure);
    let parameters: Record<string, unknown>;
    let runGroupId: string | undefined;
    if (referencePipelineRunId !== undefined && referencePipelineRunId !== '') {
      const ref = findRun(p.factory, referencePipelineRunId);
      if (!ref) {
        return cloudError(
          400,
          'ReferencedPipelineRunNotValid',
          `Referenced pipeline run id ${referencePipelineRunId} is not a valid run id.`,
          `pipeline/${r.pipeline}/`,
        );
      }
      // "If run ID is specified the parameters of the specified run will be used to create a new run."
      parameters = { ...ref.parameters };
      if (isRecovery) runGroupId = ref.runGroupId;
    } else {
      const given = isPlainObject(call.body) ? call.body : {};
      parameters = {};
      for (const [name, spec] of Object.entries(p.parameters)) {
        if (spec.defaultValue !== undefined) parameters[name] = spec.defaultValue;
      }
      Object.assign(parameters, given);
      const missing = Object.keys(p.parameters).filter((n) => !(n in parameters));
      if (missing.length > 0 && ctx.config.missingParameter) {
        return configured(
          ctx.config.missingParameter,
          { names: missing.join(', '), pipeline: p.name, factory: p.factory.factoryName },
          400,
        );
      }
    }
    const principal = principals.get(call);
    const run = ctx.engine.create({
      pipeline: p,
      parameters,
      body: call.body,
      query: call.query,
      script: p.nextScripts.shift() ?? p.script ?? {},
      ...(claim.runId !== undefined ? { runId: claim.runId } : {}),
      ...(claim.clientRequestId !== undefined ? { clientRequestId: claim.clientRequestId } : {}),
      ...(runGroupId !== undefined ? { runGroupId } : {}),
      ...(referencePipelineRunId !== undefined ? { referencePipelineRunId } : {}),
      ...(isRecovery !== undefined ? { isRecovery } : {}),
      ...(q.startActivityName !== undefined ? { startActivityName: q.startActivityName } : {}),
      ...(startFromFailure !== undefined ? { startFromFailure } : {}),
      ...(principal
        ? {
            principal: {
              ...(principal.appid ? { appid: principal.appid } : {}),
              ...(principal.oid ? { oid: principal.oid } : {}),
            },
          }
        : {}),
    });
    return { status: 200, body: { runId: run.runId } };
  }

  /** One page; `nextLink` (a full URL with a skip token) only when more follow, as recorded. */
  function listPipelines(call: Call, f: Factory): Reply {
    const all = [...f.pipelines.values()];
    let offset = 0;
    const token = call.query.$skipToken ?? call.query.$skiptoken;
    if (token !== undefined) {
      const decoded = skipToken.decode(token);
      if (decoded === undefined) return cloudError(400, 'BadRequest', 'The skip token is not valid.');
      offset = decoded;
    }
    const size = Math.max(1, ctx.config.pipelinePageSize);
    const value = all.slice(offset, offset + size).map(pipelineResource);
    if (offset + size >= all.length) return { status: 200, body: { value } };
    const next = new URL(`${ctx.urls.arm}${call.path}`);
    next.searchParams.set('api-version', API_VERSION);
    next.searchParams.set('$skipToken', skipToken.encode(offset + size));
    return { status: 200, body: { value, nextLink: next.toString() } };
  }

  function queryPipelineRuns(call: Call, f: Factory): Reply {
    const parsed = parseRunFilter(call.body);
    if (!parsed.ok) return filterError(parsed.message);
    const filter = parsed.value;
    const groupError = runGroupFilterError(filter, ctx.config.runGroupIdValues);
    if (groupError) return filterError(groupError);
    const now = Date.now();
    ctx.engine.tick(now);
    const views = ctx.engine
      .list()
      .filter((r) => findRun(f, r.runId))
      .map(runView)
      .filter((v) => {
        const t = Date.parse(v.lastUpdated);
        return t >= filter.lastUpdatedAfter && t <= filter.lastUpdatedBefore;
      });
    const field = (v: PipelineRunView, operand: string): string | undefined => {
      switch (operand.toLowerCase()) {
        case 'pipelinename':
          return v.pipelineName;
        case 'status':
          return v.status;
        case 'rungroupid':
          return v.runGroupId;
        case 'runstart':
          return v.runStart ?? '';
        case 'runend':
          return v.runEnd ?? '';
        case 'latestonly':
          return String(v.isLatest);
        case 'triggername':
          return '';
        default:
          return undefined;
      }
    };
    // Oldest first without orderBy, as recorded (azure-sdk-for-net__synapse_TestQueryRuns.json). New runs
    // are listed only after queryVisibilityDelayMs (filters are validated against all runs first).
    const visible = new Set(
      ctx.engine
        .list()
        .filter((r) => ctx.engine.visibleToQueries(r, now))
        .map((r) => r.runId),
    );
    return queryResult(views, filter, field, [{ orderBy: 'RunStart', order: 'ASC' }], ctx.config.runPageSize, (v) =>
      visible.has(v.runId),
    );
  }

  function queryActivityRuns(call: Call, run: RunRecord): Reply {
    const parsed = parseRunFilter(call.body);
    if (!parsed.ok) return filterError(parsed.message);
    const filter = parsed.value;
    const now = Date.now();
    const acts = ctx.engine.activityRuns(run, now).filter((a) => {
      // An activity run is in the window if it was running at any time inside it.
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
    return queryResult(
      acts,
      filter,
      field,
      [{ orderBy: 'ActivityRunStart', order: 'ASC' }],
      ctx.config.activityPageSize,
    );
  }

  function queryResult<T>(
    items: T[],
    filter: RunFilter,
    field: (item: T, key: string) => string | undefined,
    fallback: RunFilter['orderBy'],
    pageSize: number,
    visible: (item: T) => boolean = () => true,
  ): Reply {
    const filtered = applyFilters(items, filter, field);
    if (!filtered.ok) return filterError(filtered.message);
    const ordered = applyOrder(filtered.value.filter(visible), filter, field, fallback);
    const page = paginate(ordered, filter.continuationToken, pageSize);
    if (!page.ok) return filterError(page.message);
    return { status: 200, body: page.value };
  }

  function cancel(call: Call, run: RunRecord): Reply {
    const isRecursive = parseBool(call.query.isRecursive) ?? null;
    const before = ctx.engine.status(run);
    const accepted = ctx.engine.cancel(run, isRecursive, call.query);
    if (!accepted && ctx.config.cancelFinishedRun === 'error') {
      return configured(
        ctx.config.cancelFinishedRunError,
        { runId: run.runId, status: before, pipeline: run.pipelineName },
        400,
      );
    }
    return { status: 200 };
  }

  function handle(call: Call, op: string): Reply {
    const authError = authenticate(call);
    if (authError) return authError;
    const version = call.query['api-version'];
    if (version === undefined || version === '')
      return cloudError(400, 'MissingApiVersionParameter', armMessages.missingApiVersion);
    if (version !== API_VERSION)
      return cloudError(400, 'InvalidApiVersionParameter', armMessages.invalidApiVersion(version));
    const r = route(call);
    if (!r) {
      return cloudError(
        404,
        'InvalidResourceType',
        `The resource type could not be found for the request path '${call.path}'.`,
      );
    }
    if (r.op === 'unknown')
      return cloudError(404, 'InvalidResourceType', armMessages.invalidResourceType(r.unknownType ?? 'factories'));
    if (r.method !== call.method) {
      return cloudError(
        405,
        'MethodNotAllowed',
        `The requested resource does not support http method '${call.method}'.`,
      );
    }
    if (!ctx.world.subscriptionExists(r.sub))
      return cloudError(404, 'SubscriptionNotFound', armMessages.subscriptionNotFound(r.sub));
    const who = principals.get(call) ?? {};
    const action = ARM_ACTIONS[op]!;
    if (ctx.world.isDenied([who.appid, who.oid], action)) {
      const oid = who.oid ?? who.appid ?? 'unknown';
      return cloudError(403, 'AuthorizationFailed', armMessages.authorizationFailed(oid, action, r.scope));
    }
    if (!ctx.world.resourceGroupExists(r.sub, r.rg))
      return cloudError(404, 'ResourceGroupNotFound', armMessages.resourceGroupNotFound(r.rg));
    const f = ctx.world.findFactory(r.sub, r.rg, r.factory);
    // ARM's gateway answers this one (azure-powershell__TestDataFactoryPipingV2.json): no target, no details.
    if (!f)
      return cloudError(404, 'ResourceNotFound', armMessages.factoryNotFound(r.factory, r.rg), undefined, {
        'x-ms-failure-cause': 'gateway',
      });
    const values = { pipeline: r.pipeline, factory: f.factoryName, runId: r.runId, path: r.scope };

    switch (op) {
      case 'getFactory':
        return {
          status: 200,
          body: {
            name: f.factoryName,
            id: factoryId(f),
            type: 'Microsoft.DataFactory/factories',
            properties: { provisioningState: 'Succeeded', createTime: adfTime(f.createdAt), version: API_VERSION },
            eTag: f.etag,
            location: f.location,
            tags: {},
          },
        };
      case 'listPipelines':
        return listPipelines(call, f);
      case 'getPipeline':
      case 'createRun': {
        const p = f.pipelines.get(r.pipeline!.toLowerCase());
        if (!p) return configured(ctx.config.pipelineNotFound, values, 404);
        if (op === 'createRun') return createRun(call, r, p);
        const inm = call.headers['if-none-match'];
        if (inm !== undefined && inm.replace(/"/g, '') === p.etag) return { status: 304 };
        return { status: 200, body: pipelineResource(p) };
      }
      case 'queryPipelineRuns':
        return queryPipelineRuns(call, f);
      case 'getRun':
      case 'cancel':
      case 'queryActivityRuns': {
        const run = findRun(f, r.runId!);
        if (!run && op === 'cancel') return configured(ctx.config.cancelRunNotFound, values, 400);
        if (!run) return configured(ctx.config.runNotFound, values, 404);
        if (op === 'getRun') return { status: 200, body: runView(run) };
        if (op === 'cancel') return cancel(call, run);
        return queryActivityRuns(call, run);
      }
      default:
        return cloudError(404, 'InvalidResourceType', armMessages.invalidResourceType(op));
    }
  }

  return {
    service: 'arm',
    classify(call: Call): string {
      return route(call)?.op ?? 'unknown';
    },
    handle,
    faultReply(call: Call, op: string, fault: StatusFault): Reply {
      const r = route(call);
      const claims = decodeJwt((call.headers.authorization ?? '').replace(/^Bearer\s+/i, ''))?.payload ?? {};
      return armFaultReply(fault, {
        kind: WRITE_OPS.has(op) ? 'write' : 'read',
        subscriptionId: r?.sub ?? '',
        actor: String(claims.oid ?? claims.appid ?? 'unknown'),
      });
    },
    finish(call: Call, op: string, reply: Reply): Reply {
      const correlation =
        call.headers['x-ms-correlation-request-id'] ?? call.headers['x-ms-client-request-id'] ?? guid();
      const headers: Record<string, string> = {
        'Cache-Control': 'no-cache',
        Pragma: 'no-cache',
        Expires: '-1',
        'x-ms-request-id': guid(),
        'x-ms-correlation-request-id': correlation,
        'X-Content-Type-Options': 'nosniff',
        'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
        Date: new Date().toUTCString(),
      };
      if (call.headers['x-ms-client-request-id'])
        headers['x-ms-client-request-id'] = call.headers['x-ms-client-request-id'];
      const sub = (route(call)?.sub ?? '').toLowerCase();
      const left = remaining.get(sub) ?? { reads: 11999, writes: 1199 };
      remaining.set(sub, left);
      // A counting-down number, like the real header; it wraps instead of throttling.
      if (READ_OPS.has(op)) {
        headers['x-ms-ratelimit-remaining-subscription-reads'] = String(left.reads);
        left.reads = left.reads > 0 ? left.reads - 1 : 11999;
      } else if (WRITE_OPS.has(op)) {
        headers['x-ms-ratelimit-remaining-subscription-writes'] = String(left.writes);
        left.writes = left.writes > 0 ? left.writes - 1 : 1199;
      }
      return { ...reply, headers: { ...headers, ...(reply.headers ?? {}) } };
    },
  };
}
