// Client-side contract for Synapse: the requests the action SENDS (dist/ against the emulator) have
// the paths, query parameters and bodies of Microsoft's Synapse examples (2020-12-01) and of the
// Azure CLI's recorded session against a real workspace.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RecordedRequest } from '../emulator/index.ts';
import { recordingsDir, specDir } from '../support/spec.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { expectSuccess, step, type Step } from '../e2e/helpers.ts';

interface Example {
  parameters: Record<string, unknown>;
}
const example = (name: string) =>
  JSON.parse(readFileSync(path.join(specDir, 'synapse/examples', name), 'utf8')) as Example;
interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  requestBody: unknown;
  status: number;
}
const recorded = (
  JSON.parse(readFileSync(path.join(recordingsDir, 'azure-cli__synapse_test_pipeline.json'), 'utf8')) as {
    interactions: Recorded[];
  }
).interactions;

const PIPELINE = 'examplePipeline';
let w: World;
let run: Step;
let cancelled: Step;
beforeAll(async () => {
  w = await startWorld();
  // The example's pipeline and parameter.
  w.emu.addSynapsePipeline({
    workspace: w.seed.synapseWorkspace,
    name: PIPELINE,
    parameters: { OutputBlobNameList: { type: 'Array' } },
    script: { phases: [{ status: 'InProgress', ms: 400 }] },
  });
  w.emu.addSynapsePipeline({
    workspace: w.seed.synapseWorkspace,
    name: 'slowPipeline',
    script: { phases: [{ status: 'InProgress', ms: 60_000 }] },
  });
  const inputs = {
    service: 'synapse',
    workspace: w.seed.synapseWorkspace,
    'service-endpoint': w.emu.synapseEndpoint(),
    'authority-host': w.emu.entraUrl,
    ...w.secretAuth,
    'poll-interval': '1s',
  };
  run = await step(w, {
    inputs: {
      ...inputs,
      'pipeline-name': PIPELINE,
      parameters: JSON.stringify(example('Pipelines_CreateRun.json').parameters.parameters),
    },
    env: w.caEnv,
  });
  cancelled = await step(w, { inputs: { ...inputs, 'pipeline-name': 'slowPipeline', timeout: '2s' }, env: w.caEnv });
}, 60_000);
afterAll(() => w?.emu.close());

const prefix = () => `/ws/${w.seed.synapseWorkspace}`;
const syn = (s: Step, op: string): RecordedRequest[] =>
  s.requests.filter((q) => q.service === 'synapse' && q.op === op);

/** The recorded request's shape (method, path under the workspace, query names). */
function expectLike(q: RecordedRequest, r: Recorded, runId?: string) {
  expect(q.method).toBe(r.method);
  const recordedPath = runId ? r.path.replace(/[0-9a-f-]{36}/, runId) : r.path;
  expect(q.path).toBe(`${prefix()}${recordedPath.replace('/pipelines/pipeline', `/pipelines/${PIPELINE}`)}`);
  expect(q.query['api-version']).toBe(r.query['api-version']);
}

describe('Synapse client requests match the examples and the recorded session', () => {
  test('the run succeeded', () => expectSuccess(run.r));

  test('get pipeline, createRun, get run: the recorded paths and api-version; the body is the example parameters', () => {
    const [get] = syn(run, 'getPipeline');
    expectLike(
      get,
      recorded.find((r) => r.method === 'GET' && r.path === '/pipelines/pipeline')!,
    );
    const [create] = syn(run, 'createRun');
    expectLike(
      create,
      recorded.find((r) => r.path.endsWith('/createRun'))!,
    );
    expect(Object.keys(create.query)).toEqual(['api-version']);
    expect(create.body).toEqual(example('Pipelines_CreateRun.json').parameters.parameters);
    const runId = run.r.outputs['run-id'];
    for (const q of syn(run, 'getRun')) {
      expectLike(
        q,
        recorded.find((r) => r.method === 'GET' && r.path.startsWith('/pipelineruns/'))!,
        runId,
      );
    }
  });

  test('activity runs: under the pipeline, with both window bounds, as in the example and the recording', () => {
    const runId = run.r.outputs['run-id'];
    const queries = syn(run, 'queryActivityRuns');
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      expectLike(
        q,
        recorded.find((r) => r.path.endsWith('/queryActivityruns'))!,
        runId,
      );
      const body = q.body as Record<string, unknown>;
      for (const k of Object.keys(
        example('ActivityRuns_QueryByPipelineRun.json').parameters.filterParameters as object,
      ))
        expect(typeof body[k]).toBe('string');
    }
  });

  test('cancel: the recorded path, with isRecursive (cancel-recursive defaults to true)', () => {
    const [c] = syn(cancelled, 'cancel');
    expect(c.method).toBe('POST');
    const runId = cancelled.r.outputs['run-id'];
    expect(c.path).toBe(`${prefix()}/pipelineruns/${runId}/cancel`);
    expect(c.query).toEqual({ 'api-version': '2020-12-01', isRecursive: 'true' });
    expect(example('PipelineRuns_Cancel.json').parameters['api-version']).toBe('2020-12-01');
  });

  test('no request reaches ARM, and every Synapse request carries the Synapse token', () => {
    for (const s of [run, cancelled]) {
      expect(s.requests.filter((q) => q.service === 'arm')).toEqual([]);
      for (const q of s.requests.filter((x) => x.service === 'synapse')) {
        expect(q.headers.authorization).toMatch(/^Bearer /);
        expect(q.headers['x-ms-client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
  });
});
