// The `pipelines` input: a YAML or JSON list of exact pipeline names or `{name, parameters}`
// mappings, all in the same factory or workspace. Checked before any request.

import { parseJsonOrYaml } from './parameters.js';

export interface BatchItem {
  name: string;
  /** The item's own parameters (they win over the shared `parameters`/`parameters-file`). */
  parameters: Record<string, unknown>;
}

/** Characters that make a name look like a pattern: `pipelines` takes exact names only. */
const PATTERN = /[*?]|^\^|\$$/;

/**
 * Parses the list; every problem is reported at once. `nameProblem` checks one name against the
 * service's naming rule ('' when it fits).
 */
export async function parsePipelineList(
  text: string,
  nameProblem: (name: string) => string,
): Promise<{ items: BatchItem[]; problems: string[] }> {
  const problems: string[] = [];
  const parsed = await parseJsonOrYaml(text);
  if ('reason' in parsed) {
    return {
      items: [],
      problems: [
        `'pipelines' is neither valid JSON nor valid YAML: ${parsed.reason}. Write a list: one "- name" per line, or "- name: …" with "parameters: …" under it.`,
      ],
    };
  }
  const value = parsed.value;
  if (!Array.isArray(value)) {
    return { items: [], problems: [`'pipelines' must be a list of pipeline names or {name, parameters} mappings.`] };
  }
  if (value.length === 0) problems.push(`'pipelines' is an empty list: name at least one pipeline.`);
  const items: BatchItem[] = [];
  const seen = new Map<string, number>();
  value.forEach((raw, i) => {
    const where = `'pipelines' item ${i + 1}`;
    let name: unknown = raw;
    let parameters: Record<string, unknown> = {};
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const o = raw as Record<string, unknown>;
      const unknown = Object.keys(o).filter((k) => k !== 'name' && k !== 'parameters');
      if (unknown.length) {
        problems.push(
          `${where} has ${unknown.map((k) => `'${k}'`).join(', ')}: an item takes only 'name' and 'parameters'.`,
        );
      }
      name = o.name;
      const p = o.parameters;
      if (p !== undefined && p !== null) {
        if (typeof p !== 'object' || Array.isArray(p)) {
          problems.push(`${where}: 'parameters' must be a mapping of parameter names to values.`);
        } else parameters = p as Record<string, unknown>;
      }
    }
    if (typeof name !== 'string' || !name.trim()) {
      problems.push(`${where} must be a pipeline name or a mapping with 'name' (and optionally 'parameters').`);
      return;
    }
    name = name.trim();
    const n = name as string;
    if (PATTERN.test(n)) {
      problems.push(
        `${where} '${n}' looks like a pattern: 'pipelines' takes exact names (a pattern could match pipelines nobody meant to run); list each pipeline.`,
      );
      return;
    }
    const bad = nameProblem(n);
    if (bad) problems.push(`${where}: ${bad}`);
    // The same pipeline with other parameters is another item (a second partition, region, …).
    // With the same ones it would be the same run twice, which no reader of the outputs could tell
    // apart, and with 'if-running' other than start the second would wait for or attach to the first.
    const key = `${n.toLowerCase()}\n${canonical(parameters)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        `${where} '${n}' repeats item ${first + 1} with the same parameters: it would be the same run twice. Give the items different 'parameters', or use a second step to run it again.`,
      );
      return;
    }
    seen.set(key, i);
    items.push({ name: n, parameters });
  });
  return { items, problems };
}

/** JSON with object keys sorted at every level: equal parameters give equal text whatever their order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
