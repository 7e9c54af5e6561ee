// What the post step does when main stopped before it finished with its runs: check each run
// through transient faults, and cancel it if it is still going and the inputs ask for it.
import * as core from '@actions/core';
import { authMethodFor, credentialSource, type AuthMethod } from '../auth/index.js';
import { ServiceError, errorMessage } from '../http/errors.js';
import { retry } from '../http/retry.js';
import { sleep } from '../runtime/sleep.js';
import { CANCEL_BUDGET_MS, requestTimeoutMs } from '../runtime/tuning.js';
import { createService } from '../services/index.js';
import { isFinal, type RunRef, type RunView } from '../model/run.js';
import { type PipelineService } from '../services/service.js';
import { cancelRun, describeCancel } from './cancel.js';
import type { SavedContext, SavedRun } from './state.js';

/** Azure's clock and ours may differ: a run our request started may look this much older. */
const START_CLOCK_MARGIN_MS = 60_000;

/** Every run main left unfinished, in parallel, with one sign-in: each within the cancel budget. */
export async function lookAfterRuns(runs: SavedRun[], context: SavedContext): Promise<void> {
  const secret = core.getInput('client-secret');
  if (secret) core.setSecret(secret);
  let service: PipelineService;
  try {
    service = createService(context.target, credentialSource(authFor(context), context.auth.authorityHost));
  } catch (e) {
    core.warning(
      `Could not reach the service to check ${runs.map((r) => `run ${r.runId || '(unknown)'}`).join(', ')}: ${errorMessage(e)}.`,
    );
    return;
  }
  const prefix = runs.length > 1 ? (r: SavedRun) => `[${r.pipelineName}] ` : () => '';
  await Promise.all(
    runs.map(async (r) => {
      const left = r.runId ? r : await findStartedJob(service, r, prefix(r));
      if (left) await lookAfterOne(service, left, context, prefix(r));
    }),
  );
}

/**
 * Where the service picks the run ID (Fabric), a start killed in flight left no ID: the run it may
 * have started is looked for among the pipeline's runs since the request was sent, as the main step
 * does after an ambiguous start. Exactly one candidate is taken as ours; none or several are said.
 */
async function findStartedJob(service: PipelineService, r: SavedRun, p: string): Promise<SavedRun | undefined> {
  const look = `Check the pipeline's recent runs in ${service.studioName}.`;
  if (!r.sentAt) {
    core.warning(
      `${p}The main step stopped while the start of '${r.pipelineName}' was in flight, and ${service.shortName} does not let the action choose the run ID in advance, so the post step cannot tell whether a run was started. ${look}`,
    );
    return undefined;
  }
  try {
    // The start may still be at the service until its own timeout has passed: look after that.
    const settled = r.sentAt + requestTimeoutMs() + 2_000 - Date.now();
    if (settled > 0) await sleep(Math.min(settled, CANCEL_BUDGET_MS / 2));
    const since = r.sentAt - START_CLOCK_MARGIN_MS;
    const candidates = (
      await retry(
        () =>
          service.findRuns({
            pipelineName: r.pipelineName,
            after: new Date(since),
            before: new Date(Date.now() + START_CLOCK_MARGIN_MS),
          }),
        { until: Date.now() + 30_000 },
      )
    ).filter(
      (run) =>
        (!run.runStart || Date.parse(run.runStart) >= since) &&
        // A trigger's or a schedule's run is not ours; the API's start reads Manual.
        (!run.invokedByType || /manual/i.test(run.invokedByType)),
    );
    if (candidates.length === 1) {
      core.info(
        `${p}The main step stopped while the start of '${r.pipelineName}' was in flight; run ${candidates[0]!.runId} started since then and is taken as that start's run.`,
      );
      return { ...r, runId: candidates[0]!.runId, inFlight: false };
    }
    if (candidates.length) {
      core.warning(
        `${p}The main step stopped while the start of '${r.pipelineName}' was in flight, and ${candidates.length} runs started since then (${candidates.map((c) => c.runId).join(', ')}); the post step cannot tell which is this step's, so it cancels none. ${look}`,
      );
    } else {
      core.info(
        `${p}The main step stopped while the start of '${r.pipelineName}' was in flight, and no run of it started since then: nothing to clean up.`,
      );
    }
  } catch (e) {
    core.warning(
      `${p}The main step stopped while the start of '${r.pipelineName}' was in flight, and its recent runs could not be listed (${errorMessage(e)}). ${look}`,
    );
  }
  return undefined;
}

