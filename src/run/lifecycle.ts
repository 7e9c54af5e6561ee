// The run lifecycle, written once for every service: check the parameters, start the run without
// duplicates, wait through faults, cancel when asked, report. Whatever happens after the start
// answers, the user learns the run's ID and fate, and the run is cancelled when the inputs say so.
import * as core from '@actions/core';
import { explainAuthError, type AuthContext } from '../auth/explain.js';
import { isSignInError } from '../http/sign-in-errors.js';
import { ServiceError, errorMessage, unknownHost } from '../http/errors.js';
import { retry } from '../http/retry.js';
import { formatDuration } from '../inputs/duration.js';
import { cancelFor, type Inputs } from '../inputs/inputs.js';
import { displayParameters, secureValues, validateParameters } from '../inputs/parameters.js';
import { type ParameterDefinitions } from '../model/parameters.js';
import { annotateFailures, failStep, failWithoutRun, failureText, publish } from '../report/publish.js';
import { describeUsual, failureMessage, type Outcome } from '../report/report.js';
import { CANCEL_BUDGET_MS } from '../runtime/tuning.js';
import { isFinal, type RunRef, type RunView } from '../model/run.js';
import { type PipelineService } from '../services/service.js';
import { failedActivities, fetchActivityRows } from './activities.js';
import { readUsualDuration } from './history.js';
import { cancelRun } from './cancel.js';
import { decide, type CancelResult, type Ending } from './endings.js';
import type { Signals } from './signals.js';
import { beginRun } from './run-control.js';
import { STATE } from './state.js';
import { waitForRun } from './wait.js';

export type LifecycleInputs = Pick<
  Inputs,
  | 'pipelineName'
  | 'parameters'
  | 'referenceRunId'
  | 'recovery'
  | 'startActivity'
  | 'startFromFailure'
  | 'validateParameters'
  | 'wait'
  | 'timeoutMs'
  | 'pollInterval'
  | 'cancelOnTimeout'
  | 'cancelOnWorkflowCancel'
  | 'cancelRecursive'
  | 'jobSummary'
  | 'runId'
  | 'ifRunning'
  | 'prComment'
  | 'githubToken'
>;

export interface Lifecycle {
  service: PipelineService;
  inputs: LifecycleInputs;
  signals: Signals;
  auth: AuthContext;
  /** Called once the run is about to be started or attached to, to save what the post step needs. */
  beforeStart(started: boolean): void;
}

/** Adds what to do to any error the step may fail with. */
export async function explain(e: unknown, l: Pick<Lifecycle, 'service' | 'auth' | 'inputs'>): Promise<Error> {
  if (isSignInError(e)) return explainAuthError(e, l.auth);
  if (e instanceof ServiceError) {
    try {
      await l.service.explain(e, l.inputs.pipelineName);
    } catch {
      // The diagnosis is a courtesy; the error stands without it.
    }
    return e;
  }
  const host = unknownHost(e);
  if (host) {
    return new Error(
      `${errorMessage(e)}\nThe host '${host}' does not exist (DNS has no such name). Check the inputs that name the service's endpoint ('environment', 'resource-manager-endpoint', 'service-endpoint', 'workspace') for a typo, and that the runner can resolve it (private endpoints need the private DNS zone).`,
      { cause: e },
    );
  }
  return e instanceof Error ? e : new Error(String(e));
}

