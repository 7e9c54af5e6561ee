// What the user sees at the end: step outputs, annotations, and the job summary. Rendering is
// pure (strings in, strings out) so it is tested without a runner.
import { formatDuration } from '../inputs/duration.js';
import { displayParameters, type ParameterDefinitions } from '../inputs/parameters.js';
import type { ActivityRow, FailedActivity } from '../run/activities.js';
import type { RunView } from '../services/service.js';

/** How the service is named in what the user reads. */
export interface ServiceLabels {
  /** "ADF", "Synapse", "Fabric" */
  shortName: string;
  /** "ADF Studio", … */
  studioName: string;
  /** Where the pipeline lives: label and Markdown text for the summary. */
  home: { label: string; text: string };
}

export interface Outcome {
  pipelineName: string;
  service: ServiceLabels;
  runId: string;
  runUrl: string;
  /** False when the step attached to (or skipped for) a run it did not start. */
  started?: boolean;
  run?: RunView;
  /** Final, or the last status seen when the wait ended otherwise. */
  status: string;
  parameters: Record<string, unknown>;
  /** The pipeline's declared parameters, when read: which values are SecureString. */
  definitions?: ParameterDefinitions;
  activities?: ActivityRow[];
  failed?: FailedActivity[];
  /** Why the step ended, when it was not the run's own end (timeout, cancellation, error). */
  note?: string;
}

export function runDurationMs(run?: RunView): number | undefined {
  return run?.durationMs;
}

export function outputsFor(o: Outcome): Record<string, string> {
  const ms = runDurationMs(o.run);
  return {
    'run-id': o.runId,
    started: String(o.started ?? true),
    status: o.status,
    message: o.run?.message ?? '',
    'run-url': o.runUrl,
    'run-start': o.run?.runStart ?? '',
    'run-end': o.run?.runEnd ?? '',
    'duration-ms': ms === undefined ? '' : String(ms),
    'failed-activities': JSON.stringify(
      (o.failed ?? []).map(({ name, type, errorCode, message, failureType, pipelineName, pipelineRunId }) => ({
        name,
        type,
        errorCode,
        message,
        failureType,
        pipelineName,
        pipelineRunId,
      })),
    ),
    run: o.run ? JSON.stringify(maskedRaw(o.run, o.definitions)) : '',
  };
}

/** The service's own run object; getRun echoes every parameter value, SecureString ones included: never pass those on. */
export function maskedRaw(run: RunView, definitions?: ParameterDefinitions): Record<string, unknown> {
  const params = run.raw.parameters;
  return params && typeof params === 'object' && !Array.isArray(params)
    ? { ...run.raw, parameters: displayParameters(params as Record<string, unknown>, definitions) }
    : run.raw;
}

const MARK: Record<string, string> = {
  Succeeded: '✅',
  Failed: '❌',
  Cancelled: '⏹️',
  Canceling: '⏹️',
  InProgress: '⏳',
  Queued: '⏳',
};

/** Trims long text at a word boundary, for annotations (the summary keeps it whole). */
export function trimText(text: string, max = 600): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}… (full text in the job summary)`;
}

/** One line per failed activity for the step's failure message. */
export function failureMessage(o: Outcome): string {
  const age = formatDuration(runDurationMs(o.run) ?? NaN);
  const lines = [`Pipeline '${o.pipelineName}' run ${o.runId} ended ${o.status}${age !== '?' ? ` after ${age}` : ''}.`];
  if (o.run?.message) lines.push(`${o.service.shortName}: ${trimText(o.run.message, 1000)}`);
  if (o.failed?.length) {
    lines.push(`Failed activities (${o.failed.length}):`);
    for (const f of o.failed) {
      lines.push(
        `  - ${f.path} (${f.type}): ${[f.failureType, f.errorCode].filter(Boolean).join(' ')}${f.errorCode || f.failureType ? ': ' : ''}${trimText(f.message, 400)}`,
      );
    }
  }
  if (o.runUrl) lines.push(`Run in ${o.service.studioName}: ${o.runUrl}`);
  return lines.join('\n');
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
const fence = (s: string) => s.replace(/```/g, '`\u200b``');

