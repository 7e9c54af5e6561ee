// Issue 12: the `pipelines`, `max-parallel` and `fail-fast` inputs.
import { describe, expect, it } from 'vitest';
import { InputError, readInputs, type Inputs } from '../../../src/inputs/inputs.js';
import { SERVICES } from '../../../src/services/registry.js';

const BASE: Record<string, string> = {
  'subscription-id': '11111111-2222-3333-4444-555555555555',
  'resource-group': 'rg-data',
  'factory-name': 'adf-prod-01',
  'max-parallel': '0',
  'fail-fast': 'false',
};

async function read(extra: Record<string, string>): Promise<Inputs> {
  const all: Record<string, string> = { ...BASE, ...extra };
  return readInputs((name) => all[name] ?? '', SERVICES, { workspace: '/ws', readFile: () => '' });
}

async function problems(extra: Record<string, string>): Promise<string[]> {
  try {
    await read(extra);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('pipelines', () => {
  it('reads YAML names and {name, parameters} items, keeping the shared parameters apart', async () => {
    const i = await read({
      pipelines: '- load-a\n- name: load-b\n  parameters:\n    limit: 5\n',
      parameters: 'region: eu',
      'max-parallel': '2',
      'fail-fast': 'true',
    });
    expect(i.pipelines).toEqual([
      { name: 'load-a', parameters: {} },
      { name: 'load-b', parameters: { limit: 5 } },
    ]);
    expect(i.parameters).toEqual({ region: 'eu' });
    expect(i.pipelineName).toBe('');
    expect(i.maxParallel).toBe(2);
    expect(i.failFast).toBe(true);
  });

  it('takes the same pipeline twice with different parameters: two items', async () => {
    const i = await read({
      pipelines: '- name: load\n  parameters: {part: 1}\n- name: load\n  parameters: {part: 2}\n- load',
    });
    expect(i.pipelines).toEqual([
      { name: 'load', parameters: { part: 1 } },
      { name: 'load', parameters: { part: 2 } },
      { name: 'load', parameters: {} },
    ]);
  });

  it('reads a JSON list', async () => {
    const i = await read({ pipelines: '["a", {"name": "b", "parameters": {"x": [1, 2]}}]' });
    expect(i.pipelines).toEqual([
      { name: 'a', parameters: {} },
      { name: 'b', parameters: { x: [1, 2] } },
    ]);
  });

  it('a single run needs none of it', async () => {
    const i = await read({ 'pipeline-name': 'p' });
    expect(i.pipelines).toEqual([]);
    expect(i.maxParallel).toBe(0);
    expect(i.failFast).toBe(false);
  });

  it.each([
    [{ pipelines: '- a', 'pipeline-name': 'a' }, "Set either 'pipeline-name' or 'pipelines'"],
    [{ pipelines: '- a', 'run-id': 'bd5e4c5a-63a1-4e6a-8a4b-3c0f0d7b8c9e' }, "'pipelines' only applies when starting"],
    [{ pipelines: 'a: b' }, 'must be a list'],
    [{ pipelines: '[]' }, 'empty list'],
    [{ pipelines: '- [a]' }, 'must be a pipeline name or a mapping'],
    [{ pipelines: '- name: a\n  param: {}' }, "an item takes only 'name' and 'parameters'"],
    [{ pipelines: '- name: a\n  parameters: [1]' }, "'parameters' must be a mapping"],
    [{ pipelines: '- load*' }, 'looks like a pattern'],
    [{ pipelines: '- ^load$' }, 'looks like a pattern'],
    [{ pipelines: '- a/b' }, 'may not contain any of'],
    [{ pipelines: '- a\n- A' }, 'repeats item 1'],
    [
      { pipelines: '- name: a\n  parameters: {x: 1, y: [2]}\n- name: A\n  parameters: {y: [2], x: 1}' },
      'repeats item 1',
    ],
    [{ pipelines: '- a', 'max-parallel': '-1' }, "'max-parallel' must be a whole number"],
    [{ pipelines: '- a', 'max-parallel': '1.5' }, "'max-parallel' must be a whole number"],
    [{ pipelines: '- a', 'fail-fast': 'yes' }, "'fail-fast' must be true or false"],
    [{ pipelines: '- a', 'reference-run-id': 'bd5e4c5a-63a1-4e6a-8a4b-3c0f0d7b8c9e' }, 'cannot apply to'],
    [{ pipelines: '- a\n  - b: [' }, 'neither valid JSON nor valid YAML'],
  ])('%o is refused before any request', async (extra, text) => {
    const p = await problems(extra);
    expect(p.join('\n')).toContain(text);
  });

  // The contract (v1.2, "Inputs that do not apply"): ignored with a warning that names them, not refused.
  it('without pipelines, max-parallel and fail-fast are ignored with a warning naming each', async () => {
    const i = await read({ 'pipeline-name': 'p', 'max-parallel': '3', 'fail-fast': 'true' });
    expect(i.warnings).toEqual([
      "'max-parallel' only applies with 'pipelines' and is ignored: nothing runs in parallel.",
      "'fail-fast' only applies with 'pipelines' and is ignored: there is one run.",
    ]);
    expect(i).toMatchObject({ maxParallel: 0, failFast: false, pipelines: [] });
    // Their defaults arrive as inputs too, and say nothing.
    expect((await read({ 'pipeline-name': 'p' })).warnings).toEqual([]);
  });

  it('a malformed max-parallel is refused even without pipelines', async () => {
    expect(await problems({ 'pipeline-name': 'p', 'max-parallel': 'x' })).toEqual([
      "'max-parallel' must be a whole number, 0 or more (0 = all at once), got 'x'.",
    ]);
  });

  it('lists every problem at once', async () => {
    const p = await problems({ pipelines: '- a*\n- b\n- b', 'max-parallel': 'x' });
    expect(p).toHaveLength(3);
  });
});
