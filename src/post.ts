// The post step: runs after the job's steps, also when the job was cancelled or main was killed.
// If main did not finish handling the run, check it and cancel it when the inputs ask for it.
// Post never fails the job: by the time it runs, the outcome has been decided.
import * as core from '@actions/core';
import { loadContext, STATE } from './run/state.js';
import { describeStartup } from './runtime/startup.js';

export async function post(): Promise<void> {
  core.debug(describeStartup());
  const runId = core.getState(STATE.runId);
  // Main stopped between sending createRun and its answer.
  const inFlight = core.getState(STATE.startInFlight) === 'true';
  if (!runId && inFlight) {
    core.warning(
      "The main step stopped while createRun was in flight, and this service does not let the action choose the run ID in advance, so the post step cannot tell whether a run was started. Check the pipeline's recent runs in the service's monitoring view.",
    );
    return;
  }
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
    core.warning(
      `Run ${runId} was started, but the step's saved context is missing; check the run in the service's monitoring view.`,
    );
    return;
  }
  // Signing in and talking to ARM is only loaded when there is a run to look after: the post step
  // runs at the end of every job that uses the action, and usually has nothing to do.
  const { lookAfterRun } = await import('./run/backstop.js');
  await lookAfterRun(runId, context, { startInFlight: inFlight });
}
