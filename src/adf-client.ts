// A small typed client for exactly the Data Factory operations the action uses, on the Azure
// SDK's HTTP pipeline (bearer token, retry and throttling policies, user agent).
import {
  agentPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  isRestError,
  type HttpClient,
  type HttpMethods,
  type Pipeline,
  type PipelinePolicy,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { Agent } from 'node:https';
import type { ActivityRun, CreateRunOptions, PipelineResource, PipelineRun, RunFilterParameters } from './adf-types.js';
import { ArmError, AuthError, CancelledError, TransportError, isNotSentCode } from './errors.js';
import { factoryResourceId } from './clouds.js';

export const API_VERSION = '2018-06-01';

export interface AdfClientOptions {
  endpoint: string;
  subscriptionId: string;
  resourceGroup: string;
  factoryName: string;
  /** Makes a fresh credential; called again to re-authenticate after a 401. */
  credential: () => TokenCredential;
  userAgent: string;
  requestTimeoutMs: number;
  /** The HTTPS agent for ARM; absent behind a proxy, where the SDK's proxy agents apply. */
  agent?: Agent;
  /** Called for each HTTP attempt, for step debug logging. Never receives headers. */
  onAttempt?: (line: string) => void;
  /** Called when the client re-authenticates after a 401. */
  onReauthenticate?: (op: string) => void;
}

export interface CallOptions {
  abortSignal?: AbortSignal;
  /** Per-attempt timeout; defaults to the client's. */
  timeoutMs?: number;
  /**
   * One attempt, no SDK retries: for createRun (Azure may have started a run) and for callers that
   * retry themselves and must see (and report) every fault, like the wait loop.
   */
  noRetry?: boolean;
}

interface SendOptions extends CallOptions {
  query?: Record<string, string | boolean | undefined>;
  body?: unknown;
}

export class AdfClient {
  readonly factoryId: string;
  private readonly httpClient: HttpClient = createDefaultHttpClient();
  private pipelines?: { retrying: Pipeline; single: Pipeline };

  constructor(private readonly options: AdfClientOptions) {
    this.factoryId = factoryResourceId(options.subscriptionId, options.resourceGroup, options.factoryName);
  }

  getFactory(o?: CallOptions) {
    return this.send<Record<string, unknown>>('get factory', 'GET', '', o);
  }

  async listPipelines(o?: CallOptions): Promise<string[]> {
    const names: string[] = [];
    let url: string | undefined;
    // nextLink is a full URL; follow a bounded number of pages.
    for (let page = 0; page < 20; page++) {
      const res: { value?: PipelineResource[]; nextLink?: string } = url
        ? await this.sendUrl('list pipelines', 'GET', url, o)
        : await this.send('list pipelines', 'GET', '/pipelines', o);
      for (const p of res.value ?? []) names.push(p.name);
      if (!res.nextLink) break;
      url = res.nextLink;
    }
    return names;
  }

  getPipeline(name: string, o?: CallOptions) {
    return this.send<PipelineResource>('get pipeline', 'GET', `/pipelines/${seg(name)}`, o);
  }

  createRun(name: string, parameters: Record<string, unknown> | undefined, flags: CreateRunOptions, o?: CallOptions) {
    return this.send<{ runId: string }>('createRun', 'POST', `/pipelines/${seg(name)}/createRun`, {
      ...o,
      noRetry: true,
      query: {
        referencePipelineRunId: flags.referencePipelineRunId || undefined,
        isRecovery: flags.isRecovery || undefined,
        startActivityName: flags.startActivityName || undefined,
        startFromFailure: flags.startFromFailure || undefined,
      },
      body: parameters && Object.keys(parameters).length ? parameters : undefined,
    });
  }

  getRun(runId: string, o?: CallOptions) {
    return this.send<PipelineRun>('get run', 'GET', `/pipelineruns/${seg(runId)}`, o);
  }

  async cancelRun(runId: string, recursive: boolean, o?: CallOptions): Promise<void> {
    await this.send('cancel run', 'POST', `/pipelineruns/${seg(runId)}/cancel`, {
      ...o,
      query: { isRecursive: recursive },
    });
  }

  queryPipelineRuns(filter: RunFilterParameters, o?: CallOptions): Promise<PipelineRun[]> {
    return this.paged<PipelineRun>('query pipeline runs', '/queryPipelineRuns', filter, 50, o);
  }

  queryActivityRuns(runId: string, filter: RunFilterParameters, o?: CallOptions): Promise<ActivityRun[]> {
    return this.paged<ActivityRun>(
      'query activity runs',
      `/pipelineruns/${seg(runId)}/queryActivityruns`,
      filter,
      100,
      o,
    );
  }

  /** ADF's run queries page with a continuationToken sent back in the same filter body. */
  private async paged<T>(
    op: string,
    path: string,
    filter: RunFilterParameters,
    maxPages: number,
    o?: CallOptions,
  ): Promise<T[]> {
    const items: T[] = [];
    let token: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const res = await this.send<{ value?: T[]; continuationToken?: string }>(op, 'POST', path, {
        ...o,
        body: token ? { ...filter, continuationToken: token } : filter,
      });
      items.push(...(res.value ?? []));
      token = res.continuationToken;
      if (!token) break;
    }
    return items;
  }

  private send<T>(op: string, method: HttpMethods, path: string, o: SendOptions = {}): Promise<T> {
    const url = new URL(`${this.options.endpoint}${this.factoryId}${path}`);
    url.searchParams.set('api-version', API_VERSION);
    for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return this.sendUrl<T>(op, method, url.toString(), o);
  }

  private async sendUrl<T>(op: string, method: HttpMethods, url: string, o: SendOptions = {}): Promise<T> {
    let response = await this.attempt(op, method, url, o);
    if (response.status === 401) {
      // Expired or revoked token: sign in afresh (new credential, empty token cache) and try once
      // more. Safe even for createRun: ARM rejected the request before it reached Data Factory.
      this.options.onReauthenticate?.(op);
      this.pipelines = undefined;
      response = await this.attempt(op, method, url, o);
    }
    if (response.status >= 400) throw toArmError(op, response);
    if (!response.bodyAsText) return undefined as T;
    try {
      return JSON.parse(response.bodyAsText) as T;
    } catch {
      throw new ArmError({
        op,
        status: response.status,
        code: 'InvalidResponse',
        message: `Azure answered with a body that is not JSON: ${response.bodyAsText.slice(0, 200)}`,
        requestId: response.headers.get('x-ms-request-id'),
      });
    }
  }

  private async attempt(op: string, method: HttpMethods, url: string, o: SendOptions): Promise<PipelineResponse> {
    if (o.abortSignal?.aborted) throw new CancelledError();
    const request = createPipelineRequest({
      url,
      method,
      timeout: o.timeoutMs ?? this.options.requestTimeoutMs,
      abortSignal: o.abortSignal,
    });
    if (o.body !== undefined) {
      request.body = JSON.stringify(o.body);
      request.headers.set('Content-Type', 'application/json');
    }
    const pipelines = this.getPipelines();
    try {
      return await (o.noRetry ? pipelines.single : pipelines.retrying).sendRequest(this.httpClient, request);
    } catch (e) {
      if (o.abortSignal?.aborted) throw new CancelledError();
      if (isRestError(e) && e.response) return e.response;
      if (e instanceof TransportError) throw e;
      const err = e as Error & { code?: string };
      if (err.name === 'AbortError') {
        throw new TransportError(op, 'TIMEOUT', `no answer within ${Math.round(request.timeout / 1000)}s`, {
          notSent: false,
          timedOut: true,
          cause: e,
        });
      }
      // Sign-in failed before the request was sent: let the caller explain it (not a network fault).
      if (SIGN_IN_ERRORS.has(err.name)) throw e;
      const code = err.code ?? 'REQUEST_SEND_ERROR';
      throw new TransportError(op, code, `${err.message || code} (${code})`, {
        notSent: isNotSentCode(code),
        cause: e,
      });
    }
  }

  private getPipelines() {
    if (!this.pipelines) {
      const bearer = bearerPolicy(
        this.options.credential(),
        `${this.options.endpoint}/.default`,
        this.options.requestTimeoutMs,
      );
      const build = (maxRetries: number) => {
        const pipeline = createPipelineFromOptions({
          retryOptions: { maxRetries, retryDelayInMs: 1000, maxRetryDelayInMs: 30_000 },
          userAgentOptions: { userAgentPrefix: this.options.userAgent },
        });
        pipeline.addPolicy(bearer);
        if (this.options.agent) pipeline.addPolicy(agentPolicy(this.options.agent));
        if (this.options.onAttempt)
          pipeline.addPolicy(attemptLogPolicy(this.options.onAttempt), { afterPhase: 'Retry' });
        return pipeline;
      };
      // One credential and token cache for both, so a token is fetched once per expiry, not once per pipeline.
      this.pipelines = { retrying: build(3), single: build(0) };
    }
    return this.pipelines;
  }
}

