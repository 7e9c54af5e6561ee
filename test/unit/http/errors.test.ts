import { describe, expect, it } from 'vitest';
import {
  ServiceError,
  AuthError,
  CancelledError,
  TransportError,
  errorMessage,
  isNotSentCode,
  isTransient,
} from '../../../src/http/errors.js';

const arm = (status: number, extra: Partial<ConstructorParameters<typeof ServiceError>[0]> = {}) =>
  new ServiceError({ op: 'get run', status, code: `C${status}`, message: 'm', ...extra });

describe('ServiceError', () => {
  it('keeps what support needs', () => {
    const e = new ServiceError({
      op: 'createRun',
      status: 429,
      code: 'SubscriptionRequestsThrottled',
      message: "Number of 'read' requests exceeded.",
      requestId: 'req-1',
      correlationId: 'corr-1',
      retryAfterMs: 2_000,
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ServiceError');
    expect(e.message).toBe("createRun: HTTP 429 SubscriptionRequestsThrottled: Number of 'read' requests exceeded.");
    expect(e.serviceMessage).toBe("Number of 'read' requests exceeded.");
    expect(e).toMatchObject({
      op: 'createRun',
      status: 429,
      code: 'SubscriptionRequestsThrottled',
      retryAfterMs: 2_000,
    });
    expect(e.ids).toBe('x-ms-request-id: req-1, x-ms-correlation-request-id: corr-1');
  });

  it('ids lists only what is known', () => {
    expect(arm(500).ids).toBe('');
    expect(arm(500, { correlationId: 'c' }).ids).toBe('x-ms-correlation-request-id: c');
  });
});

describe('TransportError', () => {
  it('records whether the request surely never left', () => {
    const cause = new Error('connect ECONNREFUSED');
    const e = new TransportError('createRun', 'ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443', {
      notSent: true,
      cause,
    });
    expect(e.name).toBe('TransportError');
    expect(e.message).toBe('createRun: connect ECONNREFUSED 127.0.0.1:443');
    expect(e).toMatchObject({ op: 'createRun', code: 'ECONNREFUSED', notSent: true, timedOut: false });
    expect(e.cause).toBe(cause);
    expect(new TransportError('get run', 'TIMEOUT', 'no answer', { notSent: false, timedOut: true }).timedOut).toBe(
      true,
    );
  });
});

describe('isNotSentCode', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL'])(
    '%s: never sent',
    (code) => {
      expect(isNotSentCode(code)).toBe(true);
    },
  );

  // After these, the server may have received (and acted on) the request.
  it.each(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'REQUEST_SEND_ERROR', 'TIMEOUT', ''])('%s: maybe sent', (code) => {
    expect(isNotSentCode(code)).toBe(false);
  });
});

describe('isTransient', () => {
  it.each([408, 429, 500, 502, 503, 504])('HTTP %d may pass', (status) => {
    expect(isTransient(arm(status))).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 412])('HTTP %d is for the user to fix', (status) => {
    expect(isTransient(arm(status))).toBe(false);
  });

  it('transport errors may pass; others do not', () => {
    expect(isTransient(new TransportError('x', 'ECONNRESET', 'reset', { notSent: false }))).toBe(true);
    expect(isTransient(new Error('boom'))).toBe(false);
    expect(isTransient(new CancelledError())).toBe(false);
    expect(isTransient(new AuthError('no'))).toBe(false);
    expect(isTransient('503')).toBe(false);
  });
});

describe('AuthError, CancelledError, errorMessage', () => {
  it('AuthError keeps cause and hint', () => {
    const cause = new Error('inner');
    const e = new AuthError('outer', { cause, hint: 'do this' });
    expect(e.name).toBe('AuthError');
    expect(e.cause).toBe(cause);
    expect(e.hint).toBe('do this');
    expect(new AuthError('bare').hint).toBeUndefined();
  });

  it('CancelledError', () => {
    const e = new CancelledError();
    expect(e.name).toBe('CancelledError');
    expect(e.message).toBe('The operation was cancelled.');
  });

  it('errorMessage', () => {
    expect(errorMessage(new Error('x'))).toBe('x');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
