// What the report needs of an ended run, read once at its end (reading activities during the wait
// would spend the read budget for nothing). One run: every activity, nested pipelines included, for
// the summary's table and timeline. A batch: a failed run's activities; a succeeded run's return
// value, which needs its own activity runs (one level, one request) only when the run lacks it.
// With `billing: true`, every ended run's billable units too (cost.ts), from the rows read here
// plus whatever levels they leave out: no page is read twice.
import { errorMessage } from '../http/errors.js';
import { retry } from '../http/retry.js';
import { readReturnValue } from '../report/return-value.js';
import type { PipelineService } from '../services/service.js';
import { failedActivities, fetchActivityRows } from './activities.js';
import type { StepCost } from './cost.js';
import { refOf, type Item } from './item.js';

export async function readDetails(
  service: PipelineService,
  it: Item,
  everyActivity: boolean,
  cost?: StepCost,
): Promise<void> {
  const run = it.run;
  if (!run || it.detailsOf === run.runId) return;
  it.detailsOf = run.runId;
  const billing = cost?.wants(it) ?? false;
  if (!everyActivity && run.status === 'Succeeded') {
    it.returnValue = readReturnValue(run);
    if (billing) {
      // The billing read has the run's own activity runs among all its levels: the return value
      // needs no request of its own, unless that level could not be read.
      const billed = await cost!.readRun(it);
      const own = billed?.rows.filter((r) => r.pipelineRunId?.toLowerCase() === run.runId.toLowerCase()) ?? [];
      if (!it.returnValue.source && own.length) it.returnValue = readReturnValue(run, own);
      // A complete read read the run's own level too, even when it holds no activity run.
      if (it.returnValue.source || own.length || billed?.tally.billing.complete) return;
    }
    if (it.returnValue.source) return;
    try {
      const own = await retry(() => service.listActivityRuns({ ...refOf(it), runStart: run.runStart }), {
        until: Date.now() + 60_000,
      });
      it.returnValue = readReturnValue(run, own);
    } catch (e) {
      it.log.warning(
        `Could not read the activity runs of run ${it.runId} (${errorMessage(e)}); its return-value is {} in the outputs.`,
      );
    }
    return;
  }
  try {
    const rows = await retry(() => fetchActivityRows(service, run), { until: Date.now() + 60_000 });
    if (everyActivity) it.activities = rows;
    it.failed = failedActivities(rows);
    it.returnValue = readReturnValue(run, rows);
    if (billing) await cost!.readRun(it, rows);
  } catch (e) {
    it.returnValue = readReturnValue(run);
    it.log.warning(
      `Could not read the activity runs of run ${it.runId} (${errorMessage(e)}); the report has no activity details.`,
    );
    // Its own reads count each level it reaches; what it cannot reach leaves the totals incomplete.
    if (billing) await cost!.readRun(it);
  }
}
