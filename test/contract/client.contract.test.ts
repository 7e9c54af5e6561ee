// Client-side contract: the requests the action SENDS (run from dist/ against the emulator) must be
// the ones Microsoft's REST spec and examples describe. The spec extract and the verbatim examples
// in ../shared/adf-spec are read at test time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RecordedRequest } from '../emulator/index.ts';
import { specDir } from '../support/spec.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { expectFailure, expectSuccess, step, type Step } from '../e2e/helpers.ts';

const readJson = <T>(rel: string): T => JSON.parse(readFileSync(path.join(specDir, rel), 'utf8')) as T;

interface SpecParameter {
  name?: string;
  in?: string;
  $ref?: string;
}
interface Spec {
  paths: Record<string, Record<string, { operationId: string; parameters: SpecParameter[] }>>;
  parameters: Record<string, SpecParameter>;
  definitions: Record<string, { properties: Record<string, unknown>; required?: string[] }>;
}
interface Example {
  parameters: Record<string, unknown>;
}

const spec = readJson<Spec>('datafactory-2018-06-01.pipeline-runs.extract.json');
const example = (name: string) => readJson<Example>(`examples/${name}`);

/** The spec's operation: method, path template and the names of its query parameters. */
function operation(operationId: string) {
  for (const [template, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (op.operationId !== operationId) continue;
      const params = op.parameters.map((p) => (p.$ref ? spec.parameters[p.$ref.replace('#/parameters/', '')]! : p));
      return {
        method: method.toUpperCase(),
        template,
        query: params.filter((p) => p.in === 'query').map((p) => p.name!),
        hasBody: params.some((p) => p.in === 'body'),
      };
    }
  }
  throw new Error(`no operation ${operationId} in the spec extract`);
}

const PIPELINE = 'Export blobs';

let w: World;
/** The path the spec's template gives for our factory (path values percent-encoded as in a URL). */
function expectedPath(operationId: string, values: Record<string, string> = {}): string {
  const all: Record<string, string> = {
    subscriptionId: w.seed.subscriptionId,
    resourceGroupName: w.seed.resourceGroup,
    factoryName: w.seed.factoryName,
    ...values,
  };
  return operation(operationId).template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in all)) throw new Error(`no value for {${name}}`);
    return encodeURIComponent(all[name]!);
  });
}

function expectOperation(q: RecordedRequest, operationId: string, values: Record<string, string> = {}) {
  const op = operation(operationId);
  expect(q.method).toBe(op.method);
  expect(q.path).toBe(expectedPath(operationId, values));
  expect(q.query['api-version']).toBe('2018-06-01');
  for (const k of Object.keys(q.query)) expect(op.query, `query parameter ${k} of ${operationId}`).toContain(k);
  if (!op.hasBody) expect(q.body, `${operationId} takes no body`).toBeNull();
}

let run: Step;
let cancelled: Step;
let bare: Step;
beforeAll(async () => {
  w = await startWorld();
  // The example's pipeline parameter, on a pipeline whose name needs encoding in the path.
  w.emu.addPipeline({
    subscriptionId: w.seed.subscriptionId,
    resourceGroup: w.seed.resourceGroup,
    factoryName: w.seed.factoryName,
    name: PIPELINE,
    parameters: { OutputBlobNameList: { type: 'Array' } },
    script: {
      phases: [
        { status: 'Queued', ms: 100 },
        { status: 'InProgress', ms: 500 },
      ],
      activities: [{ name: 'Copy', type: 'Copy' }],
    },
  });
  const base = { ...w.base, ...w.secretAuth, 'poll-interval': '1s' };
  const params = example('Pipelines_CreateRun.json').parameters.parameters;
  run = await step(w, {
    inputs: { ...base, 'pipeline-name': PIPELINE, parameters: JSON.stringify(params) },
    env: w.caEnv,
  });
  cancelled = await step(w, { inputs: { ...base, 'pipeline-name': 'long-running', timeout: '2s' }, env: w.caEnv });
  bare = await step(w, { inputs: { ...base, 'pipeline-name': 'quick' }, env: w.caEnv });
}, 90_000);
afterAll(() => w?.emu.close());

