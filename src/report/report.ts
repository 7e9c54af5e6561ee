// What the user sees at the end: step outputs, annotations, and the job summary. Rendering is
// pure (strings in, strings out) so it is tested without a runner.
import { formatDuration } from '../inputs/duration.js';
import { displayParameters } from '../inputs/parameters.js';
import { type ParameterDefinitions } from '../model/parameters.js';
import type { ActivityRow, FailedActivity } from '../run/activities.js';
import type { UsualDuration } from '../run/schedule.js';
import type { RunView } from '../model/run.js';
import { readReturnValue, type ReturnValue } from './return-value.js';

/** How the service is named in what the user reads. */
export interface ServiceLabels {
  /** 'data-factory', …: names the service in the pull-request comment's marker. */
  kind?: string;
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
  /** How long the pipeline's runs usually take, when its history says. */
  usual?: UsualDuration;
}

/** The run's return value (`{}` unless it succeeded and set one). */
export function returnValueOf(o: Outcome): ReturnValue {
  return readReturnValue(o.run, o.activities);
}

/** "4m (3m 30s–5m, from 12 runs)" */
export function describeUsual(u: UsualDuration): string {
  return `${formatDuration(u.medianMs)} (${formatDuration(u.lowMs)}–${formatDuration(u.highMs)}, from ${u.runs} runs)`;
}

/** ADF's 7-digit timestamps as people read them: "2024-06-01 12:00:03" (UTC). */
export function readableUtc(iso: string | undefined, timeOnly = false): string {
  if (!iso) return '';
  const ms = Date.parse(iso.replace(/(\.\d{3})\d+/, '$1'));
  if (!Number.isFinite(ms)) return iso;
  const t = new Date(ms).toISOString();
  return timeOnly ? t.slice(11, 19) : `${t.slice(0, 10)} ${t.slice(11, 19)}`;
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
    'return-value': JSON.stringify(returnValueOf(o).value),
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
export function trimText(text: string, max = 600, more = ' (full text in the job summary)'): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…${more}`;
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
/** Text that Markdown must show as it is, and wrap: HTML and Markdown punctuation escaped. */
export const mdText = (s: string) =>
  s
    .replace(/[\\`*_[\]<>~&#]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/^(\s*)([-+]|\d+[.)])(\s)/gm, '$1\\$2$3');
/**
 * Long words (ADF's `ErrorCode=…,'Type=…` runs) would stretch a table past the page and make it
 * scroll sideways: a zero-width space after their `,` `;` `=` lets the cell wrap there (URLs stay whole).
 */
const breakable = (s: string) =>
  s.replace(/\S{30,}/g, (w) => (w.includes('://') ? w : w.replace(/([,;=])(?=\S)/g, '$1\u200b')));
/** A message as a quoted paragraph that wraps (a code block would scroll and hide its end). */
const quote = (s: string) =>
  s
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${mdText(line)}`)
    .join('\n');

/** The facts about the run, in the order a reader wants them, leaving out what is unknown. */
function runFacts(o: Outcome, mark: string): Array<[string, string]> {
  const run = o.run;
  const ms = runDurationMs(run);
  const facts: Array<[string, string]> = [['Status', `${mark} ${o.status}`]];
  if (run?.runStart) facts.push(['Started (UTC)', readableUtc(run.runStart)]);
  if (run?.runEnd) facts.push(['Ended (UTC)', readableUtc(run.runEnd)]);
  if (ms !== undefined) facts.push(['Duration', formatDuration(ms)]);
  if (o.usual) facts.push(['Usually', describeUsual(o.usual)]);
  return facts;
}

export function renderSummary(o: Outcome): string {
  const run = o.run;
  const mark = MARK[o.status] ?? 'ℹ️';
  const out: string[] = [];
  out.push(`## ${mark} ${esc(o.pipelineName)}: ${o.status}`, '');
  const runLink = o.runUrl ? `[\`${o.runId}\`](${o.runUrl})` : `\`${o.runId}\``;
  out.push(`Pipeline \`${esc(o.pipelineName)}\` · ${o.service.home.label} ${o.service.home.text} · Run ${runLink}`, '');
  if (o.note) out.push(quote(o.note), '');
  const facts = runFacts(o, mark);
  out.push(`| ${facts.map(([k]) => k).join(' | ')} |`, `|${facts.map(() => '---').join('|')}|`);
  out.push(`| ${facts.map(([, v]) => esc(v)).join(' | ')} |`, '');
  if (run?.message) out.push(`**${esc(o.service.shortName)} says:**`, '', quote(run.message), '');

  const rv = returnValueOf(o);
  if (rv.source) {
    out.push(`### Return value`, '', `Read from ${rv.source}.`, '');
    out.push('```json', fence(JSON.stringify(rv.value, null, 2)), '```', '');
  }

  const params = Object.keys(o.parameters);
  out.push(`<details><summary>Parameters (${params.length})</summary>`, '');
  out.push('```json', fence(JSON.stringify(o.parameters, null, 2)), '```', '', '</details>', '');

  if (o.failed?.length) {
    out.push(`### Failed activities (${o.failed.length})`, '');
    for (const f of o.failed) {
      out.push(`#### ❌ ${mdText(f.path)} (${mdText(f.type)})`, '');
      if (f.errorCode || f.failureType)
        out.push(
          `${[f.failureType && mdText(f.failureType), f.errorCode && `\`${f.errorCode}\``].filter(Boolean).join(' · ')}`,
          '',
        );
      out.push(quote(f.message || '(no message)'), '');
    }
  }

  const rows = o.activities ?? [];
  if (rows.length) {
    if (rows.length > 3) out.push(...gantt(rows), '');
    out.push(`### Activity runs (${rows.length})`, '');
    const day = (run?.runStart ?? '').slice(0, 10);
    const sameDay = rows.every((r) => !r.activityRunStart || r.activityRunStart.slice(0, 10) === day);
    const all: Array<{ head: string; cell: (r: ActivityRow) => string }> = [
      {
        head: 'Activity',
        cell: (r) => `${'&nbsp;&nbsp;'.repeat(r.depth)}${r.depth ? '↳ ' : ''}${esc(r.activityName)}`,
      },
      { head: 'Type', cell: (r) => esc(r.activityType ?? '') },
      { head: 'Status', cell: (r) => `${MARK[r.status ?? ''] ?? ''} ${r.status ?? ''}`.trim() },
      { head: 'Start (UTC)', cell: (r) => readableUtc(r.activityRunStart ?? undefined, sameDay) },
      { head: 'Duration', cell: (r) => (typeof r.durationInMs === 'number' ? formatDuration(r.durationInMs) : '') },
      {
        head: 'Error',
        cell: (r) =>
          r.error?.message
            ? breakable(esc(mdText(trimText(r.error.message, 200, o.failed?.length ? ' (in full above)' : ''))))
            : '',
      },
    ];
    const cols = all.filter((c) => rows.some((r) => c.cell(r) !== ''));
    out.push(`| ${cols.map((c) => c.head).join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`);
    for (const r of rows) out.push(`| ${cols.map((c) => c.cell(r) || '–').join(' | ')} |`);
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
