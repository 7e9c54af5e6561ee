// The one module that hands results to the runner through @actions/core: outputs, annotations,
// the job summary, the pull-request comment and the step's failure. Everything it writes is
// rendered by the pure functions beside it.
import * as core from '@actions/core';
import { AuthError, ServiceError, errorMessage } from '../http/errors.js';
import { endedAsWanted, type RunResult, type StepResult } from '../model/result.js';
import { closingLine, stepFailure } from './messages.js';
import { echoedSecrets, outputsOf } from './outputs.js';
import { fitSummary } from './size-limits.js';
import { renderSummary } from './summary.js';
import { trimText } from './text.js';

export interface PublishOptions {
  jobSummary: boolean;
  prComment?: boolean;
  githubToken?: string;
}

/** One error annotation per failed activity, titled with its path (and its pipeline in a batch). */
export function annotationsOf(step: StepResult): Array<{ message: string; title: string }> {
  return step.runs.flatMap((r) =>
    r.failed.map((f) => {
      const kind = [f.failureType, f.errorCode].filter(Boolean).join(' ');
      const path = f.path.length > 100 ? f.name : f.path;
      return {
        message: trimText(`${kind}${kind ? ': ' : ''}${f.message || '(no message)'}`),
        title: step.batch ? `${r.pipelineName} › ${path}` : path,
      };
    }),
  );
}

/** As soon as a single run exists: its ID and link, so a step killed while waiting still says them. */
export function announceRun(r: Pick<RunResult, 'runId' | 'runUrl' | 'started'>): void {
  core.setOutput('run-id', r.runId);
  core.setOutput('run-url', r.runUrl);
  core.setOutput('started', String(r.started));
}

/** Outputs, annotations, summary, comment; then the step fails or says its closing line. */
export async function publishStep(step: StepResult, o: PublishOptions): Promise<void> {
  // The services echo every parameter value, SecureString ones included (a run the step attached
  // to, a rerun's reference parameters): registered before anything is written, so none shows.
  for (const r of step.runs) for (const secret of echoedSecrets(r)) core.setSecret(secret);
  for (const [name, value] of Object.entries(outputsOf(step))) core.setOutput(name, value);
  for (const a of annotationsOf(step)) core.error(a.message, { title: a.title });
  // A step that started nothing has no run to summarise (a batch still lists what it meant to run).
  if (o.jobSummary && (step.batch || step.runs.some((r) => r.runId))) {
    try {
      await core.summary.addRaw(fitSummary(renderSummary(step))).write();
    } catch (e) {
      core.warning(`Could not write the job summary: ${errorMessage(e)}`);
    }
  }
  if (o.prComment && step.runs.some((r) => r.runId)) {
    const { postPullRequestComment } = await import('./pr-comment.js');
    await postPullRequestComment(step, o.githubToken ?? '');
  }
  const failure = stepFailure(step);
  if (failure) core.setFailed(failure);
  else if (step.runs.every(endedAsWanted)) core.info(closingLine(step));
}

/** Fails the step before any service is reached (invalid inputs, no way to sign in). */
export function failStep(e: unknown): void {
  core.setFailed(failureText(e));
}

/** The error's own words, its advice, and the IDs Azure support asks for. */
export function failureText(e: unknown, op?: string, suffix = ''): string {
  if (e instanceof AuthError) return `${e.message}${e.hint ? `\n${e.hint}` : ''}${suffix}`;
  if (e instanceof ServiceError) {
    const ids = e.ids ? `\n(${e.ids})` : '';
    const what = op === 'createRun' ? 'Azure refused to start the run' : `Azure answered ${e.op} with an error`;
    return `${what}: HTTP ${e.status} ${e.code}: ${e.serviceMessage}${e.hint ? `\n${e.hint}` : ''}${ids}${suffix}`;
  }
  return `${errorMessage(e)}${suffix}`;
}
