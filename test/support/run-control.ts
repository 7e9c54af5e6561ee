// Shared by the run-control end-to-end tests (exactly-once start, run-id, if-running), written per
// service so the Synapse and Fabric tests can add theirs: the inputs that address a pipeline, a run
// started by "someone else", and the createRun requests the action sent.
import type { RecordedRequest, RunScript } from '../emulator/index.ts';
import { runStep, type StepOptions, type StepResult } from './action-runner.ts';
import { createRunDirectly, sleep } from './resilience.ts';
import type { World } from './scenario.ts';

export type ServiceName = 'data-factory';

export interface ServiceUnderTest {
  service: ServiceName;
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
  inputs: (w) => ({ ...w.base, ...w.secretAuth }),
  script: (w, pipeline, script) => w.emu.nextRunScript(pipeline, script),
  // Another workflow's run, started a moment ago: long enough for queries to show it (the emulator
  // shows a new run to queryPipelineRuns only after queryVisibilityDelayMs, as ADF does).
  foreignRun: async (w, pipeline, parameters = {}) => {
    const id = await createRunDirectly(w, pipeline, parameters);
    await sleep(w.emu.config.queryVisibilityDelayMs + 200);
    return id;
  },
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
