// The pipeline's return value (a Set Variable activity of type "pipeline return value"). How ADF
// shows it for a top-level run is not documented, so it is read from the places it may be, in
// this order: a `pipelineReturnValue` object on the run (or under its `output`); then the run's
// own Set Variable activity run that sets `pipelineReturnValue`: its `output.value` as an object,
// or its `input.value`, the definition's list of {key, value} with typed values. Pure.
import type { ActivityRun, RunView } from '../model/run.js';
import type { ReturnValue } from '../model/result.js';

const NONE: ReturnValue = { value: {}, source: '' };
const VARIABLE = 'pipelineReturnValue';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{}` unless the run ended Succeeded. `activities` are the run's own (depth 0) and any below. */
export function readReturnValue(
  run: RunView | undefined,
  activities: ReadonlyArray<ActivityRun & { depth?: number }> = [],
): ReturnValue {
  if (!run || run.status !== 'Succeeded') return NONE;
  const raw = run.raw;
  if (isObject(raw[VARIABLE])) return { value: raw[VARIABLE], source: `the run's \`${VARIABLE}\`` };
  const output = raw.output;
  if (isObject(output) && isObject(output[VARIABLE])) {
    return { value: output[VARIABLE], source: `the run's \`output.${VARIABLE}\`` };
  }
  // Only one Set Variable activity that sets it runs; if a retry or a loop ran it more than once, the last one wins.
  const setters = activities
    .filter((a) => !a.depth && (a.pipelineRunId === undefined || a.pipelineRunId === run.runId))
    .filter((a) => /setvariable/i.test(a.activityType ?? '') && a.status === 'Succeeded' && setsReturnValue(a));
  const a = setters.at(-1);
  if (!a) return NONE;
  const out = isObject(a.output) ? a.output : undefined;
  if (out && isObject(out.value))
    return { value: out.value, source: `Set Variable activity \`${a.activityName}\` (its output)` };
  if (out && Array.isArray(out.value)) {
    return { value: fromKeyValueList(out.value), source: `Set Variable activity \`${a.activityName}\` (its output)` };
  }
  const input = isObject(a.input) ? a.input : undefined;
  const list = input?.value;
  if (Array.isArray(list))
    return { value: fromKeyValueList(list), source: `Set Variable activity \`${a.activityName}\` (its input)` };
  if (isObject(list)) return { value: list, source: `Set Variable activity \`${a.activityName}\` (its input)` };
  return NONE;
}

function setsReturnValue(a: ActivityRun): boolean {
  const named = (v: unknown) => isObject(v) && (v.variableName === VARIABLE || v.name === VARIABLE);
  return named(a.input) || named(a.output);
}

/** `[{key, value}]` → object, each value plain or `{type, content}`. */
export function fromKeyValueList(list: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of list) {
    if (isObject(item) && typeof item.key === 'string') out[item.key] = typedValue(item.value);
  }
  return out;
}

const TYPES = new Set(['string', 'expression', 'array', 'boolean', 'null', 'int', 'float', 'object']);

/** A value as the definition types it ({type: 'Int', content: 5}); anything else as it is. */
export function typedValue(v: unknown): unknown {
  if (!isObject(v) || typeof v.type !== 'string' || !TYPES.has(v.type.toLowerCase()) || !('content' in v)) return v;
  const c = v.content;
  switch (v.type.toLowerCase()) {
    case 'null':
      return null;
    case 'int':
    case 'float': {
      if (typeof c === 'number') return c;
      const n = typeof c === 'string' && c.trim() !== '' ? Number(c) : NaN;
      return Number.isFinite(n) ? n : c;
    }
    case 'boolean':
      return c === 'true' || c === 'True' ? true : c === 'false' || c === 'False' ? false : c;
    case 'array':
      return Array.isArray(c) ? c.map(typedValue) : c;
    case 'object':
      if (Array.isArray(c)) return fromKeyValueList(c);
      if (isObject(c)) return Object.fromEntries(Object.entries(c).map(([k, x]) => [k, typedValue(x)]));
      return c;
    default:
      // String, and Expression (evaluated by the time the activity ran; its text if not).
      return c;
  }
}
