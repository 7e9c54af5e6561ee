// What the step says last: its failure message (what to fix first, the service's own words after)
// or its closing line. Pure.
import { formatDuration } from '../inputs/duration.js';
import { endedAsWanted, type RunResult, type ServiceLabels, type StepResult } from '../model/result.js';
import { failingLine } from './outputs.js';
import { trimText } from './text.js';

/** A run that ended other than Succeeded: one line per failed activity, then the link. */
export function runFailureMessage(r: RunResult, service: ServiceLabels): string {
  const age = formatDuration(r.run?.durationMs ?? NaN);
  const lines = [`Pipeline '${r.pipelineName}' run ${r.runId} ended ${r.status}${age !== '?' ? ` after ${age}` : ''}.`];
  if (r.failed.length) {
    lines.push(`Failed activities (${r.failed.length}):`);
    for (const f of r.failed) {
      lines.push(
        `  - ${f.path} (${f.type}): ${[f.failureType, f.errorCode].filter(Boolean).join(' ')}${f.errorCode || f.failureType ? ': ' : ''}${trimText(f.message, 400)}`,
      );
    }
  }
  if (r.run?.message) lines.push(`${service.shortName}: ${trimText(r.run.message, 1000)}`);
  if (r.runUrl) lines.push(`Run in ${service.studioName}: ${r.runUrl}`);
  return lines.join('\n');
}

/** The step's failure message, or '' when it succeeds. */
export function stepFailure(step: StepResult): string {
  if (!step.batch) {
    const r = step.runs[0]!;
    if (!r.runId) return step.error ?? r.error ?? 'No run was started.';
    if (step.stop === 'error') return `${step.error ?? 'The action failed.'}${r.ending?.message ?? ''}`;
    if (r.ending) return r.ending.fail ? r.ending.message : '';
    return endedAsWanted(r) ? '' : runFailureMessage(r, step.service);
  }
  const failing = step.runs.map(failingLine).filter((l): l is string => Boolean(l));
  const list = failing.join('\n');
  // Every run ended as wanted (one may have ended as the wait timed out): the step succeeds.
  if (!failing.length && step.stop !== 'error') return '';
  switch (step.stop) {
    case 'error':
      return `${step.error ?? 'The action failed.'}\n${list}`;
    case 'timeout':
      return `Timed out after ${formatDuration(step.timeoutMs)} waiting for the runs.\n${list}`;
    case 'cancelled':
      return `The workflow was cancelled while waiting for the runs.\n${list}`;
    default:
      if (step.error && !step.runs.some((r) => r.runId)) return step.error;
      return failing.length ? `${failing.length} of ${step.runs.length} pipeline(s) did not succeed:\n${list}` : '';
  }
}

/** The closing log line of a step that succeeded. */
export function closingLine(step: StepResult): string {
  if (step.batch) return `All ${step.runs.length} pipeline(s) succeeded in ${formatDuration(step.elapsedMs)}.`;
  const r = step.runs[0]!;
  if (r.ending) return r.ending.message;
  if (r.skipped) return `Not waiting (if-running: skip). Status now: ${r.status}.`;
  if (r.noWait) return `Not waiting (wait: false). Status now: ${r.status}.`;
  return `Run ${r.runId} succeeded.`;
}
