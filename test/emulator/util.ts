// Small formatting helpers shared by the services.
import { randomUUID, randomBytes } from 'node:crypto';

export function guid(): string {
  return randomUUID();
}

/** 32 hex digits without dashes: the form ADF uses for `invokedBy.id`. */
export function hex32(): string {
  return randomBytes(16).toString('hex');
}

/** ADF writes timestamps with 7 fractional digits ("2018-06-16T00:37:44.6257014Z"). */
export function adfTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** ARM's ExpiredAuthenticationToken message uses .NET's invariant "M/d/yyyy h:mm:ss tt" in UTC. */
export function dotnetUtc(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Entra's "Timestamp: 2025-07-07 10:30:48Z" form. */
export function entraTimestamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Fill {name} placeholders; unknown names stay as they are. */
export function fill(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = values[name];
    return v === undefined ? all : String(v);
  });
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
