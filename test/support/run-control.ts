// Shared by the run-control end-to-end tests (exactly-once start, run-id, if-running), written per
// service so the Synapse and Fabric tests can add theirs: the inputs that address a pipeline, a run
// started by "someone else", and the createRun requests the action sent.
import { request } from 'node:https';
import type { RecordedRequest, RunScript } from '../emulator/index.ts';
import { runStep, type StepOptions, type StepResult } from './action-runner.ts';
import { createRunDirectly } from './resilience.ts';
import type { World } from './scenario.ts';

export type ServiceName = 'data-factory' | 'synapse';

export interface ServiceUnderTest {
  service: ServiceName;
  /** The emulator service its requests reach (for faults and request filters). */
  emuService: 'arm' | 'synapse';
  /** Inputs that address the service (factory or workspace, endpoints) and sign in. */
  inputs(w: World): Record<string, string>;
  /** The next run of this pipeline follows this script. */
  script(w: World, pipeline: string, script: RunScript): void;
  /** A run started outside the step (another workflow, a trigger); returns its ID. */
  foreignRun(w: World, pipeline: string, parameters?: Record<string, unknown>): Promise<string>;
  /** The run's status as the emulator has it. */
  status(w: World, runId: string): string | undefined;
  /** How many runs the emulator holds. */
  runCount(w: World): number;
  /** The createRun requests the action sent (not the test's own). */
  createRuns(w: World): RecordedRequest[];
  /** Cancel requests for this run. */
  cancels(w: World, runId: string): RecordedRequest[];
}

export const dataFactory: ServiceUnderTest = {
  service: 'data-factory',
  emuService: 'arm',
  inputs: (w) => ({ ...w.base, ...w.secretAuth }),
  script: (w, pipeline, script) => w.emu.nextRunScript(pipeline, script),
  foreignRun: (w, pipeline, parameters = {}) => listed(w, createRunDirectly(w, pipeline, parameters)),
  status: (w, runId) => w.emu.runStatus(runId),
  runCount: (w) => w.emu.runs.length,
  // The test's own createRun (createRunDirectly) sends no client request ID and no user agent of ours.
  createRuns: (w) =>
    w.emu.requests.filter(
      (q) => q.service === 'arm' && q.op === 'createRun' && /run-adf-pipeline/i.test(q.headers['user-agent'] ?? ''),
    ),
  cancels: (w, runId) =>
    w.emu.requests.filter((q) => q.service === 'arm' && q.op === 'cancel' && q.path.includes(runId)),
};

const ours = (q: RecordedRequest) => /run-adf-pipeline/i.test(q.headers['user-agent'] ?? '');

export const synapse: ServiceUnderTest = {
  service: 'synapse',
  emuService: 'synapse',
  inputs: (w) => ({
    service: 'synapse',
    workspace: w.seed.synapseWorkspace,
    'service-endpoint': w.emu.synapseEndpoint(),
    'authority-host': w.emu.entraUrl,
    ...w.secretAuth,
  }),
  script: (w, pipeline, script) => w.emu.nextSynapseRunScript(pipeline, script),
  foreignRun: (w, pipeline, parameters = {}) =>
    listed(
      w,
      createRunAt(
        w,
        `${w.emu.synapseEndpoint()}/pipelines/${encodeURIComponent(pipeline)}/createRun?api-version=2020-12-01`,
        w.emu.mintAccessToken({ audience: w.emu.config.synapseAudience }),
        parameters,
      ),
    ),
  status: (w, runId) => w.emu.runStatus(runId),
  runCount: (w) => w.emu.runs.filter((r) => r.service === 'synapse').length,
  createRuns: (w) => w.emu.requests.filter((q) => q.service === 'synapse' && q.op === 'createRun' && ours(q)),
  cancels: (w, runId) =>
    w.emu.requests.filter((q) => q.service === 'synapse' && q.op === 'cancel' && q.path.includes(runId)),
};

/** Resolves once the run is listed by queryPipelineRuns (the emulator, like Azure, lists it a moment later). */
async function listed(w: World, started: Promise<string>): Promise<string> {
  const id = await started;
  await new Promise((r) => setTimeout(r, w.emu.config.queryVisibilityDelayMs + 100));
  return id;
}

/** A createRun sent by "someone else" (no client request ID, not our user agent). */
function createRunAt(w: World, url: string, token: string, parameters: Record<string, unknown>): Promise<string> {
  const body = JSON.stringify(parameters);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(url),
      {
        method: 'POST',
        ca: w.emu.caPem,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          if (!res.statusCode || res.statusCode >= 300)
            return reject(new Error(`createRun: ${res.statusCode} ${text}`));
          resolve((JSON.parse(text) as { runId: string }).runId);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A run that stays InProgress this long. */
export const longRun = (ms = 60_000): RunScript => ({
  phases: [
    { status: 'Queued', ms: 100 },
    { status: 'InProgress', ms },
  ],
});

export function stepFor(
  s: ServiceUnderTest,
  w: World,
  inputs: Record<string, string>,
  extra: Partial<StepOptions> = {},
) {
  return {
    timeoutMs: 90_000,
    ...extra,
    inputs: { ...s.inputs(w), 'poll-interval': '1s', ...inputs },
    env: { ...w.caEnv, ADF_ACTION_SETTLE_MS: '300', ...extra.env },
  } satisfies StepOptions;
}

export function run(s: ServiceUnderTest, w: World, inputs: Record<string, string>, extra: Partial<StepOptions> = {}) {
  return runStep(stepFor(s, w, inputs, extra));
}

/** The post step with main's state, as the runner runs it after a killed main. */
export function post(s: ServiceUnderTest, w: World, main: StepResult, o: StepOptions) {
  return runStep({ ...o, entry: 'post', cancel: undefined, state: main.state });
}
