// One run of the step as the lifecycle tracks it: what the report shows (RunResult) plus where the
// run stands in the lifecycle. A single run is a batch of one.
import * as core from '@actions/core';
import type { RunResult } from '../model/result.js';
import type { RunRef, RunView } from '../model/run.js';
import type { Progress } from './progress.js';
import type { RunIdentity } from './run-ids.js';
import type { DenseBand } from './schedule.js';
import type { SavedRun } from './state.js';

export type Phase = 'pending' | 'starting' | 'waiting' | 'cancelling' | 'ended';

export interface ItemLog {
  info(line: string): void;
  warning(line: string): void;
  debug(line: string): void;
}

export interface Item extends RunResult {
  /** Its place in `pipelines` (0 for a single run): part of its run IDs (run-ids.ts). */
  index: number;
  phase: Phase;
  /**
   * This workflow started it: this step did, or an earlier attempt of it did (a re-run resumed it).
   * The `cancel-on-*` defaults and retries treat it as the step's own.
   */
  ours: boolean;
  /** What tells its starts apart, for run IDs a re-run can compute (undefined outside GitHub Actions). */
  identity?: RunIdentity;
  /** The run whose details (activities, return value) have been read, so they are read once. */
  detailsOf?: string;
  /** The parameters to send (shared ones merged with the item's own, converted per the definition). */
  values: Record<string, unknown>;
  /** The item's own parameters (a batch item's mapping), which win over the shared ones. */
  own: Record<string, unknown>;
  /** When the run was created (ms epoch): the poll schedule follows its age. */
  createdAt: number;
  /** No status read before this (ms epoch). */
  nextReadAt: number;
  /** A batch prefixes every line with the pipeline's name. */
  log: ItemLog;
  progress?: Progress;
  band?: DenseBand;
  /** What the post step knows of it. */
  saved?: SavedRun;
  /** The end-of-run reads (activities, return value), awaited before the report. */
  details?: Promise<void>;
}

export function prefixedLog(name: string): ItemLog {
  const p = `[${name}] `;
  return {
    info: (l) => core.info(p + l),
    warning: (l) => core.warning(p + l),
    debug: (l) => core.debug(p + l),
  };
}

export function newItem(
  index: number,
  pipelineName: string,
  own: Record<string, unknown>,
  shared: Record<string, unknown>,
  batch: boolean,
): Item {
  return {
    index,
    ours: false,
    pipelineName,
    runId: '',
    runUrl: '',
    started: false,
    status: '',
    parameters: {},
    failed: [],
    returnValue: { value: {}, source: '' },
    phase: 'pending',
    values: { ...shared, ...own },
    own,
    createdAt: 0,
    nextReadAt: 0,
    log: batch ? prefixedLog(pipelineName) : core,
  };
}

export const refOf = (it: Pick<Item, 'runId' | 'pipelineName'>): RunRef => ({
  runId: it.runId,
  pipelineName: it.pipelineName,
});

/** The last run read, whoever read it: a failure later must not report a stale status. */
export function seen(it: Item, run: RunView | undefined): void {
  if (!run) return;
  it.run = run;
  it.status = run.status;
}
