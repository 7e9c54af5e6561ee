// What the post step does when main stopped before it finished with the run it started: check the
// run through transient faults, and cancel it if it is still going and the inputs ask for it.
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
import type { SavedContext } from './state.js';

export async function lookAfterRun(
  runId: string,
  context: SavedContext,
  o: { startInFlight?: boolean } = {},
): Promise<void> {
  await lookAfterRuns([{ runId, pipelineName: context.pipelineName, startInFlight: o.startInFlight }], context);
}

/** One run the post step looks after; `cancel` overrides the context's choice (a batch decides per run). */
export interface LeftRun {
  runId: string;
  pipelineName: string;
  startInFlight?: boolean;
  cancel?: boolean;
  started?: boolean;
}

/** Every run main left unfinished, in parallel, with one sign-in: each within the cancel budget. */
export async function lookAfterRuns(runs: LeftRun[], context: SavedContext): Promise<void> {
  const secret = core.getInput('client-secret');
  if (secret) core.setSecret(secret);
  let service: PipelineService;
  try {
    service = createService(context.target, credentialSource(authFor(context), context.auth.authorityHost));
  } catch (e) {
    core.warning(
      `Could not reach the service to check ${runs.map((r) => `run ${r.runId}`).join(', ')}: ${errorMessage(e)}.`,
    );
    return;
  }
  const prefix = runs.length > 1 ? (r: LeftRun) => `[${r.pipelineName}] ` : () => '';
  await Promise.all(runs.map((r) => lookAfterOne(service, r, context, prefix(r))));
}

async function lookAfterOne(service: PipelineService, left: LeftRun, context: SavedContext, p: string): Promise<void> {
  const { runId } = left;
  const cancelOnWorkflowCancel = left.cancel ?? context.cancelOnWorkflowCancel;
  const started = left.started ?? context.started;
  let where = 'the service';
  try {
    const ref = { runId, pipelineName: left.pipelineName };
    const url = service.runUrl(ref);
    where = url ? `${service.studioName}: ${url}` : service.studioName;
    core.info(
      p +
        (left.startInFlight
          ? `The main step stopped while createRun for run ${runId} was in flight (the run ID was chosen before sending). Checking whether the run exists${url ? `: ${url}` : '.'}`
          : `The main step stopped before it finished with run ${runId} (it was cancelled or killed). Checking the run${url ? `: ${url}` : '.'}`),
    );
    const run = left.startInFlight ? await readStartedRun(service, ref) : await readRun(service, ref);
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
      `${p}Run ${runId} is still ${run.status}; cancelling it${context.cancelRecursive ? ' and its child pipelines' : ''}.`,
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
