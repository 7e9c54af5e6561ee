// Small helpers shared by the resilience end-to-end tests (cancellation, faults, duplicates, soak).
import { request } from 'node:https';
import type { EmulatorOptions, RecordedRequest } from '../emulator/index.ts';
import type { StepResult } from './action-runner.ts';
import { startWorld, type World } from './scenario.ts';

/** A world of its own for one test (faults and request logs are per emulator), closed afterwards. */
export async function withWorld<T>(fn: (w: World) => Promise<T>, options?: EmulatorOptions): Promise<T> {
  const w = await startWorld(options);
  try {
    return await fn(w);
  } finally {
    await w.emu.close();
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Requests recorded from index `from` on (take `w.emu.requests.length` before a step). */
export function since(w: World, from: number): RecordedRequest[] {
  return w.emu.requests.slice(from);
}

/** ARM requests for this run's ID (getRun, cancel, queryActivityRuns). */
export function forRun(reqs: RecordedRequest[], runId: string, op?: string): RecordedRequest[] {
  return reqs.filter((r) => r.service === 'arm' && r.path.includes(runId) && (!op || r.op === op));
}

export function ops(reqs: RecordedRequest[], op: string, service = 'arm'): RecordedRequest[] {
  return reqs.filter((r) => r.op === op && r.service === service);
}

/** The history query (src/run/history.ts): recent Succeeded runs, read once before the wait. */
export function isHistoryQuery(q: RecordedRequest): boolean {
  const filters = (q.body as { filters?: Array<{ operand?: string; values?: string[] }> } | null)?.filters ?? [];
  return filters.some((f) => f.operand === 'Status' && f.values?.length === 1 && f.values[0] === 'Succeeded');
}

/** The start's looks for a run it may have started: queryPipelineRuns other than the history query. */
export function looks(reqs: RecordedRequest[], service = 'arm'): RecordedRequest[] {
  return ops(reqs, 'queryPipelineRuns', service).filter((q) => !isHistoryQuery(q));
}

/** Annotations a user would read as a problem. */
export function problems(r: StepResult) {
  return r.annotations.filter((a) => a.level === 'error' || a.level === 'warning');
}

/** What the step printed (without masks and debug lines), for failure messages. */
export function log(r: StepResult): string {
  const stdout = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::') && !l.startsWith('::debug::'))
    .join('\n');
  return `exit ${r.exitCode} signal ${r.signal}\n--- stdout\n${stdout}\n--- stderr\n${r.stderr}`;
}

/**
 * createRun sent by the test itself (as another workflow would), with an access token minted by the
 * emulator. Returns the new run's ID.
 */
export function createRunDirectly(
  w: World,
  pipeline: string,
  parameters: Record<string, unknown> = {},
): Promise<string> {
  const { subscriptionId, resourceGroup, factoryName } = w.seed;
  const url = new URL(
    `${w.emu.armUrl}/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.DataFactory/factories/${factoryName}/pipelines/${pipeline}/createRun?api-version=2018-06-01`,
  );
  const body = JSON.stringify(parameters);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        ca: w.emu.caPem,
        headers: {
          Authorization: `Bearer ${w.emu.mintAccessToken()}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`createRun: ${res.statusCode} ${text}`));
          resolve((JSON.parse(text) as { runId: string }).runId);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Moves a run's creation `ms` into the past, and with it its runStart, lastUpdated and every later
 * status change (the emulator's timeline is relative to createdAt): a run another workflow started
 * long before the step.
 */
export function backdateRun(w: World, runId: string, ms: number): void {
  const run = w.emu.getRun(runId);
  if (!run) throw new Error(`backdateRun: no run ${runId}`);
  run.createdAt -= ms;
}
