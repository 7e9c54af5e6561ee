// Shared by the run-control end-to-end tests (exactly-once start, run-id, if-running), written per
// service so the Synapse and Fabric tests can add theirs: the inputs that address a pipeline, a run
// started by "someone else", and the createRun requests the action sent.
import { request } from 'node:https';
import {
  DEFAULTS,
  FABRIC_PIPELINE_IDS,
  type FabricJobScript,
  type RecordedRequest,
  type RunScript,
} from '../emulator/index.ts';
import { runStep, type StepOptions, type StepResult } from './action-runner.ts';
import { createRunDirectly } from './resilience.ts';
import type { World } from './scenario.ts';

export type ServiceName = 'data-factory' | 'synapse' | 'fabric';

export interface ServiceUnderTest {
  service: ServiceName;
  /** The emulator service its requests reach (for faults and request filters). */
  emuService: 'arm' | 'synapse' | 'fabric';
  /** The emulator's op name for the action's start request. */
  createOp: 'createRun' | 'runJob';
  /** The action chooses the run ID before the start (createRun's client request ID). */
  chosenRunId: boolean;
  /** `run-id` needs `pipeline-name` to address the run (Fabric). */
  runIdNeedsPipeline: boolean;
  /** What `'run-id' must be …` calls the ID. */
  runIdWord: string;
  /** The cancel request carries `isRecursive`. */
  recursiveCancel: boolean;
  /** Inputs that address the service (factory or workspace, endpoints) and sign in. */
  inputs(w: World): Record<string, string>;
  /** The next run of this pipeline follows this script. */
  script(w: World, pipeline: string, script: RunScript): void;
  /** A run started outside the step (another workflow, a trigger); returns its ID. */
  foreignRun(w: World, pipeline: string, parameters?: Record<string, unknown>): Promise<string>;
  /** The run's status as the emulator has it. */
  status(w: World, runId: string): string | undefined;
  /** When the emulator ends the run (ms since the epoch). */
  endedAt(w: World, runId: string): number;
  /** The action's queries for the pipeline's runs (if-running). */
  queries(w: World): RecordedRequest[];
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
  createOp: 'createRun',
  chosenRunId: true,
  runIdNeedsPipeline: false,
  runIdWord: 'a pipeline run ID',
  recursiveCancel: true,
  inputs: (w) => ({ ...w.base, ...w.secretAuth }),
  script: (w, pipeline, script) => w.emu.nextRunScript(pipeline, script),
  foreignRun: (w, pipeline, parameters = {}) => listed(w, createRunDirectly(w, pipeline, parameters)),
  status: (w, runId) => w.emu.runStatus(runId),
  endedAt: (w, runId) => endOf(w.emu.getRun(runId)!),
  queries: (w) => w.emu.requestsFor('queryPipelineRuns', 'arm'),
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
  createOp: 'createRun',
  chosenRunId: true,
  runIdNeedsPipeline: false,
  runIdWord: 'a pipeline run ID',
  recursiveCancel: true,
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
  endedAt: (w, runId) => endOf(w.emu.getRun(runId)!),
  queries: (w) => w.emu.requestsFor('queryPipelineRuns', 'synapse'),
  runCount: (w) => w.emu.runs.filter((r) => r.service === 'synapse').length,
  createRuns: (w) => w.emu.requests.filter((q) => q.service === 'synapse' && q.op === 'createRun' && ours(q)),
  cancels: (w, runId) =>
    w.emu.requests.filter((q) => q.service === 'synapse' && q.op === 'cancel' && q.path.includes(runId)),
};

const endOf = (r: { createdAt: number; endOffset: number }) => r.createdAt + r.endOffset;

/** Fabric's job statuses in the common vocabulary (as the action reports them). */
const FABRIC_STATUS: Record<string, string> = {
  NotStarted: 'Queued',
  Completed: 'Succeeded',
  Deduped: 'Cancelled',
};

