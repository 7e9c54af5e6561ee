// Pipeline parameters: parsing what the user wrote, and checking it against the pipeline's
// declared parameters so that type mistakes fail before a run starts instead of inside ADF.

import type { ParameterDefinitions } from '../model/parameters.js';

/**
 * JSON first (the common case, and exact), then YAML; either way it must be a mapping. The YAML
 * parser is a third of the main bundle, so it is loaded only for text that is not JSON.
 */
/**
 * JSON first (the common case, and no parser to load), else YAML 1.2's core schema: `yes`/`on`
 * stay strings, `true`, `5` and `1.5` keep their types. `reason` is the parser's first line.
 */
export async function parseJsonOrYaml(text: string): Promise<{ value: unknown } | { reason: string }> {
  try {
    return { value: JSON.parse(text) };
  } catch {
    const { parse: parseYaml } = await import('yaml');
    try {
      return { value: parseYaml(text, { schema: 'core', uniqueKeys: true }) };
    } catch (e) {
      return { reason: (e as Error).message.split('\n')[0] ?? '' };
    }
  }
}

export async function parseParameterText(
  text: string,
): Promise<{ value: Record<string, unknown> } | { error: string }> {
  if (text.trim() === '') return { value: {} };
  const parsed = await parseJsonOrYaml(text);
  if ('reason' in parsed) {
    return {
      error: `is neither valid JSON nor valid YAML: ${parsed.reason}. Write a JSON object like {"name": "value"} or a YAML mapping (one "name: value" per line).`,
    };
  }
  const value = parsed.value;
  if (value === null || value === undefined) return { value: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      error: `must be a JSON object or a YAML mapping of parameter names to values, got ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}.`,
    };
  }
  return { value: value as Record<string, unknown> };
}

export interface ValidationResult {
  /** The values to send, converted where the declared type made it safe. */
  values: Record<string, unknown>;
  problems: string[];
  /** Human notes on each conversion, for the log. */
  conversions: string[];
}

const describe = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : typeof v === 'object'
        ? 'an object'
        : `${typeof v} ${JSON.stringify(v)}`;

/** Checks values against the declared parameters: unknown names, missing required ones, types. */
export function validateParameters(defs: ParameterDefinitions, given: Record<string, unknown>): ValidationResult {
  const problems: string[] = [];
  const conversions: string[] = [];
  const values: Record<string, unknown> = {};
  const declared = Object.keys(defs);
  const listing = declared.length
    ? `Declared parameters: ${declared.map((n) => `${n} (${defs[n].type})`).join(', ')}.`
    : 'The pipeline declares no parameters.';

  const unknown = Object.keys(given).filter((n) => !Object.hasOwn(defs, n));
  for (const name of unknown) {
    const near = declared.find((d) => d.toLowerCase() === name.toLowerCase());
    problems.push(
      `Unknown parameter '${name}'${near ? ` (did you mean '${near}'? names are case-sensitive)` : ''}. ${listing}`,
    );
  }
  for (const [name, spec] of Object.entries(defs)) {
    if (!Object.hasOwn(given, name)) {
      if (spec.defaultValue === undefined) {
        problems.push(
          `Missing parameter '${name}' (${spec.type}): it has no default value, so a value must be passed.`,
        );
      }
      continue;
    }
    const result = coerce(spec.type, given[name]);
    if ('error' in result) {
      problems.push(`Parameter '${name}' is declared ${spec.type} but got ${describe(given[name])}: ${result.error}`);
    } else {
      values[name] = result.value;
      if (result.converted)
        conversions.push(`'${name}': ${describe(given[name])} → ${spec.type} ${JSON.stringify(result.value)}`);
    }
  }
  for (const name of unknown) values[name] = given[name];
  return { values, problems, conversions };
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

type Coerced = { value: unknown; converted: boolean } | { error: string };

function coerce(type: string, v: unknown): Coerced {
  const keep = { value: v, converted: false };
  switch (type.toLowerCase()) {
    case 'string':
    case 'securestring':
      if (typeof v === 'string') return keep;
      if (typeof v === 'number' || typeof v === 'boolean') return { value: String(v), converted: true };
      return { error: 'pass text (quote it in YAML).' };
    case 'int':
      if (typeof v === 'number' && Number.isInteger(v)) return keep;
      if (typeof v === 'string' && /^[+-]?\d+$/.test(v.trim()) && Number.isSafeInteger(Number(v))) {
        return { value: Number(v), converted: true };
      }
      return { error: 'pass a whole number such as 5.' };
    case 'float':
      if (typeof v === 'number' && Number.isFinite(v)) return keep;
      if (typeof v === 'string' && DECIMAL.test(v.trim())) return { value: Number(v), converted: true };
      return { error: 'pass a number such as 2.5.' };
    case 'bool':
      if (typeof v === 'boolean') return keep;
      if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) {
        return { value: v.trim().toLowerCase() === 'true', converted: true };
      }
      return { error: 'pass true or false.' };
    case 'array':
      if (Array.isArray(v)) return keep;
      if (typeof v === 'string') {
        const parsed = tryJson(v);
        if (Array.isArray(parsed)) return { value: parsed, converted: true };
      }
      return { error: 'pass a list, e.g. ["a", "b"] or a YAML list.' };
    case 'object':
      if (isPlainObject(v)) return keep;
      if (typeof v === 'string') {
        const parsed = tryJson(v);
        if (isPlainObject(parsed)) return { value: parsed, converted: true };
      }
      return { error: 'pass an object, e.g. {"key": "value"} or a YAML mapping.' };
    default:
      // A type this version does not know: send the value unchanged rather than block the run.
      return keep;
  }
}

function tryJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const MASK = '***';

/**
 * Parameters as they may be shown in logs and summaries. SecureString values are masked when the
 * definition says so; without a definition, names that look secret are masked too.
 */
export function displayParameters(
  values: Record<string, unknown>,
  defs?: ParameterDefinitions,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) out[name] = isSecure(name, defs) ? MASK : value;
  return out;
}

function isSecure(name: string, defs?: ParameterDefinitions): boolean {
  if (defs) return defs[name]?.type?.toLowerCase() === 'securestring';
  return /secret|password|passwd|token|key|credential/i.test(name);
}

/**
 * Values to register as secrets with the runner: SecureString parameters, or without a
 * definition, those whose names look secret.
 */
export function secureValues(values: Record<string, unknown>, defs?: ParameterDefinitions): string[] {
  return Object.entries(values)
    .filter(([name]) => isSecure(name, defs))
    .map(([, v]) => (typeof v === 'string' ? v : JSON.stringify(v)))
    .filter((v) => v.length > 0);
}
