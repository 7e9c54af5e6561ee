// The post step: runs after the job's steps, also when the job was cancelled or main was killed.
// If main did not finish with every run, check each and cancel it when the inputs ask for it.
// Post never fails the job: by the time it runs, the outcome has been decided.
import * as core from '@actions/core';
import { isDone, loadContext, loadRuns } from './run/state.js';
import { describeStartup } from './runtime/startup.js';

export async function post(): Promise<void> {
  core.debug(describeStartup());
  if (isDone()) {
    core.debug('The main step finished handling every run; nothing to clean up.');
    return;
  }
  // A run with an ID, or a start in flight whose run the service names (Fabric): both may be going.
  const left = loadRuns().filter((r) => !r.ended && (r.runId || r.inFlight));
  if (!left.length) {
    core.debug('No unfinished run was started by this step; nothing to clean up.');
    return;
  }
  const context = loadContext();
  if (!context) {
    core.warning(
      `Runs ${left.map((r) => r.runId || `of '${r.pipelineName}'`).join(', ')} were started, but the step's saved context is missing; check them in the service's monitoring view.`,
    );
    return;
  }
  // Signing in and talking to the service is only loaded when there is a run to look after: the post
  // step runs at the end of every job that uses the action, and usually has nothing to do.
  const { lookAfterRuns } = await import('./run/backstop.js');
  await lookAfterRuns(left, context);
}

// @github/local-action (`npm run local-action`) calls an entry point's `run()`, also for --post.
export const run = post;
