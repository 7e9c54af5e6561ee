// The HTTP layer every pipeline service shares: the Azure SDK's pipeline (user agent, proxy, TLS,
// keep-alive) with our bearer-token and attempt-log policies, one re-authentication after a 401,
// and error answers turned into ServiceError. It never retries by itself: the callers decide
// (http/retry.ts), because only they know whether asking again is safe (createRun) or whether
// every fault must be seen and logged (the wait loop).
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
import { isSignInError } from './sign-in-errors.js';
import { AuthError, CancelledError, ServiceError, TransportError, isNotSentCode } from './errors.js';

/** How a service spells its errors: ARM's `{error:{code,message}}`, Synapse's bare `{code}`, Fabric's `{errorCode}`. */
export type ErrorParser = (body: unknown) => { code?: string; message?: string } | undefined;

export interface RestClientOptions {
  /** Base URL; request paths are appended to it as they are. */
  baseUrl: string;
  /** The token scope, e.g. `https://management.azure.com/.default`. */
  scope: string;
  /** Added as `api-version` to every request built from a path (not to absolute URLs from the service). */
  apiVersion?: string;
  /** Makes a fresh credential; called again to re-authenticate after a 401. */
  credential: () => TokenCredential;
  userAgent: string;
  requestTimeoutMs: number;
  /** The HTTPS agent; absent behind a proxy, where the SDK's proxy agents apply. */
  agent?: Agent;
  parseError: ErrorParser;
  /** The header that carries the service's request ID (`x-ms-request-id`, Fabric's `RequestId`). */
  requestIdHeader?: string;
  /** Called for each HTTP attempt, for step debug logging. Never receives headers. */
  onAttempt?: (line: string) => void;
  /** Called when the client re-authenticates after a 401. */
  onReauthenticate?: (op: string) => void;
}

export interface CallOptions {
  abortSignal?: AbortSignal;
  /** Per-attempt timeout; defaults to the client's. */
  timeoutMs?: number;
}

export interface SendOptions extends CallOptions {
  query?: Record<string, string | boolean | undefined>;
  body?: unknown;
  /** Sent as `x-ms-client-request-id` (ADF and Synapse take it as the new run's ID). */
  clientRequestId?: string;
}

export interface RestResponse<T> {
  status: number;
  headers: { get(name: string): string | undefined };
  body: T;
}

export class RestClient {
  private readonly httpClient: HttpClient = createDefaultHttpClient();
  private pipeline?: Pipeline;

  constructor(readonly options: RestClientOptions) {}

