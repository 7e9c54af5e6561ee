// 2. Polling economy: status requests and worst-case detection delay of `poll-interval: auto`
// (src/schedule.ts) next to fixed 5 s (Kestra's default) and fixed 60 s (Airflow's default), and a
// check of the computed schedule against real runs on the emulator.
import {
  AUTO_AGE_FRACTION,
  AUTO_MAX_MS,
  AUTO_MIN_MS,
  busiestHour,
  denseBand,
  pollTimes,
  usualDuration,
} from '../src/run/schedule.ts';
import { startWorld, type World } from '../test/support/scenario.ts';
import type { RecordedRequest, RunScript } from '../test/emulator/index.ts';
import { ACTION_MAIN, NODE, StepDir, countOps, fail, log, runProcess } from './common.ts';

export const RUN_MINUTES = [1, 5, 15, 60, 360];
export const SCHEDULES: Array<{ id: string; label: string; interval: 'auto' | number }> = [
  { id: 'auto', label: 'auto (this action)', interval: 'auto' },
  { id: 'fixed5', label: 'fixed 5 s (Kestra)', interval: 5_000 },
  { id: 'fixed60', label: 'fixed 60 s (Airflow)', interval: 60_000 },
];
const HOUR = 3_600_000;
/** Targets from the issue. */
export const MAX_PER_HOUR = 120;
export const delayTarget = (runMs: number): number => Math.max(5_000, 0.1 * runMs);

export interface ScheduleCell {
  requests: number;
  /** Most status requests in any 60-minute window of the wait. */
  busiestHour: number;
  /** The gap between the two polls around the run's end: a run ending just after a poll waits this long. */
  worstDelayMs: number;
  meetsRequests: boolean;
  meetsDelay: boolean;
}

export function scheduleCell(interval: 'auto' | number, runMs: number): ScheduleCell {
  const times = pollTimes(interval, runMs);
  let busiestHour = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && times[j] < times[i] + HOUR) j++;
    busiestHour = Math.max(busiestHour, j - i);
  }
  const k = times.findIndex((t) => t >= runMs);
  const worstDelayMs = times[k] - (k > 0 ? times[k - 1] : 0);
  return {
    requests: times.length,
    busiestHour,
    worstDelayMs,
    meetsRequests: busiestHour <= MAX_PER_HOUR,
    meetsDelay: worstDelayMs <= delayTarget(runMs),
  };
}

export function computedTable(): Array<{ minutes: number; cells: Record<string, ScheduleCell> }> {
  return RUN_MINUTES.map((minutes) => ({
    minutes,
    cells: Object.fromEntries(SCHEDULES.map((s) => [s.id, scheduleCell(s.interval, minutes * 60_000)])),
  }));
}

export const AUTO_FORMULA = { minMs: AUTO_MIN_MS, maxMs: AUTO_MAX_MS, fraction: AUTO_AGE_FRACTION };

export interface RealRun {
  label: string;
  runMs: number;
  exitCode: number | null;
  status: string;
  predictedPolls: number[];
  /** Ages (ms after createRun reached ARM) at which getRun reached ARM. */
  polls: number[];
  /** Largest |measured − predicted| poll age, ms (when the counts agree). */
  maxDriftMs: number;
  /** From the run's end (emulator) to the action's last getRun. */
  detectionDelayMs: number;
  predictedDelayMs: number;
  activityQueries: number;
  activityQueriesAfterLastPoll: boolean;
  tokenRequests: number;
  discoveryRequests: number;
  requests: Record<string, number>;
  wallMs: number;
}

export function scriptFor(runMs: number): RunScript {
  return {
    phases: [
      { status: 'Queued', ms: 1_000 },
      { status: 'InProgress', ms: runMs - 1_000 },
    ],
    final: 'Succeeded',
    activities: [
      { name: 'Wait for upstream', type: 'Wait', startMs: 0, durationMs: Math.round((runMs - 1_000) / 2) },
      {
        name: 'Copy table',
        type: 'Copy',
        startMs: Math.round((runMs - 1_000) / 2),
        durationMs: Math.round((runMs - 1_000) / 2) - 100,
      },
    ],
  };
}

export function addBenchPipeline(w: World, name: string, runMs: number): void {
  w.emu.addPipeline({
    subscriptionId: w.seed.subscriptionId,
    resourceGroup: w.seed.resourceGroup,
    factoryName: w.seed.factoryName,
    name,
    script: scriptFor(runMs),
  });
}

