// Hands the outcome to the runner: outputs, annotations, the job summary, and the step's failure.
import * as core from '@actions/core';
import { AuthError, ServiceError, errorMessage } from '../http/errors.js';
import type { FailedActivity } from '../run/activities.js';
import { runsOutput, singleRunsOutput } from './batch-report.js';
import { outputsFor, renderSummary, trimText, type Outcome } from './report.js';
import { fitSummary } from './size-limits.js';

export function writeOutputs(outcome: Outcome): void {
  for (const [name, value] of Object.entries(outputsFor(outcome))) core.setOutput(name, value);
  core.setOutput('runs', singleRunsOutput(outcome));
}

/**
 * The step ended before any run existed (a refused start, parameters that do not fit, if-running:
 * fail, a run-id that does not exist): the outputs still say so, in the shape later steps read,
 * with `runs` holding one never-started entry as a batch would, and the reason as `message`.
 */
export function writeNoRunOutputs(pipelineName: string, reason: string): void {
  const entry = {
    pipelineName,
    runId: '',
    runUrl: '',
    started: false,
    status: '',
    failed: [],
    shown: {},
    message: reason,
  };
  const outputs: Record<string, string> = {
    'run-id': '',
    started: 'false',
    status: '',
    message: reason,
    'run-url': '',
    'run-start': '',
    'run-end': '',
    'duration-ms': '',
    'failed-activities': '[]',
    run: '',
    'return-value': '{}',
    runs: JSON.stringify(runsOutput([entry])),
  };
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

/** Fails a step that has no run, with outputs that say so (writeNoRunOutputs). */
export function failWithoutRun(pipelineName: string, reason: string): void {
  writeNoRunOutputs(pipelineName, reason);
  core.setFailed(reason);
}

export interface PublishOptions {
  jobSummary: boolean;
  prComment?: boolean;
  githubToken?: string;
}

/** Outputs, then the job summary and the pull-request comment (when asked for). */
export async function publish(outcome: Outcome, o: PublishOptions): Promise<void> {
  writeOutputs(outcome);
  if (o.jobSummary) {
    try {
      await core.summary.addRaw(fitSummary(renderSummary(outcome))).write();
    } catch (e) {
      core.warning(`Could not write the job summary: ${errorMessage(e)}`);
    }
  }
  if (o.prComment) {
    const { postPullRequestComment } = await import('./pr-comment.js');
    await postPullRequestComment(outcome, o.githubToken ?? '');
  }
}

/** One error annotation per failed activity, titled with its name (its path when nested). */
export function annotateFailures(failed: FailedActivity[]): void {
  for (const f of failed) {
    const kind = [f.failureType, f.errorCode].filter(Boolean).join(' ');
    core.error(trimText(`${kind}${kind ? ': ' : ''}${f.message || '(no message)'}`), {
      title: f.path.length > 100 ? f.name : f.path,
    });
  }
}

/** Fails the step with the error's own words, its advice, and the IDs Azure support asks for. */
export function failStep(e: unknown, op?: string, suffix = ''): void {
  core.setFailed(failureText(e, op, suffix));
}

/** What failStep says, for callers that report it elsewhere (one item of a batch). */
export function failureText(e: unknown, op?: string, suffix = ''): string {
  if (e instanceof AuthError) return `${e.message}${e.hint ? `\n${e.hint}` : ''}${suffix}`;
  if (e instanceof ServiceError) {
    const ids = e.ids ? `\n(${e.ids})` : '';
    const what = op === 'createRun' ? 'Azure refused to start the run' : `Azure answered ${e.op} with an error`;
    return `${what}: HTTP ${e.status} ${e.code}: ${e.serviceMessage}${e.hint ? `\n${e.hint}` : ''}${ids}${suffix}`;
  }
  return `${errorMessage(e)}${suffix}`;
}
