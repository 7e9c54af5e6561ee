// What the report needs of an ended run, read once at its end (reading activities during the wait
// would spend the read budget for nothing). One run: every activity, nested pipelines included, for
// the summary's table and timeline. A batch: a failed run's activities; a succeeded run's return
// value, which needs its own activity runs (one level, one request) only when the run lacks it.
import { errorMessage } from '../http/errors.js';
import { retry } from '../http/retry.js';
import { readReturnValue } from '../report/return-value.js';
import type { PipelineService } from '../services/service.js';
import { failedActivities, fetchActivityRows } from './activities.js';
import { refOf, type Item } from './item.js';

export async function readDetails(service: PipelineService, it: Item, everyActivity: boolean): Promise<void> {
  const run = it.run;
  if (!run || it.detailsOf === run.runId) return;
  it.detailsOf = run.runId;
  if (!everyActivity && run.status === 'Succeeded') {
    it.returnValue = readReturnValue(run);
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
  } catch (e) {
    it.returnValue = readReturnValue(run);
    it.log.warning(
      `Could not read the activity runs of run ${it.runId} (${errorMessage(e)}); the report has no activity details.`,
    );
  }
}