describe('the action sends what the ADF REST spec describes', () => {
  test('the runs behind these checks went as expected', () => {
    expectSuccess(run.r);
    expectFailure(cancelled.r);
    expectSuccess(bare.r);
  });

  test('Pipelines_CreateRun: path, api-version, and the body is the parameters map as in the example', () => {
    const ex = example('Pipelines_CreateRun.json').parameters;
    const creates = run.ops('createRun');
    expect(creates).toHaveLength(1);
    const q = creates[0]!;
    expectOperation(q, 'Pipelines_CreateRun', { pipelineName: PIPELINE });
    expect(q.path).toContain('/pipelines/Export%20blobs/createRun');
    expect(q.query['api-version']).toBe(ex['api-version']);
    // referencePipelineRunId is null in the example: not sent at all.
    expect(q.query).not.toHaveProperty('referencePipelineRunId');
    expect(q.body).toStrictEqual(ex.parameters);
    expect(q.headers['content-type']).toMatch(/^application\/json\b/);
  });

  test('Pipelines_CreateRun without parameters sends no body (it is optional)', () => {
    const creates = bare.ops('createRun');
    expect(creates).toHaveLength(1);
    expectOperation(creates[0]!, 'Pipelines_CreateRun', { pipelineName: 'quick' });
    expect(creates[0]!.body).toBeNull();
  });

  test('Pipelines_Get: path and api-version, no body', () => {
    const gets = run.ops('getPipeline');
    expect(gets.length).toBeGreaterThan(0);
    for (const q of gets) expectOperation(q, 'Pipelines_Get', { pipelineName: PIPELINE });
  });

  test('PipelineRuns_Get: path with the run ID and api-version, as in the example', () => {
    const ex = example('PipelineRuns_Get.json').parameters;
    const runId = run.r.outputs['run-id']!;
    const gets = run.ops('getRun');
    expect(gets.length).toBeGreaterThan(0);
    for (const q of gets) {
      expectOperation(q, 'PipelineRuns_Get', { runId });
      expect(q.query['api-version']).toBe(ex['api-version']);
    }
  });

  test('ActivityRuns_QueryByPipelineRun: body has lastUpdatedAfter/lastUpdatedBefore (ISO 8601)', () => {
    const ex = example('ActivityRuns_QueryByPipelineRun.json').parameters;
    const filterKeys = Object.keys(ex.filterParameters as Record<string, unknown>);
    const allowed = Object.keys(spec.definitions.RunFilterParameters!.properties);
    const required = spec.definitions.RunFilterParameters!.required ?? [];
    const runId = run.r.outputs['run-id']!;
    const queries = run.ops('queryActivityRuns');
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      expectOperation(q, 'ActivityRuns_QueryByPipelineRun', { runId });
      const body = q.body as Record<string, unknown>;
      for (const k of [...filterKeys, ...required]) expect(body, k).toHaveProperty(k);
      for (const k of Object.keys(body)) expect(allowed, `filter property ${k}`).toContain(k);
      const after = body.lastUpdatedAfter as string;
      const before = body.lastUpdatedBefore as string;
      for (const t of [after, before]) expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
      expect(Date.parse(after)).toBeLessThan(Date.parse(before));
      // The window covers the run.
      const view = w.emu.runView(runId)!;
      expect(Date.parse(after)).toBeLessThanOrEqual(Date.parse(view.runStart!));
      expect(Date.parse(before)).toBeGreaterThanOrEqual(Date.parse(view.runEnd!));
      expect(q.headers['content-type']).toMatch(/^application\/json\b/);
    }
  });

  test('PipelineRuns_Cancel: path with the run ID, isRecursive and api-version, no body', () => {
    const runId = cancelled.r.outputs['run-id']!;
    const cancels = cancelled.ops('cancel');
    expect(cancels.length).toBeGreaterThan(0);
    for (const q of cancels) {
      expectOperation(q, 'PipelineRuns_Cancel', { runId });
      expect(q.query.isRecursive).toBe('true');
    }
  });

  test('every ARM request: a spec operation, api-version, User-Agent, Bearer token, JSON content type', () => {
    const all = [run, cancelled, bare].flatMap((s) => s.requests.filter((q) => q.service === 'arm'));
    expect(all.length).toBeGreaterThan(5);
    const known = new Set(['getPipeline', 'createRun', 'getRun', 'queryActivityRuns', 'queryPipelineRuns', 'cancel']);
    for (const q of all) {
      const what = `${q.method} ${q.path}`;
      expect(known, what).toContain(q.op);
      expect(q.query['api-version'], what).toBe('2018-06-01');
      expect(q.headers['user-agent'], what).toMatch(/(^|\s)run-adf-pipeline-action\/\d+\.\d+\.\d+/);
      expect(q.headers.authorization, what).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      if (q.body !== null) expect(q.headers['content-type'], what).toMatch(/^application\/json\b/);
      if (q.method === 'GET') expect(q.body, what).toBeNull();
    }
  });
});
