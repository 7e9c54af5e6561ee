// What the post step does when main stopped before it finished with the run it started: check the
// run through transient faults, and cancel it if it is still going and the inputs ask for it.
import * as core from '@actions/core';
import { authMethodFor, type AuthMethod } from '../auth/index.js';
import { errorMessage } from '../http/errors.js';
import { retry } from '../http/retry.js';
import { CANCEL_BUDGET_MS } from '../runtime/tuning.js';
import { createService } from '../services/index.js';
import { isFinal } from '../services/service.js';
import { cancelRun, describeCancel } from './cancel.js';
import type { SavedContext } from './state.js';

export async function lookAfterRun(runId: string, context: SavedContext): Promise<void> {
  const secret = core.getInput('client-secret');
  if (secret) core.setSecret(secret);
  let where = 'the service';
  try {
    const service = createService(context.target, authFor(context), { authorityHost: context.auth.authorityHost });
    const ref = { runId, pipelineName: context.pipelineName };
    const url = service.runUrl(ref);
    where = url ? `${service.studioName}: ${url}` : service.studioName;
    core.info(
      `The main step stopped before it finished with run ${runId} (it was cancelled or killed). Checking the run${url ? `: ${url}` : '.'}`,
    );
    // Persist through transient faults: this is the last chance to stop a run nobody watches.
    const run = await retry(() => service.getRun(ref), { until: Date.now() + CANCEL_BUDGET_MS });
    if (isFinal(run.status)) {
      core.info(`Run ${runId} has ended: ${run.status}. Nothing to cancel.`);
      return;
    }
    if (!context.cancelOnWorkflowCancel) {
      core.warning(
        `Run ${runId} is still ${run.status} and was left running (cancel-on-workflow-cancel: false).${url ? ` ${url}` : ''}`,
      );
      return;
    }
    core.info(
      `Run ${runId} is still ${run.status}; cancelling it${context.cancelRecursive ? ' and its child pipelines' : ''}.`,
    );
    const c = await cancelRun(service, ref, { recursive: context.cancelRecursive, budgetMs: CANCEL_BUDGET_MS });
    const line = describeCancel(runId, c, service.studioName);
    if (c.outcome === 'failed') core.warning(line);
    else core.info(line);
  } catch (e) {
    core.warning(`Could not check or cancel run ${runId}: ${errorMessage(e)}. Check it in ${where}.`);
  }
}

function authFor(c: SavedContext): AuthMethod {
  return authMethodFor(c.authMode, { ...c.auth, clientSecret: core.getInput('client-secret') });
}
