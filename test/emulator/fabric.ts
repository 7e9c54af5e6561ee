// The Microsoft Fabric REST API (/v1): workspaces, DataPipeline items, the Job Scheduler (run, get, list,
// cancel job instances) and the pipeline activity-run query. Shapes follow the fabric-cli recordings in
// ../shared/real-recordings and the examples in ../shared/adf-spec/fabric; guesses are marked.
import type { EmulatorContext } from './context.ts';
import type { FabricJob } from './fabric-jobs.ts';
import { decodeJwt, verifyJwt } from './jwt.ts';
import { applyFilters, applyOrder, paginate, parseRunFilter } from './run-query.ts';
import type { Call, Reply, ServiceDef } from './server.ts';
import type { StatusFault } from './types.ts';
import { guid, isPlainObject } from './util.ts';
import type { FabricItem, FabricWorkspace } from './workspaces.ts';

/** Pseudo-actions for emu.deny(principal, action): 403 InsufficientPrivileges. */
export const FABRIC_ACTIONS: Record<string, string> = {
  listWorkspaces: 'Fabric/workspaces/read',
  getWorkspace: 'Fabric/workspaces/read',
  listItems: 'Fabric/items/read',
  getItem: 'Fabric/items/read',
  runJob: 'Fabric/items/execute',
  getJob: 'Fabric/items/read',
  listJobs: 'Fabric/items/read',
  cancelJob: 'Fabric/items/execute',
  queryActivityRuns: 'Fabric/items/read',
};

/** InsufficientPrivileges texts: the spec's descriptions of the code per operation (not recorded messages). */
const PRIVILEGE_MESSAGES: Record<string, string> = {
  runJob: 'The caller does not have sufficient permissions to run job instance.',
  cancelJob: 'The caller does not have sufficient permissions to cancel job instance.',
};

interface Route {
  op: string;
  method: string;
  workspace?: string;
  item?: string;
  job?: string;
  /** runJob: the job type from the path (undefined: from ?jobType=) */
  jobType?: string;
}

const eq = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

function parseRoute(seg: string[]): Route | undefined {
  if (!eq(seg[0], 'v1') || !eq(seg[1], 'workspaces')) return undefined;
  const s = seg.slice(1);
  if (s.length === 1) return { op: 'listWorkspaces', method: 'GET' };
  const workspace = s[1]!;
  if (s.length === 2) return { op: 'getWorkspace', method: 'GET', workspace };
  if (eq(s[2], 'items')) {
    if (s.length === 3) return { op: 'listItems', method: 'GET', workspace };
    const item = s[3]!;
    if (s.length === 4) return { op: 'getItem', method: 'GET', workspace, item };
    if (eq(s[4], 'jobs')) {
      if (s.length === 6 && eq(s[5], 'instances')) return { op: 'listJobs or runJob', method: '*', workspace, item };
      if (s.length === 7 && eq(s[5], 'instances')) return { op: 'getJob', method: 'GET', workspace, item, job: s[6]! };
      if (s.length === 7 && eq(s[6], 'instances'))
        return { op: 'runJob', method: 'POST', workspace, item, jobType: s[5]! };
      if (s.length === 8 && eq(s[5], 'instances') && eq(s[7], 'cancel'))
        return { op: 'cancelJob', method: 'POST', workspace, item, job: s[6]! };
    }
  }
  if (eq(s[2], 'dataPipelines')) {
    // BackgroundJobs_RunOnDemandExecute and its get: the item-specific forms (jobType "Execute").
    if (s.length === 7 && eq(s[4], 'jobs') && eq(s[5], 'execute') && eq(s[6], 'instances') && !eq(s[3], 'pipelineruns'))
      return { op: 'runJob', method: 'POST', workspace, item: s[3]!, jobType: 'Execute' };
    if (s.length === 8 && eq(s[4], 'jobs') && eq(s[5], 'execute') && eq(s[6], 'instances'))
      return { op: 'getJob', method: 'GET', workspace, item: s[3]!, job: s[7]! };
    if (s.length === 6 && eq(s[3], 'pipelineruns') && eq(s[5], 'queryactivityruns'))
      return { op: 'queryActivityRuns', method: 'POST', workspace, job: s[4]! };
  }
  return { op: 'unknown', method: '*', workspace };
}

