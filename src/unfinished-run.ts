// What the post step does when main stopped before it finished with the run it started: check the
// run through transient faults, and cancel it if it is still going and the inputs ask for it.
import * as core from '@actions/core';
import { isFinal } from './adf-types.js';
import { authMethodFor, type AuthMethod } from './auth/index.js';
import { cancelRun, describeCancel } from './cancel.js';
import { createClient } from './client.js';
import { studioRunUrl } from './clouds.js';
import { errorMessage } from './errors.js';
import { persist } from './persist.js';
import type { SavedContext } from './state.js';
import { CANCEL_BUDGET_MS } from './tuning.js';

export async function lookAfterRun(runId: string, context: SavedContext): Promise<void> {
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
