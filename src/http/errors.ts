// Error types that keep what users and support need: the service's code and message, the HTTP
// status, and the request and correlation IDs that Azure support asks for.

/** An HTTP error answer from a pipeline service (ARM, Synapse, Fabric), in one shape for all. */
export class ServiceError extends Error {
  readonly status: number;
  readonly code: string;
  /** The service's own message, without our prefix. */
  readonly serviceMessage: string;
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly retryAfterMs?: number;
  readonly op: string;
  /** The header the request ID came in (Fabric calls it RequestId). */
  readonly requestIdHeader: string;
  /** Advice added by the explain step, printed after the service's own text. */
  hint?: string;

  constructor(init: {
    op: string;
    status: number;
    code: string;
    message: string;
    requestId?: string;
    correlationId?: string;
    retryAfterMs?: number;
    requestIdHeader?: string;
  }) {
    super(`${init.op}: HTTP ${init.status} ${init.code}: ${init.message}`);
    this.name = 'ServiceError';
    this.op = init.op;
    this.status = init.status;
    this.code = init.code;
    this.serviceMessage = init.message;
    this.requestId = init.requestId;
    this.correlationId = init.correlationId;
    this.retryAfterMs = init.retryAfterMs;
    this.requestIdHeader = init.requestIdHeader ?? 'x-ms-request-id';
  }

  /** The IDs for a support ticket, as one line. */
  get ids(): string {
    const parts = [];
    if (this.requestId) parts.push(`${this.requestIdHeader}: ${this.requestId}`);
    if (this.correlationId) parts.push(`x-ms-correlation-request-id: ${this.correlationId}`);
    return parts.join(', ');
  }
}

/** A request that got no HTTP answer: refused, reset, timed out. */
export class TransportError extends Error {
  readonly op: string;
  readonly code: string;
  /** True only when the request surely never reached the server (safe to resend a POST). */
  readonly notSent: boolean;
  readonly timedOut: boolean;

  constructor(
    op: string,
    code: string,
    message: string,
    opts: { notSent: boolean; timedOut?: boolean; cause?: unknown },
  ) {
    super(`${op}: ${message}`, { cause: opts.cause });
    this.name = 'TransportError';
    this.op = op;
    this.code = code;
    this.notSent = opts.notSent;
    this.timedOut = opts.timedOut ?? false;
  }
}

/** The step was cancelled (SIGINT/SIGTERM) while a request or a sleep was under way. */
export class CancelledError extends Error {
  constructor() {
    super('The operation was cancelled.');
    this.name = 'CancelledError';
  }
}

/** Sign-in failed; `hint` says what to change. */
export class AuthError extends Error {
  hint?: string;
  constructor(message: string, opts?: { cause?: unknown; hint?: string }) {
    super(message, { cause: opts?.cause });
    this.name = 'AuthError';
    this.hint = opts?.hint;
  }
}

// Codes that mean the connection failed before any byte of the request could reach the server.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
]);

export function isNotSentCode(code: string): boolean {
  return NOT_SENT_CODES.has(code);
}

/**
 * Whether waiting and asking again may help: throttling, server faults, lost connections.
 * 401 is handled by re-authenticating before it gets here; 403/404/400 are the user's to fix.
 */
export function isTransient(e: unknown): boolean {
  if (e instanceof TransportError) return true;
  if (e instanceof ServiceError) return e.status === 408 || e.status === 429 || e.status >= 500;
  return false;
}

/**
 * The host name DNS says does not exist (ENOTFOUND), if that is why the request failed. A name that
 * never resolved is a wrong input, not a passing fault; EAI_AGAIN is the passing kind.
 */
export function unknownHost(e: unknown): string | undefined {
  if (!(e instanceof TransportError) || e.code !== 'ENOTFOUND') return undefined;
  return /ENOTFOUND\s+(\S+)/.exec(e.message)?.[1] ?? '(unknown host)';
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