/** The seeded Fabric items by display name. */
const fabricItem = (pipeline: string): string => {
  const ids: Record<string, string> = {
    quick: FABRIC_PIPELINE_IDS.quick,
    'daily-load': FABRIC_PIPELINE_IDS.dailyLoad,
    'nightly-fail': FABRIC_PIPELINE_IDS.nightlyFail,
    'long-running': FABRIC_PIPELINE_IDS.longRunning,
  };
  const id = ids[pipeline];
  if (!id) throw new Error(`No seeded Fabric pipeline '${pipeline}'`);
  return id;
};

/** A run script in the ADF vocabulary as a Fabric job script. */
function fabricScript(script: RunScript): FabricJobScript {
  const { phases, final, message, activities } = script;
  return {
    ...(phases && {
      phases: phases.map((p) => ({ status: p.status === 'Queued' ? 'NotStarted' : 'InProgress', ms: p.ms })),
    }),
    ...(final && { final: final === 'Succeeded' ? 'Completed' : final }),
    ...(message && { failureReason: { message } }),
    ...(activities && { activities }),
  };
}

export const fabric: ServiceUnderTest = {
  service: 'fabric',
  emuService: 'fabric',
  createOp: 'runJob',
  chosenRunId: false,
  runIdNeedsPipeline: true,
  runIdWord: 'a job instance ID',
  recursiveCancel: false,
  inputs: (w) => ({
    service: 'fabric',
    workspace: DEFAULTS.fabricWorkspaceName,
    'service-endpoint': w.emu.fabricUrl,
    'authority-host': w.emu.entraUrl,
    ...w.secretAuth,
  }),
  script: (w, pipeline, script) => w.emu.nextFabricJobScript(pipeline, fabricScript(script)),
  foreignRun: (w, pipeline, parameters = {}) =>
    startAt(
      w,
      `${w.emu.fabricUrl}/v1/workspaces/${DEFAULTS.fabricWorkspaceId}/items/${fabricItem(pipeline)}/jobs/instances?jobType=Pipeline`,
      w.emu.mintAccessToken({ audience: w.emu.config.fabricAudience }),
      Object.keys(parameters).length ? { executionData: { parameters } } : undefined,
    ).then((res) => {
      const id = /\/jobs\/instances\/([^/?]+)$/.exec(res.location ?? '')?.[1];
      if (res.status !== 202 || !id) throw new Error(`runJob: ${res.status} ${res.text}`);
      return id;
    }),
  status: (w, runId) => {
    const st = w.emu.fabricJobStatus(runId);
    return st && (FABRIC_STATUS[st] ?? st);
  },
  endedAt: (w, runId) => endOf(w.emu.fabricJob(runId)!.run),
  queries: (w) => w.emu.requestsFor('listJobs', 'fabric'),
  runCount: (w) => w.emu.fabricJobs.length,
  createRuns: (w) => w.emu.requests.filter((q) => q.service === 'fabric' && q.op === 'runJob' && ours(q)),
  cancels: (w, runId) =>
    w.emu.requests.filter((q) => q.service === 'fabric' && q.op === 'cancelJob' && q.path.includes(runId)),
};

/** Resolves once the run is listed by queryPipelineRuns (the emulator, like Azure, lists it a moment later). */
async function listed(w: World, started: Promise<string>): Promise<string> {
  const id = await started;
  await new Promise((r) => setTimeout(r, w.emu.config.queryVisibilityDelayMs + 100));
  return id;
}

/** A createRun sent by "someone else" (no client request ID, not our user agent). */
async function createRunAt(w: World, url: string, token: string, parameters: Record<string, unknown>): Promise<string> {
  const res = await startAt(w, url, token, parameters);
  if (!res.status || res.status >= 300) throw new Error(`createRun: ${res.status} ${res.text}`);
  return (JSON.parse(res.text) as { runId: string }).runId;
}

/** A POST by "someone else" (not our user agent). */
function startAt(
  w: World,
  url: string,
  token: string,
  json: unknown,
): Promise<{ status?: number; text: string; location?: string }> {
  const body = json === undefined ? '' : JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(url),
      {
        method: 'POST',
        ca: w.emu.caPem,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body && { 'Content-Type': 'application/json' }),
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode, text, location: res.headers.location }));
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
