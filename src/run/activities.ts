// Reads a finished run's activity runs, following nested pipelines (Execute Pipeline activities),
// once at the end: polling them during the wait would spend ARM's read budget for nothing.
import type { CallOptions } from '../http/rest-client.js';
import { childPipeline, type RunView } from '../model/run.js';
import type { ActivityRow, FailedActivity } from '../model/result.js';
import type { PipelineService } from '../services/service.js';

const MAX_DEPTH = 3;
const MAX_CHILD_RUNS = 25;

export async function fetchActivityRows(
  service: PipelineService,
  run: Pick<RunView, 'runId' | 'pipelineName' | 'runStart' | 'raw'>,
  o?: CallOptions,
): Promise<ActivityRow[]> {
  const rows: ActivityRow[] = [];
  let children = 0;
  const visit = async (
    runId: string,
    pipelineName: string,
    anchor: string | undefined,
    depth: number,
    path: string[],
  ) => {
    const list = await service.listActivityRuns({ runId, pipelineName, runStart: anchor }, o);
    list.sort((a, b) => (Date.parse(a.activityRunStart ?? '') || 0) - (Date.parse(b.activityRunStart ?? '') || 0));
    for (const a of list) {
      rows.push({ ...a, depth, path });
      const childId = a.output?.pipelineRunId;
      if (typeof childId === 'string' && childId && depth + 1 < MAX_DEPTH && children < MAX_CHILD_RUNS) {
        children++;
        await visit(childId, childPipeline(a), a.activityRunStart ?? anchor, depth + 1, [...path, a.activityName]);
      }
    }
  };
  await visit(run.runId, run.pipelineName, run.runStart ?? String(run.raw.lastUpdated ?? ''), 0, []);
  return rows;
}

/**
 * The failed activities worth reporting. An Execute Pipeline activity that failed only because its
 * child failed is left out when the child's own failures are listed: they say the same thing.
 */
export function failedActivities(rows: ActivityRow[]): FailedActivity[] {
  const failed = rows.filter((r) => r.status === 'Failed');
  // Keyed by child run ID, not by path: Execute Pipeline iterations of a ForEach share one path.
  const childRunsWithFailures = new Set(failed.filter((r) => r.depth > 0).map((r) => r.pipelineRunId));
  return failed
    .filter((r) => !(r.output?.pipelineRunId && childRunsWithFailures.has(r.output.pipelineRunId)))
    .map((r) => ({
      name: r.activityName,
      type: r.activityType ?? '',
      errorCode: r.error?.errorCode ?? '',
      message: r.error?.message ?? '',
      failureType: r.error?.failureType ?? '',
      pipelineName: r.pipelineName ?? '',
      pipelineRunId: r.pipelineRunId ?? '',
      activityRunId: r.activityRunId ?? '',
      path: [...r.path, r.activityName].join(' › '),
    }));
}