export function fabricService(ctx: EmulatorContext): ServiceDef {
  const routes = new WeakMap<Call, Route | undefined>();
  const requestIds = new WeakMap<Call, string>();
  const principals = new WeakMap<Call, { appid?: string; oid?: string }>();

  const route = (call: Call): Route | undefined => {
    if (!routes.has(call)) {
      const r = parseRoute(call.segments);
      if (r && r.op === 'listJobs or runJob') r.op = call.method === 'POST' ? 'runJob' : 'listJobs';
      routes.set(call, r);
    }
    return routes.get(call);
  };
  const requestId = (call: Call): string => {
    let id = requestIds.get(call);
    if (!id) {
      id = guid();
      requestIds.set(call, id);
    }
    return id;
  };

  /** The Fabric error envelope + x-ms-public-api-error-code (as recorded for ScheduleNotFound). */
  function fabricError(
    call: Call,
    status: number,
    errorCode: string,
    message: string,
    extra: Record<string, unknown> = {},
    isRetriable = false,
  ): Reply {
    return {
      status,
      headers: { 'x-ms-public-api-error-code': errorCode },
      body: { requestId: requestId(call), errorCode, message, ...extra, isRetriable },
    };
  }

  function authenticate(call: Call): Reply | undefined {
    // Guesses (no recorded Fabric auth failure): codes and texts as third-party clients quote them.
    const header = call.headers.authorization;
    const m = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
    if (!m)
      return fabricError(
        call,
        401,
        'Unauthorized',
        'The request has no valid bearer token in its Authorization header.',
      );
    const jwt = decodeJwt(m[1]!);
    if (!jwt || !verifyJwt(jwt, ctx.entraKey))
      return fabricError(call, 401, 'InvalidToken', 'The access token is invalid.');
    const p = jwt.payload;
    if (String(p.aud ?? '') !== ctx.config.fabricAudience)
      return fabricError(call, 401, 'InvalidToken', 'The access token has been obtained for the wrong audience.');
    if ((typeof p.exp === 'number' ? p.exp : 0) * 1000 <= Date.now())
      return fabricError(call, 401, 'TokenExpired', 'Access token has expired, resubmit with a new access token');
    if (!ctx.config.fabricServicePrincipalsEnabled && p.idtyp === 'app') {
      // The tenant setting "Service principals can use Fabric APIs" is off (guess at the answer).
      return fabricError(
        call,
        401,
        'PrincipalTypeNotSupported',
        'The operation is not supported for the principal type',
      );
    }
    principals.set(call, {
      ...(typeof p.appid === 'string' ? { appid: p.appid } : {}),
      ...(typeof p.oid === 'string' ? { oid: p.oid } : {}),
    });
    return undefined;
  }

  const base = () => ctx.urls.fabric;
  const jobUrl = (job: FabricJob) =>
    `${base()}/v1/workspaces/${job.workspaceId}/items/${job.itemId}/jobs/instances/${job.id}`;

  /** `{ value, continuationToken?, continuationUri? }`; both keys absent on the last page. */
  function page<T>(call: Call, items: T[]): Reply {
    let offset = 0;
    const token = call.query.continuationToken;
    if (token !== undefined) {
      const m = /^emu:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
      if (!m) return fabricError(call, 400, 'InvalidContinuationToken', 'The continuation token is not valid.');
      offset = Number(m[1]);
    }
    const size = Math.max(1, ctx.config.fabricPageSize);
    const value = items.slice(offset, offset + size);
    const next = offset + size;
    if (next >= items.length) return { status: 200, body: { value } };
    const continuationToken = Buffer.from(`emu:${next}`).toString('base64url');
    const q = new URLSearchParams({ ...call.query, continuationToken });
    return {
      status: 200,
      body: { value, continuationToken, continuationUri: `${base()}${call.path}?${q.toString()}` },
    };
  }

  const workspaceJson = (w: FabricWorkspace) => ({
    id: w.id,
    displayName: w.displayName,
    description: w.description,
    type: 'Workspace',
    ...(w.capacityId !== undefined ? { capacityId: w.capacityId } : {}),
  });
  const itemJson = (i: FabricItem) => ({
    id: i.id,
    displayName: i.displayName,
    description: i.description,
    type: i.type,
    workspaceId: i.workspaceId,
    ...(i.folderId !== undefined ? { folderId: i.folderId } : {}),
  });

  function runJob(call: Call, r: Route, ws: FabricWorkspace, item: FabricItem): Reply {
    const jobType = r.jobType ?? call.query.jobType;
    if (jobType === undefined || !['pipeline', 'execute'].includes(jobType.toLowerCase()))
      return fabricError(call, 400, 'InvalidJobType', 'The requested job type is invalid.');
    if (call.bodyError !== undefined || (call.body !== null && !isPlainObject(call.body)))
      return fabricError(call, 400, 'InvalidRequest', 'The request body is not valid JSON.'); // guess
    const body = isPlainObject(call.body) ? call.body : {};
    if (body.parameters !== undefined) {
      // The spec's text for the top-level parameters list; whether pipelines refuse it is not verified.
      return fabricError(
        call,
        400,
        'FeatureNotAvailable',
        'Parameter is not allowed for this item type or this item job type',
      );
    }
    const exec = body.executionData;
    const given = isPlainObject(exec) && isPlainObject(exec.parameters) ? exec.parameters : {};
    const parameters: Record<string, unknown> = {};
    for (const [n, spec] of Object.entries(item.parameters))
      if (spec.defaultValue !== undefined) parameters[n] = spec.defaultValue;
    Object.assign(parameters, given);
    const who = principals.get(call);
    const job = ctx.fabricJobs.create(ws, item, {
      id: guid(),
      jobType: r.jobType === 'Execute' ? 'Execute' : jobType,
      requestId: requestId(call),
      body: call.body,
      query: call.query,
      parameters,
      ...(who && (who.appid || who.oid) ? { principal: who } : {}),
    });
    return {
      status: 202,
      headers: {
        'Content-Type': 'application/octet-stream',
        Location: jobUrl(job),
        'Retry-After': String(ctx.config.fabricRetryAfterSec),
      },
    };
  }

  function findJob(ws: FabricWorkspace, item: FabricItem | undefined, id: string): FabricJob | undefined {
    const job = ctx.fabricJobs.get(id);
    if (!job || job.workspaceId !== ws.id || (item && job.itemId !== item.id)) return undefined;
    return job;
  }
  const jobNotFound = (call: Call) =>
    fabricError(call, 404, 'JobInstanceNotFound', 'The requested job instance was not found.'); // guess

  function queryActivityRuns(call: Call, ws: FabricWorkspace, r: Route): Reply {
    const job = findJob(ws, undefined, r.job!);
    if (!job) return jobNotFound(call);
    const parsed = parseRunFilter(call.body);
    if (!parsed.ok) return fabricError(call, 400, 'InvalidRequest', parsed.message); // guess
    const filter = parsed.value;
    const now = Date.now();
    type A = Record<string, unknown>;
    const acts = ctx.fabricJobs.activityRuns(job, now).filter((a) => {
      const start = Date.parse(String(a.activityRunStart));
      const end = a.activityRunEnd === null ? now : Date.parse(String(a.activityRunEnd));
      return start <= filter.lastUpdatedBefore && end >= filter.lastUpdatedAfter;
    });
    const field = (a: A, operand: string): string | undefined => {
      const key = {
        activityname: 'activityName',
        activitytype: 'activityType',
        status: 'status',
        activityrunstart: 'activityRunStart',
        activityrunend: 'activityRunEnd',
        pipelinename: 'pipelineName',
      }[operand.toLowerCase()];
      return key === undefined ? undefined : String(a[key] ?? '');
    };
    const filtered = applyFilters(acts, filter, field);
    if (!filtered.ok) return fabricError(call, 400, 'InvalidRequest', filtered.message);
    const ordered = applyOrder(filtered.value, filter, field, [{ orderBy: 'ActivityRunStart', order: 'ASC' }]);
    const p = paginate(ordered, filter.continuationToken, ctx.config.activityPageSize);
    if (!p.ok) return fabricError(call, 400, 'InvalidRequest', p.message);
    // Not verified whether the real answer is the doc's bare array or {value}; both are selectable.
    return { status: 200, body: ctx.config.fabricActivityRunsShape === 'value' ? p.value : p.value.value };
  }

  function handle(call: Call, op: string): Reply {
    const authError = authenticate(call);
    if (authError) return authError;
    const r = route(call);
    if (!r || r.op === 'unknown' || (r.method !== '*' && r.method !== call.method))
      return fabricError(
        call,
        404,
        'EntityNotFound',
        `The requested resource ${call.method} ${call.path} was not found.`,
      ); // guess
    const who = principals.get(call) ?? {};
    const denied = (action: string) => ctx.world.isDenied([who.appid, who.oid], action);
    if (op === 'listWorkspaces') {
      const visible = [...ctx.services.fabric.values()].filter(() => !denied(FABRIC_ACTIONS.listWorkspaces!));
      return page(call, visible.map(workspaceJson));
    }
    const ws = ctx.services.fabric.get(r.workspace!.toLowerCase());
    // Guess: the spec lists no code for an unknown workspace.
    if (!ws) return fabricError(call, 404, 'WorkspaceNotFound', 'The requested workspace was not found.');
    if (denied(FABRIC_ACTIONS[op]!))
      return fabricError(
        call,
        403,
        'InsufficientPrivileges',
        PRIVILEGE_MESSAGES[op] ?? 'The caller does not have sufficient permissions to access the item.',
      );
    if (op === 'getWorkspace') return { status: 200, body: workspaceJson(ws) };
    if (op === 'listItems') {
      const type = call.query.type;
      const items = [...ws.items.values()].filter((i) => type === undefined || eq(type, i.type));
      return page(call, items.map(itemJson));
    }
    if (op === 'queryActivityRuns') return queryActivityRuns(call, ws, r);
    const item = ws.items.get(r.item!.toLowerCase());
    if (!item) return fabricError(call, 404, 'ItemNotFound', 'The requested item was not found.');
    const now = Date.now();
    switch (op) {
      case 'getItem':
        return { status: 200, body: itemJson(item) };
      case 'runJob':
        return runJob(call, r, ws, item);
      case 'listJobs': {
        const jobs = ctx.fabricJobs
          .list()
          .filter((j) => j.itemId === item.id && j.workspaceId === ws.id)
          .sort((a, b) => b.createdAt - a.createdAt)
          .map((j) => ctx.fabricJobs.view(j, requestId(call), now));
        return page(call, jobs);
      }
      case 'getJob': {
        const job = findJob(ws, item, r.job!);
        if (!job) return jobNotFound(call);
        const v = ctx.fabricJobs.view(job, requestId(call), now);
        const retry = ctx.config.fabricPollRetryAfterSec;
        const final = ctx.fabricJobs.isFinal(job, now);
        return {
          status: 200,
          body: v,
          ...(retry !== null && !final ? { headers: { 'Retry-After': String(retry) } } : {}),
        };
      }
      case 'cancelJob': {
        const job = findJob(ws, item, r.job!);
        if (!job) return jobNotFound(call);
        if (ctx.fabricJobs.isFinal(job, now) || !ctx.fabricJobs.engine.cancel(job.run, null, call.query, now)) {
          const e = ctx.config.fabricJobAlreadyCompleted;
          return fabricError(call, e.status, 'JobAlreadyCompleted', e.message);
        }
        return {
          status: 202,
          headers: {
            'Content-Type': 'application/octet-stream',
            Location: jobUrl(job),
            'Retry-After': String(ctx.config.fabricRetryAfterSec),
          },
        };
      }
      default:
        return fabricError(
          call,
          404,
          'EntityNotFound',
          `The requested resource ${call.method} ${call.path} was not found.`,
        );
    }
  }

  const FAULTS: Record<number, [string, string]> = {
    400: ['BadRequest', 'The request is invalid.'],
    401: ['TokenExpired', 'Access token has expired, resubmit with a new access token'],
    403: ['InsufficientPrivileges', 'The caller does not have sufficient permissions to access the item.'],
    404: ['ItemNotFound', 'The requested item was not found.'],
    409: ['Conflict', 'The request conflicts with the current state of the resource.'],
    500: ['InternalServerError', 'An internal error occurred.'],
    502: ['BadGateway', 'The service received an invalid response from an upstream server.'],
    503: ['ServiceUnavailable', 'The service is temporarily unavailable.'],
    504: ['GatewayTimeout', 'The request timed out.'],
  };

  return {
    service: 'fabric',
    classify: (call) => route(call)?.op ?? 'unknown',
    handle,
    faultReply(call: Call, op: string, fault: StatusFault): Reply {
      if (fault.status === 429) {
        const seconds = fault.retryAfter ?? 1;
        // TooManyRequestsForJobs is the spec's code for the run operation; the other texts are guesses.
        return fabricError(
          call,
          429,
          fault.code ?? (op === 'runJob' ? 'TooManyRequestsForJobs' : 'TooManyRequests'),
          fault.message ??
            (op === 'runJob'
              ? 'The caller requests too many on-demand job requests.'
              : `The request was throttled. Retry after ${seconds} seconds.`),
          {},
          true,
        );
      }
      const d = FAULTS[fault.status] ?? ['Error', `Injected failure (HTTP ${fault.status}).`];
      return fabricError(call, fault.status, fault.code ?? d[0], fault.message ?? d[1], {}, fault.status >= 500);
    },
    finish(call: Call, _op: string, reply: Reply): Reply {
      return {
        ...reply,
        headers: { RequestId: requestId(call), Date: new Date().toUTCString(), ...(reply.headers ?? {}) },
      };
    },
  };
}
