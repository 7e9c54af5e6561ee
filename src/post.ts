// The post step: runs after the job's steps, also when the job was cancelled or main was killed.
// If main did not finish handling the run, check it and cancel it when the inputs ask for it.
// Post never fails the job: by the time it runs, the outcome has been decided.
import * as core from '@actions/core';
import { isFinal } from './adf-types.js';
import { authMethodFor, type AuthMethod } from './auth/index.js';
import { cancelRun, describeCancel } from './cancel.js';
import { createClient } from './client.js';
import { studioRunUrl } from './clouds.js';
import { errorMessage } from './errors.js';
import { persist } from './persist.js';
import { describeStartup } from './startup.js';
import { loadContext, STATE, type SavedContext } from './state.js';
import { CANCEL_BUDGET_MS } from './tuning.js';

export async function post(): Promise<void> {
  core.debug(describeStartup());
  const runId = core.getState(STATE.runId);
  if (!runId) {
    core.debug('No run was started by this step; nothing to clean up.');
    return;
  }
  if (core.getState(STATE.done) === 'true') {
    core.debug(`The main step finished handling run ${runId}; nothing to clean up.`);
    return;
  }
  const context = loadContext();
  if (!context) {
    core.warning(`Run ${runId} was started, but the step's saved context is missing; check the run in ADF Studio.`);
    return;
  }
  const secret = core.getInput('client-secret');
  if (secret) core.setSecret(secret);
  const url = studioRunUrl(
    context.studioHost,
    `/subscriptions/${context.subscriptionId}/resourceGroups/${context.resourceGroup}/providers/Microsoft.DataFactory/factories/${context.factoryName}`,
    runId,
  );
  core.info(
    `The main step stopped before it finished with run ${runId} (it was cancelled or killed). Checking the run: ${url}`,
  );

  try {
    const client = createClient(authFor(context), context, { authorityHost: context.auth.authorityHost });
    // Persist through transient faults: this is the last chance to stop a run nobody watches.
    const run = await persist(() => client.getRun(runId), { until: Date.now() + CANCEL_BUDGET_MS });
    if (isFinal(run.status)) {
      core.info(`Run ${runId} has ended: ${run.status}. Nothing to cancel.`);
      return;
    }
    if (!context.cancelOnWorkflowCancel) {
      core.warning(
        `Run ${runId} is still ${run.status} and was left running (cancel-on-workflow-cancel: false). ${url}`,
      );
      return;
    }
    core.info(
      `Run ${runId} is still ${run.status}; cancelling it${context.cancelRecursive ? ' and its child pipelines' : ''}.`,
    );
    const c = await cancelRun(client, runId, { recursive: context.cancelRecursive, budgetMs: CANCEL_BUDGET_MS });
    const line = describeCancel(runId, c);
    if (c.outcome === 'failed') core.warning(line);
    else core.info(line);
  } catch (e) {
    core.warning(`Could not check or cancel run ${runId}: ${errorMessage(e)}. Check it in ADF Studio: ${url}`);
  }
}

function authFor(c: SavedContext): AuthMethod {
  return authMethodFor(c.authMode, { ...c.auth, clientSecret: core.getInput('client-secret') });
}
