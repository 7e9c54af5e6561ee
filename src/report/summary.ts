// The job summary, from the result model. One run: its facts, its failure, its return value, its
// parameters, its activities and their timeline. A batch: one table with a row per run, then each
// run that did not succeed with its failed activities, then the return values. Pure.
import { formatDuration } from '../inputs/duration.js';
import {
  endedAsWanted,
  type ActivityRow,
  type FailedActivity,
  type RunResult,
  type ServiceLabels,
  type StepResult,
} from '../model/result.js';
import { batchCostLines, runCostLines } from './cost-lines.js';
import { aggregateStatus, failingLine } from './outputs.js';
import { gantt } from './timeline.js';
import {
  breakable,
  describeUsual,
  durationOf,
  esc,
  fence,
  markOf,
  MARK,
  mdText,
  oneLine,
  quote,
  readableUtc,
  trimText,
} from './text.js';

export function renderSummary(step: StepResult): string {
  return step.batch ? renderBatchSummary(step.runs, step.service, step) : renderRunSummary(step.runs[0]!, step.service);
}

/** The facts about the run, in the order a reader wants them, leaving out what is unknown. */
function runFacts(r: RunResult, mark: string): Array<[string, string]> {
  const run = r.run;
  const ms = run?.durationMs;
  const facts: Array<[string, string]> = [['Status', `${mark} ${r.status}`]];
  if (run?.runStart) facts.push(['Started (UTC)', readableUtc(run.runStart)]);
  if (run?.runEnd) facts.push(['Ended (UTC)', readableUtc(run.runEnd)]);
  if (ms !== undefined) facts.push(['Duration', formatDuration(ms)]);
  if (r.usual) facts.push(['Usually', describeUsual(r.usual)]);
  return facts;
}

/**
 * The service's message adds nothing when it only repeats a failed activity's message listed
 * below it ("Operation on target Copy failed: <the activity's message>"): one copy per failure.
 */
function repeatsActivities(r: RunResult): boolean {
  const message = r.run?.message ?? '';
  return r.failed.some((f) => f.message && message.includes(f.message.trim()));
}

export function renderRunSummary(r: RunResult, service: ServiceLabels): string {
  const run = r.run;
  const mark = markOf(r.status);
  const out: string[] = [];
  out.push(`## ${mark} ${esc(r.pipelineName)}: ${r.status}`, '');
  const runLink = r.runUrl ? `[\`${r.runId}\`](${r.runUrl})` : `\`${r.runId}\``;
  out.push(`Pipeline \`${esc(r.pipelineName)}\` · ${service.home.label} ${service.home.text} · Run ${runLink}`, '');
  if (r.note) out.push(quote(r.note), '');
  const resumed = earlierRunLine(r);
  if (resumed) out.push(resumed, '');
  const facts = runFacts(r, mark);
  out.push(`| ${facts.map(([k]) => k).join(' | ')} |`, `|${facts.map(() => '---').join('|')}|`);
  out.push(`| ${facts.map(([, v]) => esc(v)).join(' | ')} |`, '');
  out.push(...runCostLines(r));
  if (run?.message && !repeatsActivities(r))
    out.push(`**${esc(service.shortName)} says:**`, '', quote(run.message), '');

  out.push(...triesTable(r));
  if (r.returnValue.source) {
    out.push(`### Return value`, '', `Read from ${r.returnValue.source}.`, '');
    out.push('```json', fence(JSON.stringify(r.returnValue.value, null, 2)), '```', '');
  }

  const params = Object.keys(r.parameters);
  out.push(`<details><summary>Parameters (${params.length})</summary>`, '');
  out.push('```json', fence(JSON.stringify(r.parameters, null, 2)), '```', '', '</details>', '');

  if (r.failed.length) {
    out.push(`### Failed activities (${r.failed.length})`, '');
    for (const f of r.failed) out.push(...failedActivity(f));
  }

  const rows = r.activities ?? [];
  if (rows.length) {
    if (rows.length > 3) out.push(...gantt(rows), '');
    out.push(`### Activity runs (${rows.length})`, '');
    out.push(...activityTable(rows, run?.runStart, r.failed.length > 0), '');
  }
  return out.join('\n');
}

function activityTable(rows: ActivityRow[], runStart: string | undefined, failuresAbove: boolean): string[] {
  const day = (runStart ?? '').slice(0, 10);
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
          ? breakable(esc(mdText(trimText(r.error.message, 200, failuresAbove ? ' (in full above)' : ''))))
          : '',
    },
  ];
  const cols = all.filter((c) => rows.some((r) => c.cell(r) !== ''));
  const out = [`| ${cols.map((c) => c.head).join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`];
  for (const r of rows) out.push(`| ${cols.map((c) => c.cell(r) || '–').join(' | ')} |`);
  return out;
}

