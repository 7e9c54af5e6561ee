// The report of a batch (`pipelines`): the `runs` output in input order, the aggregate outputs,
// one summary table with a row per run and each failed run's activities below it, and one
// annotation per failed activity titled with its pipeline and activity.
import * as core from '@actions/core';
import { formatDuration } from '../inputs/duration.js';
import type { ParameterDefinitions } from '../inputs/parameters.js';
import type { FailedActivity } from '../run/activities.js';
import type { PipelineService, RunView } from '../services/service.js';
import { returnValueOf, trimText, type Outcome } from './report.js';
import type { ReturnValue } from './return-value.js';
import { fitSummary } from './size-limits.js';

export interface BatchRun {
  pipelineName: string;
  runId: string;
  runUrl: string;
  /** The step started it (false: attached by if-running, skipped, or never started). */
  started: boolean;
  /** '' while never started. */
  status: string;
  message?: string;
  run?: RunView;
  failed: FailedActivity[];
  /** Read once the run ended Succeeded; absent otherwise (the output is then `{}`). */
  returnValue?: ReturnValue;
  shown: Record<string, unknown>;
  definitions?: ParameterDefinitions;
  /** if-running: skip found a run. */
  skipped?: boolean;
  /** wait: false. */
  noWait?: boolean;
  /** The start failed with this. */
  error?: string;
  /** Why it ended as it did when it was not its own end (cancelled, not started). */
  note?: string;
}

/** The contract's order: the first of these that any run has, unless every run succeeded. */
const AGGREGATE = ['Failed', 'Cancelled', 'Canceling', 'InProgress', 'Queued'];
const MARK: Record<string, string> = {
  Succeeded: '✅',
  Failed: '❌',
  Cancelled: '⛔',
  Canceling: '⏳',
  InProgress: '⏳',
  Queued: '🕒',
};

export function aggregateStatus(runs: BatchRun[]): string {
  if (runs.every((r) => r.status === 'Succeeded')) return 'Succeeded';
  for (const s of AGGREGATE) if (runs.some((r) => r.status === s)) return s;
  return 'Failed';
}

const durationOf = (r: BatchRun): number | null => {
  const run = r.run;
  if (typeof run?.durationMs === 'number') return run.durationMs;
  if (run?.runStart && run.runEnd) return Date.parse(run.runEnd) - Date.parse(run.runStart);
  return null;
};

export function runsOutput(runs: BatchRun[]): Record<string, unknown>[] {
  return runs.map((r) => ({
    pipeline: r.pipelineName,
    'run-id': r.runId,
    status: r.status,
    message: r.run?.message || r.message || r.note || '',
    'run-url': r.runUrl,
    'run-start': r.run?.runStart ?? '',
    'run-end': r.run?.runEnd ?? '',
    'duration-ms': durationOf(r),
    'failed-activities': r.failed.map(failedOutput),
    'return-value': r.status === 'Succeeded' ? (r.returnValue?.value ?? {}) : {},
    started: r.started && Boolean(r.runId),
  }));
}

const failedOutput = (f: FailedActivity) => ({
  name: f.name,
  type: f.type,
  errorCode: f.errorCode,
  message: f.message,
  failureType: f.failureType,
  pipelineName: f.pipelineName,
  pipelineRunId: f.pipelineRunId,
});