  /** The URL of a path under the base URL, with the api-version and query parameters. */
  url(path: string, query: SendOptions['query'] = {}): string {
    const url = new URL(`${this.options.baseUrl}${path}`);
    if (this.options.apiVersion) url.searchParams.set('api-version', this.options.apiVersion);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  /** The parsed body of a request to a path under the base URL. */
  async send<T>(op: string, method: HttpMethods, path: string, o: SendOptions = {}): Promise<T> {
    return (await this.request<T>(op, method, this.url(path, o.query), o)).body;
  }

  /** A request to a full URL (a nextLink, a Location); answers with status, headers and parsed body. */
  async request<T>(op: string, method: HttpMethods, url: string, o: SendOptions = {}): Promise<RestResponse<T>> {
    let response = await this.attempt(op, method, url, o);
    if (response.status === 401) {
      // Expired or revoked token: sign in afresh (new credential, empty token cache) and try once
      // more. Safe even for createRun: the service rejected the request before acting on it.
      this.options.onReauthenticate?.(op);
      this.pipeline = undefined;
      response = await this.attempt(op, method, url, o);
    }
    if (response.status >= 400) throw this.toServiceError(op, response);
    const text = response.bodyAsText ?? '';
    let body: unknown = undefined;
    // Fabric answers 202 with an empty body typed application/octet-stream: there is nothing to parse.
    if (text.trim()) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ServiceError({
          op,
          status: response.status,
          code: 'InvalidResponse',
          message: `The service answered with a body that is not JSON: ${text.slice(0, 200)}`,
          requestId: this.requestId(response),
          requestIdHeader: this.options.requestIdHeader,
        });
      }
    }
    return { status: response.status, headers: response.headers, body: body as T };
  }

  private requestId(response: PipelineResponse): string | undefined {
    return response.headers.get(this.options.requestIdHeader ?? 'x-ms-request-id');
  }

  private async attempt(op: string, method: HttpMethods, url: string, o: SendOptions): Promise<PipelineResponse> {
    if (o.abortSignal?.aborted) throw new CancelledError();
    const request = createPipelineRequest({
      url,
      method,
      timeout: o.timeoutMs ?? this.options.requestTimeoutMs,
      abortSignal: o.abortSignal,
      // The SDK sends the request ID as x-ms-client-request-id; a new random one unless given.
      ...(o.clientRequestId ? { requestId: o.clientRequestId } : {}),
    });
    if (o.body !== undefined) {
      request.body = JSON.stringify(o.body);
      request.headers.set('Content-Type', 'application/json');
    }
    try {
      return await this.getPipeline().sendRequest(this.httpClient, request);
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
      if (isSignInError(err)) throw e;
      const code = err.code ?? 'REQUEST_SEND_ERROR';
      throw new TransportError(op, code, `${err.message || code} (${code})`, {
        notSent: isNotSentCode(code),
        cause: e,
      });
    }
  }

  private getPipeline(): Pipeline {
    if (!this.pipeline) {
      const pipeline = createPipelineFromOptions({
        retryOptions: { maxRetries: 0 },
        userAgentOptions: { userAgentPrefix: this.options.userAgent },
      });
      pipeline.addPolicy(bearerPolicy(this.options.credential(), this.options.scope, this.options.requestTimeoutMs));
      if (this.options.agent) pipeline.addPolicy(agentPolicy(this.options.agent));
      if (this.options.onAttempt)
        pipeline.addPolicy(
          attemptLogPolicy(this.options.onAttempt, this.options.requestIdHeader ?? 'x-ms-request-id'),
          {
            afterPhase: 'Retry',
          },
        );
      this.pipeline = pipeline;
    }
    return this.pipeline;
  }

  private toServiceError(op: string, response: PipelineResponse): ServiceError {
    let code = `HTTP${response.status}`;
    let message = response.bodyAsText?.slice(0, 500) || '(no body)';
    const parsed = parseErrorBody(this.options.parseError, response.bodyAsText ?? undefined);
    if (parsed?.code) code = String(parsed.code);
    if (parsed?.message) message = String(parsed.message);
    return new ServiceError({
      op,
      status: response.status,
      code,
      message,
      requestId: this.requestId(response),
      requestIdHeader: this.options.requestIdHeader,
      correlationId: response.headers.get('x-ms-correlation-request-id'),
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    });
  }
}

function parseErrorBody(parse: ErrorParser, text: string | undefined): ReturnType<ErrorParser> {
  try {
    return parse(JSON.parse(text ?? ''));
  } catch {
    // Not JSON (a proxy's HTML page, say): keep the raw text.
    return undefined;
  }
}

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
    name: 'actionBearerToken',
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

export function parseRetryAfter(raw: string | undefined): number | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** One line per HTTP attempt (method, path, status, request ID), for step debug logging. */
function attemptLogPolicy(log: (line: string) => void, idHeader: string): PipelinePolicy {
  return {
    name: 'actionAttemptLog',
    async sendRequest(request, next) {
      const started = Date.now();
      const { pathname } = new URL(request.url);
      try {
        const res = await next(request);
        const id = res.headers.get(idHeader);
        log(
          `${request.method} ${pathname} → ${res.status} in ${Date.now() - started}ms${id ? ` (${idHeader} ${id})` : ''}`,
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