export function renderSummary(o: Outcome): string {
  const run = o.run;
  const ms = runDurationMs(run);
  const mark = MARK[o.status] ?? 'ℹ️';
  const out: string[] = [];
  out.push(`## ${mark} ${esc(o.pipelineName)}: ${o.status}`, '');
  if (o.note) out.push(`> ${esc(o.note)}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Pipeline | \`${esc(o.pipelineName)}\` |`);
  out.push(`| ${o.service.home.label} | ${o.service.home.text} |`);
  out.push(o.runUrl ? `| Run ID | [\`${o.runId}\`](${o.runUrl}) |` : `| Run ID | \`${o.runId}\` |`);
  out.push(`| Status | ${mark} ${o.status} |`);
  out.push(`| Start | ${run?.runStart ?? '–'} |`);
  out.push(`| End | ${run?.runEnd ?? '–'} |`);
  out.push(`| Duration | ${ms === undefined ? '–' : formatDuration(ms)} |`);
  if (run?.message) out.push(`| Message | ${esc(run.message)} |`);
  out.push('');

  const params = Object.keys(o.parameters);
  out.push(`<details><summary>Parameters (${params.length})</summary>`, '');
  out.push('```json', fence(JSON.stringify(o.parameters, null, 2)), '```', '', '</details>', '');

  if (o.failed?.length) {
    out.push(`### Failed activities (${o.failed.length})`, '');
    for (const f of o.failed) {
      out.push(`#### ❌ ${esc(f.path)} (${esc(f.type)})`, '');
      if (f.errorCode || f.failureType)
        out.push(`${[f.failureType, f.errorCode && `\`${f.errorCode}\``].filter(Boolean).join(' · ')}`, '');
      out.push('```text', fence(f.message || '(no message)'), '```', '');
    }
  }

  const rows = o.activities ?? [];
  if (rows.length) {
    if (rows.length > 3) out.push(...gantt(rows), '');
    out.push(`### Activity runs (${rows.length})`, '');
    out.push('| Activity | Type | Status | Start | Duration | Error |', '|---|---|---|---|---|---|');
    for (const r of rows) {
      const name = `${'&nbsp;&nbsp;'.repeat(r.depth)}${r.depth ? '↳ ' : ''}${esc(r.activityName)}`;
      const dur = typeof r.durationInMs === 'number' ? formatDuration(r.durationInMs) : '–';
      const err = r.error?.message ? esc(trimText(r.error.message, 200)) : '';
      out.push(
        `| ${name} | ${esc(r.activityType ?? '')} | ${MARK[r.status ?? ''] ?? ''} ${r.status ?? ''} | ${r.activityRunStart ?? '–'} | ${dur} | ${err} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * A Mermaid gantt chart of the activities: GitHub renders Mermaid code blocks in Markdown,
 * job summaries included. The table below it carries the same facts for anyone it fails for.
 */
const GANTT_KEYWORD =
  /^(section|title|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|click|call|weekday|weekend|inclusiveenddates|topaxis|acctitle|accdescr|displaymode)\b/i;

export function gantt(rows: ActivityRow[]): string[] {
  const timed = rows.filter((r) => r.activityRunStart && Date.parse(r.activityRunStart));
  if (timed.length < 2) return [];
  const lines = ['```mermaid', 'gantt', '  title Activity timeline', '  dateFormat x', '  axisFormat %H:%M:%S'];
  for (const r of timed.slice(0, 60)) {
    const start = Date.parse(r.activityRunStart!);
    const end = Date.parse(r.activityRunEnd ?? '') || start + (r.durationInMs ?? 0);
    const tag =
      r.status === 'Failed'
        ? 'crit, '
        : r.status === 'Succeeded'
          ? 'done, '
          : r.status === 'InProgress'
            ? 'active, '
            : '';
    // Mermaid task names may not contain ':', '#' or ';', and a name that starts with a gantt
    // keyword ("section Load", "click here") would be read as that keyword.
    let name =
      `${'· '.repeat(r.depth)}${r.activityName}`.replace(/[:#;]/g, ' ').replace(/\s+/g, ' ').trim() || 'activity';
    if (GANTT_KEYWORD.test(name)) name = `‣ ${name}`;
    lines.push(`  ${name} :${tag}${start}, ${Math.max(end, start + 1)}`);
  }
  lines.push('```');
  return lines;
}
