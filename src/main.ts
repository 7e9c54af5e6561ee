// Orchestrates one step: validate inputs, sign in, check parameters, start the run, wait, report.
// Whatever happens after createRun answers, the user learns the run's ID and fate, and the run is
// cancelled when the inputs say so.
import * as core from '@actions/core';
import { failedActivities, fetchActivityRows } from './activities.js';
import type { AdfClient } from './adf-client.js';
import { isFinal, type PipelineRun } from './adf-types.js';
import { azureCliOnPath } from './auth/azure-cli.js';
import { authSettings, chooseAuth, type AuthMethod, type AuthSettings } from './auth/index.js';
import { cancelRun, describeCancel } from './cancel.js';
import { createClient } from './client.js';
import { findCloud, studioRunUrl } from './clouds.js';
import { startRun } from './create-run.js';
import { formatDuration } from './duration.js';
import { ArmError, errorMessage } from './errors.js';
import { explainError, type AuthContext } from './explain.js';
import { InputError, readInputs, type Inputs } from './inputs.js';
import { displayParameters, secureValues, validateParameters, type ParameterDefinitions } from './parameters.js';
import { persist } from './persist.js';
import { annotateFailures, failStep, publish } from './publish.js';
import { failureMessage, type Outcome } from './report.js';
import { watchSignals } from './signals.js';
import { saveContext, STATE } from './state.js';
import { describeStartup } from './startup.js';
import { CANCEL_BUDGET_MS, CREATE_PHASE_MS, settleMs } from './tuning.js';
import { waitForRun } from './wait.js';