/** A run that did not end as the step wants, as one line naming its pipeline. */
function failingLine(r: BatchRun): string | undefined {
  if (r.status === 'Succeeded' || (r.skipped && r.run) || (r.noWait && r.runId)) return undefined;
  const why = r.error ?? (r.run?.message || r.note || '');
  return `${r.pipelineName}: ${r.status || 'not started'}${why ? `: ${trimText(why, 300).replace(/\s*\n\s*/g, ' ')}` : ''}`;
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const fence = (s: string) => s.replace(/```/g, '`\u200b``');

/**
 * The batch's one table, a row per run (status, duration, link), for the summary and the
 * pull-request comment; `notes` adds why a run ended as it did to its status.
 */
export function runTable(runs: BatchRun[], marks: Record<string, string>, notes = false): string[] {
  const rows = ['| Pipeline | Status | Duration | Run |', '|---|---|---|---|'];
  for (const r of runs) {
    const ms = durationOf(r);
    const id = r.runId ? (r.runUrl ? `[\`${r.runId}\`](${r.runUrl})` : `\`${r.runId}\``) : '–';
    const note = notes && r.note ? ` (${esc(r.note)})` : '';
    rows.push(
      `| \`${esc(r.pipelineName)}\` | ${marks[r.status] ?? ''} ${r.status || 'not started'}${note} | ${ms === null ? '–' : formatDuration(ms)} | ${id} |`,
    );
  }
  return rows;
}

export function renderBatchSummary(runs: BatchRun[], service: PipelineService): string {
  const status = aggregateStatus(runs);
  const out: string[] = [];
  out.push(`## ${MARK[status] ?? 'ℹ️'} ${runs.length} pipelines: ${status}`, '');
  out.push(`${service.home.label}: ${service.home.text}`, '');
  out.push(...runTable(runs, MARK, true), '');
  for (const r of runs) {
    const line = failingLine(r);
    if (!line) continue;
    out.push(`### ❌ ${esc(r.pipelineName)}: ${r.status || 'not started'}`, '');
    const message = r.error ?? r.run?.message ?? '';
    if (message) out.push('```text', fence(trimText(message, 2000)), '```', '');
    for (const f of r.failed) {
      out.push(`#### ❌ ${esc(f.path)} (${esc(f.type)})`, '');
      if (f.errorCode || f.failureType)
        out.push(`${[f.failureType, f.errorCode && `\`${f.errorCode}\``].filter(Boolean).join(' · ')}`, '');
      out.push('```text', fence(f.message || '(no message)'), '```', '');
    }
  }
  const returned = runs.filter((r) => r.status === 'Succeeded' && r.returnValue?.source);
  if (returned.length) {
    out.push(`### Return values (${returned.length})`, '');
    for (const r of returned) {
      out.push(`#### \`${esc(r.pipelineName)}\``, '', `Read from ${r.returnValue!.source}.`, '');
      out.push('```json', fence(JSON.stringify(r.returnValue!.value, null, 2)), '```', '');
    }
  }
  return out.join('\n');
}

export interface BatchPublishOptions {
  jobSummary: boolean;
  prComment?: boolean;
  githubToken?: string;
}

/** Outputs, annotations, the summary and the pull-request comment; returns the failing runs' lines (the step's message). */
export async function publishBatch(
  runs: BatchRun[],
  service: PipelineService,
  o: BatchPublishOptions,
): Promise<string[]> {
  const failing = runs.map(failingLine).filter((l): l is string => Boolean(l));
  core.setOutput('runs', JSON.stringify(runsOutput(runs)));
  core.setOutput('status', aggregateStatus(runs));
  core.setOutput('message', failing.join('\n'));
  core.setOutput('failed-activities', JSON.stringify(runs.flatMap((r) => r.failed.map(failedOutput))));
  core.setOutput('started', String(runs.every((r) => r.started && Boolean(r.runId))));
  // The single run's outputs say nothing for a batch.
  for (const name of ['run-id', 'run-url', 'run-start', 'run-end', 'duration-ms', 'run', 'return-value'])
    core.setOutput(name, '');
  for (const r of runs) {
    for (const f of r.failed) {
      const kind = [f.failureType, f.errorCode].filter(Boolean).join(' ');
      core.error(trimText(`${kind}${kind ? ': ' : ''}${f.message || '(no message)'}`), {
        title: `${r.pipelineName} › ${f.path.length > 100 ? f.name : f.path}`,
      });
    }
  }
  if (o.jobSummary) {
    try {
      await core.summary.addRaw(fitSummary(renderBatchSummary(runs, service))).write();
    } catch (e) {
      core.warning(`Could not write the job summary: ${(e as Error).message}`);
    }
  }
  if (o.prComment) {
    const { postBatchComment } = await import('./pr-comment.js');
    await postBatchComment(runs, service, o.githubToken ?? '');
  }
  return failing;
}

/** `runs` of a single-run step: one element, the same fields as a batch's. */
export function singleRunsOutput(o: Outcome): string {
  return JSON.stringify(
    runsOutput([
      {
        pipelineName: o.pipelineName,
        runId: o.runId,
        runUrl: o.runUrl,
        started: o.started ?? true,
        status: o.status,
        run: o.run,
        failed: o.failed ?? [],
        returnValue: returnValueOf(o),
        shown: o.parameters,
        note: o.note,
      },
    ]),
  );
}