async function lookAfterOne(service: PipelineService, left: SavedRun, context: SavedContext, p: string): Promise<void> {
  const { runId } = left;
  const cancelOnWorkflowCancel = left.cancel;
  const started = left.started;
  let where = 'the service';
  try {
    const ref = { runId, pipelineName: left.pipelineName };
    const url = service.runUrl(ref);
    where = url ? `${service.studioName}: ${url}` : service.studioName;
    core.info(
      p +
        (left.inFlight
          ? `The main step stopped while createRun for run ${runId} was in flight (the run ID was chosen before sending). Checking whether the run exists${url ? `: ${url}` : '.'}`
          : `The main step stopped before it finished with run ${runId} (it was cancelled or killed). Checking the run${url ? `: ${url}` : '.'}`),
    );
    const run = left.inFlight ? await readStartedRun(service, ref) : await readRun(service, ref);
    if (!run) {
      core.info(
        `${p}There is no run ${runId}: the interrupted createRun started nothing, so there is nothing to cancel.`,
      );
      return;
    }
    if (isFinal(run.status)) {
      core.info(`${p}Run ${runId} has ended: ${run.status}. Nothing to cancel.`);
      return;
    }
    if (!cancelOnWorkflowCancel) {
      core.warning(
        p +
          (started === false
            ? `Run ${runId} is still ${run.status} and was left running: this step attached to it and did not start it (set 'cancel-on-workflow-cancel: true' to cancel attached runs).${url ? ` ${url}` : ''}`
            : `Run ${runId} is still ${run.status} and was left running (cancel-on-workflow-cancel: false).${url ? ` ${url}` : ''}`),
      );
      return;
    }
    core.info(
      `${p}Run ${runId} is still ${run.status}; cancelling it${context.cancelRecursive && service.kind !== 'fabric' ? ' and its child pipelines' : ''}.`,
    );
    const c = await cancelRun(service, ref, { recursive: context.cancelRecursive, budgetMs: CANCEL_BUDGET_MS });
    const line = p + describeCancel(runId, c, service.studioName);
    if (c.outcome === 'failed') core.warning(line);
    else core.info(line);
  } catch (e) {
    core.warning(`${p}Could not check or cancel run ${runId}: ${errorMessage(e)}. Check it in ${where}.`);
  }
}

/** Persist through transient faults: this is the last chance to stop a run nobody watches. */
function readRun(service: PipelineService, ref: RunRef): Promise<RunView> {
  return retry(() => service.getRun(ref), { until: Date.now() + CANCEL_BUDGET_MS });
}

/**
 * The run an interrupted createRun may have started. "Not found" is only believed once the request
 * could no longer be at the service: the createRun's own timeout, counted from now (a bound from
 * above, since main sent it earlier).
 */
async function readStartedRun(service: PipelineService, ref: RunRef): Promise<RunView | undefined> {
  const until = Date.now() + requestTimeoutMs() + 2_000;
  for (;;) {
    try {
      return await readRun(service, ref);
    } catch (e) {
      if (!(e instanceof ServiceError && e.status === 404)) throw e;
      if (Date.now() >= until) return undefined;
      await sleep(Math.min(2_000, until - Date.now()));
    }
  }
}

function authFor(c: SavedContext): AuthMethod {
  return authMethodFor(c.authMode, { ...c.auth, clientSecret: core.getInput('client-secret') });
}