export async function run(): Promise<void> {
  const signals = watchSignals();
  // Mask the secret before anything could echo it, even an input error.
  const rawSecret = core.getInput('client-secret');
  if (rawSecret) core.setSecret(rawSecret);
  core.debug(describeStartup());

  let inputs: Inputs;
  try {
    inputs = await readInputs((name) => core.getInput(name));
  } catch (e) {
    core.setFailed(e instanceof InputError ? e.message : `Invalid inputs: ${errorMessage(e)}`);
    return;
  }

  let method: AuthMethod;
  try {
    const choice = chooseAuth(inputs, {
      idTokenAvailable: Boolean(process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
      azAvailable: azureCliOnPath(),
    });
    method = choice.method;
    core.info(`Signing in to ${inputs.cloud.name} with ${method.description} (${choice.reason}).`);
  } catch (e) {
    failStep(e);
    return;
  }

  const authContext: AuthContext = {
    method,
    clientId: inputs.clientId,
    tenantId: inputs.tenantId,
    audience: inputs.audience,
    cloudName: inputs.cloud.name,
    defaultAudience: findCloud(inputs.cloud.name)?.oidcAudience ?? inputs.audience,
    authorityHost: inputs.cloud.authorityHost,
  };
  const client = createClient(method, { ...inputs.cloud, ...inputs }, { authorityHost: inputs.cloud.authorityHost });
  const explain = (e: unknown) => explainError(e, { auth: authContext, client, names: inputs });

  // 1. Check the parameters against the pipeline's declaration.
  let parameters = inputs.parameters;
  let definitions: ParameterDefinitions | undefined;
  if (inputs.referenceRunId) {
    if (Object.keys(parameters).length) {
      core.warning(
        `'reference-run-id' is set, so ADF reuses that run's parameters and ignores 'parameters' and 'parameters-file'.`,
      );
    }
  } else if (inputs.validateParameters) {
    try {
      const pipeline = await persist(() => client.getPipeline(inputs.pipelineName, { abortSignal: signals.signal }), {
        until: Date.now() + 120_000,
        signal: signals.signal,
      });
      definitions = pipeline.properties?.parameters ?? {};
    } catch (e) {
      if (e instanceof ArmError && e.status === 403) {
        core.warning(
          `Cannot read the definition of pipeline '${inputs.pipelineName}' (403 ${e.code}), so its parameters are not checked before the run. Grant 'Microsoft.DataFactory/factories/pipelines/read' to enable the check, or set 'validate-parameters: false' to skip it.`,
        );
      } else {
        failStep(await explain(e));
        return;
      }
    }
    if (definitions) {
      const checked = validateParameters(definitions, parameters);
      if (checked.problems.length) {
        core.setFailed(
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
    core.setFailed('The workflow was cancelled before the run was started; nothing to clean up.');
    return;
  }

  // 2. Start the run.
  const studio = findCloud(inputs.cloud.name)!.studioHost;
  saveContext({
    subscriptionId: inputs.subscriptionId,
    resourceGroup: inputs.resourceGroup,
    factoryName: inputs.factoryName,
    pipelineName: inputs.pipelineName,
    resourceManager: inputs.cloud.resourceManager,
    studioHost: studio,
    authMode: method.mode,
    auth: withoutSecret(authSettings(inputs)),
    cancelOnWorkflowCancel: inputs.cancelOnWorkflowCancel,
    cancelRecursive: inputs.cancelRecursive,
  });
  let runId: string;
  const startedAt = Date.now();
  try {
    const started = await startRun(client, {
      pipelineName: inputs.pipelineName,
      parameters,
      flags: {
        referencePipelineRunId: inputs.referenceRunId || undefined,
        isRecovery: inputs.recovery || undefined,
        startActivityName: inputs.startActivity || undefined,
        startFromFailure: inputs.startFromFailure || undefined,
      },
      deadline: startedAt + Math.min(inputs.timeoutMs, CREATE_PHASE_MS),
      signal: signals.signal,
      settleMs: settleMs(),
      log: core,
    });
    runId = started.runId;
  } catch (e) {
    failStep(await explain(e), 'createRun');
    return;
  }
  core.saveState(STATE.runId, runId);
  const runUrl = studioRunUrl(studio, client.factoryId, runId);
  core.setOutput('run-id', runId);
  core.setOutput('run-url', runUrl);
  core.info(`Started run ${runId} of pipeline '${inputs.pipelineName}'${inputs.recovery ? ' (recovery)' : ''}.`);
  core.info(`Monitor it in ADF Studio: ${runUrl}`);

  const outcome: Outcome = {
    pipelineName: inputs.pipelineName,
    factoryName: inputs.factoryName,
    resourceGroup: inputs.resourceGroup,
    runId,
    runUrl,
    status: 'Queued',
    parameters: shown,
    definitions,
  };
  let lastRun: PipelineRun | undefined;

  try {
    if (!inputs.wait && !signals.signal.aborted) {
      lastRun = await readRun(client, runId);
      settle(outcome, lastRun);
      await finish(inputs.jobSummary, outcome);
      core.info(`Not waiting (wait: false). Status now: ${outcome.status}.`);
      return;
    }

    // 3. Wait (unless the workflow was cancelled while the run was being started).
    core.info(
      `Waiting for the run to end (timeout ${formatDuration(inputs.timeoutMs)}, poll interval ${inputs.pollInterval === 'auto' ? 'auto' : formatDuration(inputs.pollInterval)}).`,
    );
    const result = await waitForRun(client, {
      runId,
      createdAt: startedAt,
      deadline: Date.now() + inputs.timeoutMs,
      pollInterval: inputs.pollInterval,
      signal: signals.signal,
      log: core,
    });
    lastRun = result.run;

    if (result.outcome === 'final') {
      settle(outcome, result.run);
      await addActivities(client, outcome, result.run);
      await finish(inputs.jobSummary, outcome);
      if (result.run.status !== 'Succeeded') core.setFailed(failureMessage(outcome));
      else core.info(`Run ${runId} succeeded in ${formatDuration(outcomeDuration(result.run))}.`);
      return;
    }

    if (result.outcome === 'timeout') {
      core.info(
        `Timed out after ${formatDuration(inputs.timeoutMs)}; the run was last seen ${lastRun?.status ?? 'Queued'}.`,
      );
      let what: string;
      if (inputs.cancelOnTimeout) {
        const c = await cancelRun(client, runId, { recursive: inputs.cancelRecursive, budgetMs: CANCEL_BUDGET_MS });
        what = describeCancel(runId, c);
        settle(outcome, c.run ?? lastRun);
        if (c.outcome === 'already-final') {
          // It finished just as we gave up: report it as it is.
          await addActivities(client, outcome, c.run);
        }
      } else {
        settle(outcome, lastRun);
        what = `The run was left ${outcome.status} (cancel-on-timeout: false).`;
      }
      outcome.note = `The wait timed out after ${formatDuration(inputs.timeoutMs)}. ${what}`;
      await finish(inputs.jobSummary, outcome);
      core.setFailed(
        `Timed out after ${formatDuration(inputs.timeoutMs)} waiting for run ${runId} of '${inputs.pipelineName}'. ${what}\nRun in ADF Studio: ${runUrl}`,
      );
      return;
    }

    // Cancelled workflow.
    let what: string;
    if (inputs.cancelOnWorkflowCancel) {
      core.info(`Cancelling ADF run ${runId}${inputs.cancelRecursive ? ' and its child pipelines' : ''}.`);
      const c = await cancelRun(client, runId, { recursive: inputs.cancelRecursive, budgetMs: signals.budget() });
      what = describeCancel(runId, c);
      settle(outcome, c.run ?? lastRun);
    } else {
      settle(outcome, lastRun);
      what = `ADF run ${runId} was left running (cancel-on-workflow-cancel: false); it is still ${outcome.status}.`;
    }
    core.info(what);
    outcome.note = `The workflow was cancelled. ${what}`;
    await finish(inputs.jobSummary, outcome);
    core.setFailed(`The workflow was cancelled while waiting for run ${runId}. ${what}`);
  } catch (e) {
    // Our own failure after the run exists: say where the run is and what became of it.
    const err = await explain(e);
    let what = '';
    if (lastRun && isFinal(lastRun.status)) {
      what = `The run itself ended ${lastRun.status}.`;
    } else if (inputs.cancelOnWorkflowCancel) {
      const c = await cancelRun(client, runId, { recursive: inputs.cancelRecursive, budgetMs: signals.budget() });
      what = describeCancel(runId, c);
      settle(outcome, c.run ?? lastRun);
    } else {
      what = `The run was left running (cancel-on-workflow-cancel: false).`;
    }
    settle(outcome, outcome.run ?? lastRun);
    outcome.note = `The action failed: ${errorMessage(err)} ${what}`;
    await finish(inputs.jobSummary, outcome);
    failStep(err, undefined, `\nRun ${runId}: ${runUrl}\n${what}`);
  }
}

async function readRun(client: AdfClient, runId: string): Promise<PipelineRun | undefined> {
  try {
    return await persist(() => client.getRun(runId), { until: Date.now() + 60_000 });
  } catch (e) {
    core.warning(`Could not read run ${runId} (${errorMessage(e)}); reporting what is known.`);
    return undefined;
  }
}

function settle(outcome: Outcome, run: PipelineRun | undefined): void {
  if (!run) return;
  outcome.run = run;
  outcome.status = run.status;
}

function outcomeDuration(run: PipelineRun): number {
  return typeof run.durationInMs === 'number' ? run.durationInMs : NaN;
}

async function addActivities(client: AdfClient, outcome: Outcome, run: PipelineRun): Promise<void> {
  try {
    outcome.activities = await persist(() => fetchActivityRows(client, run), { until: Date.now() + 60_000 });
  } catch (e) {
    core.warning(
      `Could not read the activity runs of run ${run.runId} (${errorMessage(e)}); the report has no activity details.`,
    );
    return;
  }
  outcome.failed = failedActivities(outcome.activities);
  annotateFailures(outcome.failed);
}

/** Outputs and summary; from here on the post step has nothing to do. */
async function finish(jobSummary: boolean, outcome: Outcome): Promise<void> {
  await publish(outcome, jobSummary);
  core.saveState(STATE.done, 'true');
}

/** The secret stays in its input; the post step reads it from there again. */
function withoutSecret({ clientSecret: _secret, ...rest }: AuthSettings): Omit<AuthSettings, 'clientSecret'> {
  return rest;
}
