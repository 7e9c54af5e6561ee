// Test helpers: an HTTPS client that trusts the emulator's CA (Node's fetch only reads
// NODE_EXTRA_CA_CERTS at startup), and small utilities for comparing shapes with the examples.
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Emulator } from '../emulator/index.ts';
import { specDir } from '../support/spec.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const examplesDir = resolve(specDir, 'examples');

export interface Example {
  parameters: Record<string, unknown>;
  responses: Record<string, { headers?: Record<string, string>; body?: unknown }>;
}
export function example(name: string): Example {
  return JSON.parse(readFileSync(resolve(examplesDir, name), 'utf8')) as Example;
}

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface HttpOptions {
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  raw?: string;
}

export function http(
  emu: Pick<Emulator, 'caPem'>,
  method: string,
  url: string,
  opts: HttpOptions = {},
): Promise<HttpResult> {
  let payload: string | undefined;
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.json !== undefined) {
    payload = JSON.stringify(opts.json);
    headers['content-type'] ??= 'application/json';
  } else if (opts.form !== undefined) {
    payload = new URLSearchParams(opts.form).toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  } else if (opts.raw !== undefined) {
    payload = opts.raw;
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  return new Promise((resolvePromise, reject) => {
    // agent: false = a fresh connection per request, so a dropped socket affects only its own request.
    const req = request(url, { method, headers, ca: emu.caPem, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        let json: unknown = undefined;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** {key: type} of an object's own keys, optionally without some keys. */
export function shape(o: unknown, without: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) if (!without.includes(k)) out[k] = typeOf(v);
  return out;
}

export async function waitFor<T>(
  fn: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  limitMs = 10_000,
): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export const ENTRA_ERROR_DESCRIPTION =
  /^AADSTS(\d+): [^\r\n]+\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/;
