// Reads every activity run of an ended run and of its child pipeline runs (Execute Pipeline
// activities name them in `output.pipelineRunId`), within caps on HTTP pages: at most 20 per run
// and a budget shared by the whole step (100). Whatever a cap or an unreadable page leaves out
// makes the tally say `complete: false`; nothing here throws for a read that failed.
import type { CallOptions } from '../http/rest-client.js';
import { childPipeline, type ActivityRun, type RunView } from '../model/run.js';
import type { PageGate, PipelineService } from '../services/service.js';
import { addTallies, tallyActivityRuns, type BillingTally } from './billing.js';
import { regionOfActivities } from './region.js';

export const READS_PER_RUN = 20;
export const READS_PER_STEP = 100;

/** HTTP pages the step may still spend on billing, shared by all its runs. */
export interface ReadBudget {
  remaining: number;
}

export function stepReadBudget(reads = READS_PER_STEP): ReadBudget {
  return { remaining: reads };
}

export interface ReadBillingOptions extends CallOptions {
  /**
   * Activity runs of this run (or of its children) already read after it ended, e.g. for its
   * failure report: every pipeline run that has a row among them is taken as read and costs no
   * request. Children they point at that have no rows here are read.
   */
  known?: readonly ActivityRun[];
  /** Pages per run; default 20. */
  readsPerRun?: number;
}

export interface RunBilling {
  tally: BillingTally;
  /** armRegionName of the runtime most activities ran on ('' when none says). */
  region: string;
  /** HTTP pages this run's read spent. */
  reads: number;
  /** Every activity run counted (the known ones included), for callers that need more than the tally. */
  rows: ActivityRun[];
}

type RunLike = Pick<RunView, 'runId' | 'pipelineName' | 'runStart' | 'raw'>;

export async function readRunBilling(
  service: PipelineService,
  run: RunLike,
  budget: ReadBudget,
  o: ReadBillingOptions = {},
): Promise<RunBilling> {
  const { known = [], readsPerRun = READS_PER_RUN, ...call } = o;
  let reads = 0;
  let capped = false;
  let failed = false;
  const gate: PageGate = {
    next() {
      if (reads >= readsPerRun || budget.remaining <= 0) {
        capped = true;
        return false;
      }
      reads++;
      budget.remaining--;
      return true;
    },
  };

  const byRun = groupByRun(known);
  const rows: ActivityRun[] = [];
  const seen = new Set<string>();
  // Breadth first: a cap then leaves out the deepest levels, not a whole branch beside the top.
  const queue: Array<{ runId: string; pipelineName: string; anchor?: string }> = [
    { runId: run.runId, pipelineName: run.pipelineName, anchor: run.runStart ?? stringOf(run.raw.lastUpdated) },
  ];
  while (queue.length) {
    const next = queue.shift()!;
    if (seen.has(next.runId.toLowerCase())) continue;
    seen.add(next.runId.toLowerCase());
    let level = byRun.get(next.runId.toLowerCase());
    if (!level) {
      // Past a cap, levels already read still count; the others are left out.
      if (capped) continue;
      try {
        level = await service.listActivityRuns(
          { runId: next.runId, pipelineName: next.pipelineName, runStart: next.anchor },
          { ...call, pages: gate },
        );
      } catch {
        // An unreadable page: this level's rows are lost, the others still count.
        failed = true;
        continue;
      }
    }
    for (const a of level) {
      rows.push(a);
      const child = a.output?.pipelineRunId;
      if (typeof child === 'string' && child)
        queue.push({ runId: child, pipelineName: childPipeline(a), anchor: a.activityRunStart ?? next.anchor });
    }
  }
  return { tally: tallyActivityRuns(rows, !capped && !failed), region: regionOfActivities(rows), reads, rows };
}

/** A batch's tally: the sum of its runs'. */
export function batchTally(runs: readonly RunBilling[]): BillingTally {
  return addTallies(runs.map((r) => r.tally));
}

function groupByRun(rows: readonly ActivityRun[]): Map<string, ActivityRun[]> {
  const m = new Map<string, ActivityRun[]>();
  for (const r of rows) {
    const id = (r.pipelineRunId ?? '').toLowerCase();
    if (!id) continue;
    const list = m.get(id) ?? [];
    list.push(r);
    m.set(id, list);
  }
  return m;
}

function stringOf(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}