/** Runs the action (wait: true) on a pipeline whose runs take `runMs`. */
export async function waitRun(
  w: World,
  label: string,
  pipeline: string,
  runMs: number,
  o: { interval?: 'auto' | number; onSpawn?: (pid: number) => void } = {},
): Promise<RealRun> {
  const step = new StepDir();
  w.emu.clearRequests();
  const interval = o.interval ?? 'auto';
  const inputs = {
    ...w.base,
    ...w.secretAuth,
    'pipeline-name': pipeline,
    'poll-interval': interval === 'auto' ? 'auto' : `${interval / 1000}s`,
  };
  // TMPDIR in the step's own folder: the compile cache (src/startup.ts) starts empty and goes with it,
  // so nothing depends on, or is left in, the real temp folder.
  const r = await runProcess(NODE, [ACTION_MAIN], {
    env: step.env(inputs, { ...w.caEnv, TMPDIR: step.dir }),
    onSpawn: o.onSpawn,
    timeoutMs: runMs + 120_000,
  });
  const outputs = step.outputs();
  step.remove();
  if (r.exitCode !== 0) fail(`wait run (${label})`, r);
  const requests: RecordedRequest[] = [...w.emu.requests];
  const runId = outputs['run-id'];
  const record = w.emu.getRun(runId)!;
  const created = requests.find((q) => q.op === 'createRun')!;
  const gets = requests.filter((q) => q.op === 'getRun' && q.path.includes(runId));
  const activity = requests.filter((q) => q.op === 'queryActivityRuns');
  const polls = gets.map((q) => q.at - created.at);
  const predictedPolls = pollTimes(interval, record.endOffset);
  const lastPoll = gets.at(-1)!.at;
  return {
    label,
    runMs: record.endOffset,
    exitCode: r.exitCode,
    status: outputs.status,
    predictedPolls,
    polls,
    maxDriftMs:
      polls.length === predictedPolls.length ? Math.max(...polls.map((p, i) => Math.abs(p - predictedPolls[i]))) : NaN,
    detectionDelayMs: lastPoll - (record.createdAt + record.endOffset),
    predictedDelayMs: predictedPolls.at(-1)! - record.endOffset,
    activityQueries: activity.length,
    activityQueriesAfterLastPoll: activity.every((q) => q.at >= lastPoll),
    tokenRequests: requests.filter((q) => q.op === 'token').length,
    discoveryRequests: requests.filter((q) => q.op === 'openidConfig').length,
    requests: countOps(requests),
    wallMs: r.wallMs,
  };
}

export async function benchPollingRuns(lengthsMs: number[]): Promise<RealRun[]> {
  const w = await startWorld();
  try {
    const out: RealRun[] = [];
    for (const runMs of lengthsMs) {
      const name = `bench-run-${runMs / 1000}s`;
      addBenchPipeline(w, name, runMs);
      log(`polling: a ${runMs / 1000} s run with poll-interval: auto`);
      out.push(await waitRun(w, `${runMs / 1000} s run`, name, runMs));
    }
    return out;
  } finally {
    await w.emu.close();
  }
}

/**
 * v1.1: `auto` with the pipeline's history (a dense band around its usual end) next to v1's
 * `auto`, fixed 5 s and fixed 60 s, for runs that end inside, before and after their usual band.
 * History: ten past runs within ±3% of the usual duration.
 */
export const HISTORY_MINUTES = [5, 40, 120];
export const HISTORY_SCHEDULES = ['history', 'auto', 'fixed5', 'fixed60'] as const;
export interface HistoryCell {
  reads: number;
  busiestHour: number;
  /** Worst-case delay for an end at that point (inside: the worst over the whole band). */
  worstDelayMs: number;
}
export interface HistoryRow {
  usualMinutes: number;
  band: { fromMs: number; untilMs: number; everyMs: number } | undefined;
  ends: Record<'before' | 'inside' | 'after', Record<(typeof HISTORY_SCHEDULES)[number], HistoryCell>>;
}

const gapAround = (times: number[], endMs: number) => {
  const k = times.findIndex((t) => t >= endMs);
  return times[k]! - (k > 0 ? times[k - 1]! : 0);
};

export function historyTable(): HistoryRow[] {
  return HISTORY_MINUTES.map((minutes) => {
    const median = minutes * 60_000;
    const usual = usualDuration(Array.from({ length: 10 }, (_, i) => median * (0.97 + (0.06 * i) / 9)))!;
    const band = denseBand(usual);
    const intervals = { history: 'auto', auto: 'auto', fixed5: 5_000, fixed60: 60_000 } as const;
    const cell = (id: (typeof HISTORY_SCHEDULES)[number], ends: number[]): HistoryCell => {
      const b = id === 'history' ? band : undefined;
      const last = Math.max(...ends);
      const times = pollTimes(intervals[id], last, b);
      return {
        reads: pollTimes(intervals[id], ends[0]!, b).length,
        busiestHour: busiestHour(times),
        worstDelayMs: Math.max(...ends.map((e) => gapAround(times, e))),
      };
    };
    const inside: number[] = [];
    for (let t = usual.lowMs; t <= usual.highMs; t += 1_000) inside.push(t);
    const pick = (ends: number[]) =>
      Object.fromEntries(HISTORY_SCHEDULES.map((id) => [id, cell(id, ends)])) as HistoryRow['ends']['inside'];
    return {
      usualMinutes: minutes,
      band,
      ends: { before: pick([median * 0.5]), inside: pick([median, ...inside]), after: pick([median * 1.5]) },
    };
  });
}