/**
 * The batch's one table, a row per run (status, duration, link), for the summary and the
 * pull-request comment; `notes` adds why a run ended as it did to its status.
 */
export function runTable(runs: RunResult[], notes = false): string[] {
  const rows = ['| Pipeline | Status | Duration | Run |', '|---|---|---|---|'];
  for (const r of runs) {
    const ms = durationOf(r.run);
    const id = r.runId ? (r.runUrl ? `[\`${r.runId}\`](${r.runUrl})` : `\`${r.runId}\``) : '–';
    const note = notes && r.note ? ` (${esc(r.note)})` : '';
    rows.push(
      `| \`${esc(r.pipelineName)}\` | ${r.status ? (MARK[r.status] ?? '') : ''} ${r.status || 'not started'}${note} | ${ms === null ? '–' : formatDuration(ms)} | ${id} |`,
    );
  }
  return rows;
}

/** One failed activity: its path and type, its failure type and code, its message (quoted, so it wraps). */
function failedActivity(f: FailedActivity): string[] {
  const kind = [f.failureType && mdText(f.failureType), f.errorCode && `\`${f.errorCode}\``].filter(Boolean);
  return [
    `#### ❌ ${mdText(f.path)} (${mdText(f.type)})`,
    '',
    ...(kind.length ? [kind.join(' · '), ''] : []),
    quote(f.message || '(no message)'),
    '',
  ];
}

/** What this attempt made of an earlier attempt's run (`on-rerun: resume`), or '' when nothing. */
export function earlierRunLine(r: RunResult): string {
  if (!r.earlierRunId) return '';
  const id = `\`${r.earlierRunId}\``;
  if (r.resumed === 'recover' || r.started)
    return `↻ Recovers run ${id}, which an earlier attempt of this job started: only what failed runs again.`;
  if (r.resumed === 'reuse')
    return `↻ Run ${id} of an earlier attempt of this job had already succeeded: it is this attempt's result, and nothing was started.`;
  return `↻ Run ${id} was started by an earlier attempt of this job; this attempt waited for it instead of starting another.`;
}

/** Every try of the run when it was retried: which run, how it ended, whether it recovered the one before. */
export function triesTable(r: RunResult): string[] {
  const tries = r.tries ?? [];
  if (tries.length < 2) return [];
  const out = [`### Tries (${tries.length})`, '', '| Try | Run | Status | Message |', '|---|---|---|---|'];
  tries.forEach((t, i) => {
    const how = t.recovery ? ' (recovery run)' : '';
    out.push(
      `| ${i + 1} | \`${t.runId}\`${how} | ${MARK[t.status] ?? ''} ${t.status} | ${esc(oneLine(trimText(t.message || '–', 300, '')))} |`,
    );
  });
  out.push('');
  return out;
}

export function renderBatchSummary(
  runs: RunResult[],
  service: ServiceLabels,
  totals: Pick<StepResult, 'costLine'> = {},
): string {
  const status = aggregateStatus(runs);
  const out: string[] = [];
  out.push(`## ${markOf(status)} ${runs.length} pipelines: ${status}`, '');
  out.push(`${service.home.label}: ${service.home.text}`, '');
  out.push(...runTable(runs, true), '');
  out.push(...batchCostLines({ costLine: totals.costLine, runs }));
  for (const r of runs) {
    if (!failingLine(r)) continue;
    out.push(`### ❌ ${esc(r.pipelineName)}: ${r.status || 'not started'}`, '');
    const message = r.error ?? r.run?.message ?? '';
    // Quoted, so long messages wrap instead of scrolling out of sight; said once per run.
    if (message && !repeatsActivities(r)) out.push(quote(trimText(message, 2000)), '');
    for (const f of r.failed) out.push(...failedActivity(f));
  }
  const retried = runs.filter((r) => (r.tries?.length ?? 0) > 1 || r.earlierRunId);
  for (const r of retried) {
    out.push(`### ↻ ${esc(r.pipelineName)}`, '');
    const line = earlierRunLine(r);
    if (line) out.push(line, '');
    out.push(...triesTable(r).slice(1));
  }
  const returned = runs.filter((r) => endedAsWanted(r) && r.status === 'Succeeded' && r.returnValue.source);
  if (returned.length) {
    out.push(`### Return values (${returned.length})`, '');
    for (const r of returned) {
      out.push(`#### \`${esc(r.pipelineName)}\``, '', `Read from ${r.returnValue.source}.`, '');
      out.push('```json', fence(JSON.stringify(r.returnValue.value, null, 2)), '```', '');
    }
  }
  return out.join('\n');
}