const seg = (s: string) => encodeURIComponent(s);

/**
 * Errors @azure/identity throws when no token could be had. Entra's own refusals (AADSTS codes)
 * arrive as AuthenticationRequiredError: MSAL's ServerError is wrapped in it.
 */
const SIGN_IN_ERRORS = new Set([
  'CredentialUnavailableError',
  'AuthenticationError',
  'AuthenticationRequiredError',
  'AggregateAuthenticationError',
  'AuthError',
]);

/** Renew an access token this long before it expires (or halfway through a shorter remaining life). */
const TOKEN_RENEW_MARGIN_MS = 2 * 60_000;

/**
 * Adds the access token, cached until shortly before it expires. Used instead of the SDK's
 * bearerTokenAuthenticationPolicy: that one renews in the background within 2 minutes of expiry,
 * and when the renewal still fails at expiry (Entra or the OIDC token service briefly down) its
 * promise rejects with nobody awaiting it, and the unhandled rejection kills the process mid-wait.
 * Here the token is renewed inside the request that needs it, so a failure fails that request,
 * which the callers retry like any other transient fault.
 */
function bearerPolicy(credential: TokenCredential, scope: string, timeoutMs: number): PipelinePolicy {
  let token: AccessToken | undefined;
  let renewAt = 0;
  let pending: Promise<AccessToken | null> | undefined;
  return {
    name: 'adfBearerToken',
    async sendRequest(request, next) {
      if (!request.url.toLowerCase().startsWith('https://')) {
        throw new Error('Refusing to send an access token over a connection that is not HTTPS.');
      }
      if (!token || Date.now() >= renewAt) {
        // Concurrent requests share one token request.
        const current = (pending ??= credential.getToken(scope, { abortSignal: request.abortSignal }).finally(() => {
          if (pending === current) pending = undefined;
        }));
        // A hung Entra or GitHub token endpoint must not stall the step: give up on this attempt
        // (the request was not sent, so any caller may retry) and start afresh next time.
        const fresh = await withTimeout(current, timeoutMs, () => {
          if (pending === current) pending = undefined;
          return new TransportError(
            'sign-in',
            'TIMEOUT',
            `no token from Entra ID within ${Math.round(timeoutMs / 1000)}s`,
            {
              notSent: true,
              timedOut: true,
            },
          );
        });
        if (!fresh) throw new AuthError('Signing in returned no access token.');
        const now = Date.now();
        token = fresh;
        renewAt = Math.min(
          fresh.refreshAfterTimestamp ?? Infinity,
          fresh.expiresOnTimestamp - Math.min(TOKEN_RENEW_MARGIN_MS, (fresh.expiresOnTimestamp - now) / 2),
        );
      }
      request.headers.set('Authorization', `Bearer ${token.token}`);
      return next(request);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  // The abandoned promise may still reject later; nobody awaits it then.
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function toArmError(op: string, response: PipelineResponse): ArmError {
  let code = `HTTP${response.status}`;
  let message = response.bodyAsText?.slice(0, 500) || '(no body)';
  try {
    const body = JSON.parse(response.bodyAsText ?? '');
    const err = body?.error ?? body;
    if (err?.code) code = String(err.code);
    if (err?.message) message = String(err.message);
  } catch {
    // Not JSON (a proxy's HTML page, say): keep the raw text.
  }
  return new ArmError({
    op,
    status: response.status,
    code,
    message,
    requestId: response.headers.get('x-ms-request-id'),
    correlationId: response.headers.get('x-ms-correlation-request-id'),
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  });
}

export function parseRetryAfter(raw: string | undefined): number | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** One line per HTTP attempt (method, path, status, request ID), for step debug logging. */
function attemptLogPolicy(log: (line: string) => void): PipelinePolicy {
  return {
    name: 'adfAttemptLog',
    async sendRequest(request, next) {
      const started = Date.now();
      const { pathname } = new URL(request.url);
      try {
        const res = await next(request);
        const id = res.headers.get('x-ms-request-id');
        log(
          `${request.method} ${pathname} → ${res.status} in ${Date.now() - started}ms${id ? ` (x-ms-request-id ${id})` : ''}`,
        );
        return res;
      } catch (e) {
        const err = e as Error & { code?: string };
        log(`${request.method} ${pathname} → ${err.code ?? err.name}: ${err.message} after ${Date.now() - started}ms`);
        throw e;
      }
    },
  };
}
