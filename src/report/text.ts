// Text helpers shared by every rendering (summary, comment, annotations, messages): one status
// mark table, one way to escape Markdown, one way to trim long text. Pure.
import { formatDuration } from '../inputs/duration.js';
import type { RunView } from '../model/run.js';
import type { UsualDuration } from '../model/result.js';

/** One mark per status, everywhere the user reads a status. */
export const MARK: Readonly<Record<string, string>> = {
  Succeeded: '✅',
  Failed: '❌',
  Cancelled: '⏹️',
  Canceling: '⏹️',
  InProgress: '⏳',
  Queued: '⏳',
};
export const markOf = (status: string): string => MARK[status] ?? 'ℹ️';

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

/** The run's duration: the service's own figure, else from its start and end; null while unknown. */
export function durationOf(run: RunView | undefined): number | null {
  if (typeof run?.durationMs === 'number') return run.durationMs;
  if (run?.runStart && run.runEnd) {
    const ms = Date.parse(run.runEnd) - Date.parse(run.runStart);
    // A time the service wrote in a shape Date.parse does not read is unknown, not NaN.
    if (Number.isFinite(ms)) return ms;
  }
  return null;
}

/** Trims long text at a word boundary, for annotations (the summary keeps it whole). */
export function trimText(text: string, max = 600, more = ' (full text in the job summary)'): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…${more}`;
}

/** A table cell: pipes escaped, line breaks as <br>. */
export const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
/** Text inside a fenced code block cannot close it. */
export const fence = (s: string) => s.replace(/```/g, '`\u200b``');
/** Text that Markdown must show as it is, and wrap: HTML and Markdown punctuation escaped. */
export const mdText = (s: string) =>
  s
    .replace(/[\\`*_[\]<>~&#]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/^(\s*)([-+]|\d+[.)])(\s)/gm, '$1\\$2$3');
/**
 * Long words (ADF's `ErrorCode=…,'Type=…` runs) would stretch a table past the page and make it
 * scroll sideways: a zero-width space after their `,` `;` `=` lets the cell wrap there (URLs stay whole).
 */
export const breakable = (s: string) =>
  s.replace(/\S{30,}/g, (w) => (w.includes('://') ? w : w.replace(/([,;=])(?=\S)/g, '$1\u200b')));
/** A message as a quoted paragraph that wraps (a code block would scroll and hide its end). */
export const quote = (s: string) =>
  s
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${mdText(line)}`)
    .join('\n');
/** One line: for list items and table cells. */
export const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ');
