// The activities as a Mermaid gantt chart: GitHub renders Mermaid code blocks in Markdown, job
// summaries included. The activity table below it carries the same facts for anyone it fails for.
import type { ActivityRow } from '../model/result.js';

/** A task name that starts with one of these would be read as the gantt keyword. */
const GANTT_KEYWORD =
  /^(section|title|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|click|call|weekday|weekend|inclusiveenddates|topaxis|acctitle|accdescr|displaymode)\b/i;

/**
 * Mermaid's default theme draws `done` tasks grey, which reads as "disabled": succeeded bars are
 * drawn green instead, failed ones stay red (`crit`).
 */
const THEME =
  "%%{init: {'theme': 'default', 'themeVariables': {'doneTaskBkgColor': '#2da44e', 'doneTaskBorderColor': '#1a7f37'}}}%%";

/**
 * Axis labels that differ from tick to tick: seconds only when the timeline is short enough for
 * ticks to be seconds apart, else minutes, else hours.
 */
export function axisFormat(spanMs: number): string {
  if (spanMs <= 5 * 60_000) return '%H:%M:%S';
  if (spanMs <= 12 * 3_600_000) return '%H:%M';
  return '%d %H:%M';
}

/** A tick interval that gives a handful of distinct labels across the span. */
export function tickInterval(spanMs: number): string {
  const steps: Array<[number, string]> = [
    [1_000, '1second'],
    [5_000, '5second'],
    [15_000, '15second'],
    [60_000, '1minute'],
    [5 * 60_000, '5minute'],
    [15 * 60_000, '15minute'],
    [3_600_000, '1hour'],
    [6 * 3_600_000, '6hour'],
    [86_400_000, '1day'],
  ];
  for (const [ms, text] of steps) if (spanMs / ms <= 8) return text;
  return '1week';
}

export function gantt(rows: ActivityRow[]): string[] {
  const timed = rows.filter((r) => r.activityRunStart && Date.parse(r.activityRunStart));
  if (timed.length < 2) return [];
  const bars = timed.slice(0, 60).map((r) => {
    const start = Date.parse(r.activityRunStart!);
    const end = Date.parse(r.activityRunEnd ?? '') || start + (r.durationInMs ?? 0);
    return { r, start, end: Math.max(end, start + 1) };
  });
  const span = Math.max(...bars.map((b) => b.end)) - Math.min(...bars.map((b) => b.start));
  const lines = [
    '```mermaid',
    THEME,
    'gantt',
    '  title Activity timeline',
    '  dateFormat x',
    `  axisFormat ${axisFormat(span)}`,
    `  tickInterval ${tickInterval(span)}`,
  ];
  for (const { r, start, end } of bars) {
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
    lines.push(`  ${name} :${tag}${start}, ${end}`);
  }
  lines.push('```');
  return lines;
}
