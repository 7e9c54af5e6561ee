// The post step: runs after the job's steps, also when the job was cancelled or main was killed.
// If main did not finish handling the run, check it and cancel it when the inputs ask for it.
// Post never fails the job: by the time it runs, the outcome has been decided.
import * as core from '@actions/core';
import { loadBatch, loadContext, STATE } from './run/state.js';
import { describeStartup } from './runtime/startup.js';

export async function post(): Promise<void> {
  core.debug(describeStartup());
  const batch = loadBatch();
  if (batch) {
    await postBatch(batch);
    return;
  }
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

// @github/local-action (`npm run local-action`) calls an entry point's `run()`, also for --post.
export const run = post;
/** With `pipelines`: every run main did not finish with, in parallel. */
async function postBatch(entries: ReturnType<typeof loadBatch> & object): Promise<void> {
  if (core.getState(STATE.done) === 'true') {
    core.debug('The main step finished handling every run; nothing to clean up.');
    return;
  }
  const open = entries.filter((e) => !e.ended);
  for (const e of open.filter((x) => !x.runId && x.inFlight)) {
    core.warning(
      `[${e.pipelineName}] The main step stopped while createRun was in flight, and this service does not let the action choose the run ID in advance, so the post step cannot tell whether a run was started. Check the pipeline's recent runs in the service's monitoring view.`,
    );
  }
  const left = open.filter((e) => e.runId);
  if (!left.length) {
    core.debug('No unfinished run was started by this step; nothing to clean up.');
    return;
  }
  const context = loadContext();
  if (!context) {
    core.warning(
      `Runs ${left.map((e) => e.runId).join(', ')} were started, but the step's saved context is missing; check them in the service's monitoring view.`,
    );
    return;
  }
  const { lookAfterRuns } = await import('./run/backstop.js');
  await lookAfterRuns(
    left.map((e) => ({
      runId: e.runId,
      pipelineName: e.pipelineName,
      startInFlight: e.inFlight,
      cancel: e.cancel,
      started: e.started,
    })),
    context,
  );
}
