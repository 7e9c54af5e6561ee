import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRetryAfter } from '../../../src/http/rest-client.js';
import { API_VERSION } from '../../../src/services/data-factory/client.js';

describe('API_VERSION', () => {
  it('is the Data Factory ARM api-version', () => {
    expect(API_VERSION).toBe('2018-06-01');
  });
});

describe('parseRetryAfter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2024-05-01T10:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads seconds', () => {
    expect(parseRetryAfter('1')).toBe(1_000);
    expect(parseRetryAfter('30')).toBe(30_000);
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter('1.5')).toBe(1_500);
  });

  it('never returns a negative delay', () => {
    expect(parseRetryAfter('-5')).toBe(0);
  });

  it('reads an HTTP date as the time until then', () => {
    expect(parseRetryAfter('Wed, 01 May 2024 10:00:20 GMT')).toBe(20_000);
    expect(parseRetryAfter('Wed, 01 May 2024 09:59:00 GMT')).toBe(0);
  });

  it('is undefined without a usable value', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