export async function runLifecycle(l: Lifecycle): Promise<void> {
  const { service, inputs, signals } = l;
  const why = (e: unknown) => explain(e, l);
  // Until a run exists, every way out fails the step with outputs that say no run was started.
  const noRun = (reason: string) => failWithoutRun(inputs.pipelineName, reason);

  // 1. Check the parameters against the pipeline's declaration.
  let parameters = inputs.parameters;
  let definitions: ParameterDefinitions | undefined;
  try {
    if (inputs.pipelineName) await service.prepare?.(inputs.pipelineName, { abortSignal: signals.signal });
  } catch (e) {
    noRun(failureText(await why(e)));
    return;
  }
  if (inputs.referenceRunId) {
    if (Object.keys(parameters).length) {
      core.warning(
        `'reference-run-id' is set, so ${service.shortName} reuses that run's parameters and ignores 'parameters' and 'parameters-file'.`,
      );
    }
  } else if (inputs.validateParameters && !inputs.runId) {
    try {
      const read = await retry(() => service.readDefinition(inputs.pipelineName, { abortSignal: signals.signal }), {
        until: Date.now() + 120_000,
        signal: signals.signal,
      });
      if ('unavailable' in read) {
        // A service without definitions is no fault: say so once, and only when it matters.
        if (read.level !== 'notice') core.warning(read.unavailable);
        else if (Object.keys(parameters).length) core.notice(read.unavailable);
      } else definitions = read.definitions;
    } catch (e) {
      noRun(failureText(await why(e)));
      return;
    }
    if (definitions) {
      const checked = validateParameters(definitions, parameters);
      if (checked.problems.length) {
        noRun(
          `The parameters do not fit pipeline '${inputs.pipelineName}' (no run was started):\n${checked.problems.map((p) => `  - ${p}`).join('\n')}`,
        );
        return;
      }
      for (const c of checked.conversions) core.info(`Converted parameter ${c}.`);
      parameters = checked.values;
    }
  }
  for (const secret of secureValues(parameters, definitions)) core.setSecret(secret);
  const shown = displayParameters(parameters, definitions);
  if (Object.keys(parameters).length) core.info(`Parameters: ${JSON.stringify(shown)}`);
  if (signals.signal.aborted) {
    noRun('The workflow was cancelled before the run was started; nothing to clean up.');
    return;
  }

  // 2. Start the run (exactly once), or find the one to wait for (run-id, if-running).
  const begun = await beginRun({ ...l, why, fail: noRun }, parameters);
  if (!begun) return;
  const { runId, pipelineName, started } = begun;
  const ref: RunRef = { runId, pipelineName };
  const runUrl = service.runUrl(ref);
  core.setOutput('run-id', runId);
  core.setOutput('run-url', runUrl);
  core.setOutput('started', String(started));
  if (runUrl) core.info(`Monitor it in ${service.studioName}: ${runUrl}`);

  const outcome: Outcome = {
    pipelineName,
    started,
    service,
    runId,
    runUrl,
    status: 'Queued',
    parameters: shown,
    definitions,
  };
  // The last run read, whoever read it: a failure later must not report a stale status.
  let lastRun: RunView | undefined;
  const seen = (run: RunView | undefined) => {
    if (!run) return;
    lastRun = run;
    outcome.run = run;
    outcome.status = run.status;
  };
  const ctx = { runId, pipelineName, runUrl, studioName: service.studioName, attached: !started };
  // `cancel-on-*` resolved for this run: '' cancels runs this step started, not those it attached to.
  const cancelOnTimeout = cancelFor(inputs.cancelOnTimeout, started);
  const cancelOnWorkflowCancel = cancelFor(inputs.cancelOnWorkflowCancel, started);
  const cancel = async (asked: boolean, input: string, budgetMs: number): Promise<CancelResult> => {
    if (!asked) return { outcome: 'not-asked', input };
    const c = await cancelRun(service, ref, { recursive: inputs.cancelRecursive, budgetMs });
    seen(c.run);
    return c;
  };

  try {
    if (begun.skipped) {
      seen(begun.run);
      await finish(inputs, outcome, true);
      core.info(`Not waiting (if-running: skip). Status now: ${outcome.status}.`);
      return;
    }
    if (!inputs.wait && !signals.signal.aborted) {
      seen(await readRun(service, ref));
      await finish(inputs, outcome, true);
      core.info(`Not waiting (wait: false). Status now: ${outcome.status}.`);
      return;
    }

    // 3. Wait (unless the workflow was cancelled while the run was being started).
    core.info(
      `Waiting for the run to end (timeout ${formatDuration(inputs.timeoutMs)}, poll interval ${inputs.pollInterval === 'auto' ? 'auto' : formatDuration(inputs.pollInterval)}).`,
    );
    // One query of the pipeline's recent successful runs says how long it usually takes (after the
    // start, so it never mixes with the start's own look for duplicates).
    outcome.usual = await readUsualDuration(service, pipelineName, { signal: signals.signal, log: core });
    if (outcome.usual) core.info(`Runs of '${pipelineName}' usually take ${describeUsual(outcome.usual)}.`);
    const result = await waitForRun(service, {
      run: ref,
      usual: outcome.usual,
      activities: () => service.listActivityRuns({ ...ref, runStart: lastRun?.runStart }),
      createdAt: begun.createdAt,
      deadline: begun.deadline,
      initial: begun.run,
      pollInterval: inputs.pollInterval,
      signal: signals.signal,
      log: core,
      onRun: seen,
    });
    seen(result.run);

    let ending: Ending;
    if (result.outcome === 'final') {
      ending = { kind: 'final', status: result.run.status };
    } else if (result.outcome === 'timeout') {
      core.info(
        `Timed out after ${formatDuration(inputs.timeoutMs)}; the run was last seen ${lastRun?.status ?? 'Queued'}.`,
      );
      ending = {
        kind: 'timeout',
        timeoutMs: inputs.timeoutMs,
        lastStatus: outcome.status,
        cancel: await cancel(cancelOnTimeout, 'cancel-on-timeout', CANCEL_BUDGET_MS),
      };
    } else {
      if (cancelOnWorkflowCancel) {
        core.info(
          `Cancelling ${service.shortName} run ${runId}${inputs.cancelRecursive ? ' and its child pipelines' : ''}.`,
        );
      }
      const c = await cancel(cancelOnWorkflowCancel, 'cancel-on-workflow-cancel', signals.budget());
      ending = { kind: 'cancelled', lastStatus: outcome.status, cancel: c };
    }
    await end(ending);
  } catch (e) {
    // Our own failure after the run exists: say where the run is and what became of it.
    const err = await why(e);
    const c: CancelResult | { outcome: 'run-ended' } =
      lastRun && isFinal(lastRun.status)
        ? { outcome: 'run-ended' }
        : await cancel(cancelOnWorkflowCancel, 'cancel-on-workflow-cancel', signals.budget());
    const d = decide({ kind: 'error', error: errorMessage(err), lastStatus: outcome.status, cancel: c }, ctx);
    outcome.note = d.note;
    await finish(inputs, outcome, d.handled);
    failStep(err, undefined, d.message);
  }

  async function end(ending: Ending): Promise<void> {
    const d = decide(ending, ctx);
    if (d.note) outcome.note = d.note;
    if (d.reportRun && lastRun) await addActivities(service, outcome, lastRun);
    await finish(inputs, outcome, d.handled);
    if (ending.kind === 'final') {
      if (d.fail) core.setFailed(failureMessage(outcome));
      // The duration was told once, when the run ended (and is in the outputs and the summary).
      else core.info(`Run ${runId} succeeded.`);
      return;
    }
    if (d.log) core.info(d.log);
    if (d.fail) core.setFailed(d.message);
    else core.info(d.message);
  }
}

async function readRun(service: PipelineService, ref: RunRef): Promise<RunView | undefined> {
  try {
    return await retry(() => service.getRun(ref), { until: Date.now() + 60_000 });
  } catch (e) {
    core.warning(`Could not read run ${ref.runId} (${errorMessage(e)}); reporting what is known.`);
    return undefined;
  }
}

async function addActivities(service: PipelineService, outcome: Outcome, run: RunView): Promise<void> {
  try {
    outcome.activities = await retry(() => fetchActivityRows(service, run), { until: Date.now() + 60_000 });
  } catch (e) {
    core.warning(
      `Could not read the activity runs of run ${run.runId} (${errorMessage(e)}); the report has no activity details.`,
    );
    return;
  }
  outcome.failed = failedActivities(outcome.activities);
  annotateFailures(outcome.failed);
}

/**
 * Outputs and summary. When the run is handled (ended, cancelled, or to be left alone), the post
 * step has nothing to do; when a cancel we were asked for failed, it tries again.
 */
async function finish(inputs: LifecycleInputs, outcome: Outcome, handled: boolean): Promise<void> {
  await publish(outcome, inputs);
  if (handled) core.saveState(STATE.done, 'true');
}
