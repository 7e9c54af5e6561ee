// GitHub's size limits on what the step writes: an issue comment body of at most 65,536
// characters (a longer one is refused with 422 and no comment appears), and a step summary of at
// most 1 MiB (a larger one is dropped whole). A batch of a few hundred runs, or a run with
// thousands of failed activities, passes either; these keep the text under the limit and say
// what was left out and where to find it.

/** GitHub's limit on an issue comment's body, in characters. */
export const COMMENT_LIMIT = 65_536;
/** GitHub's limit on one step's summary, in bytes. */
export const SUMMARY_LIMIT = 1024 * 1024;

/** Characters as GitHub counts them for a comment (UTF-16 units: an overcount for emoji, never under). */
export const chars = (s: string): number => s.length;
/** Bytes, as the summary's limit counts them. */
export const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export interface RowsToFit {
  /** Lines that are always kept, before the rows (e.g. the title and the table's header). */
  head: string[];
  /** Rows in order of importance: the first ones are kept. */
  rows: string[];
  /** Lines that are always kept, after the rows (e.g. the footer). */
  tail: string[];
  /** What replaces the rows left out (called only when some are). */
  more(left: number): string;
  limit: number;
  measure?: (s: string) => number;
}

/**
 * head, as many rows as fit, the `more` line when rows were left out, then tail, joined with
 * newlines and within `limit`; when head and tail alone are past it, they are cut too
 * (truncateMarkdown).
 */
export function fitRows(o: RowsToFit): string {
  const measure = o.measure ?? chars;
  const whole = [...o.head, ...o.rows, ...o.tail].join('\n');
  if (measure(whole) <= o.limit) return whole;
  // Each kept line costs its length and a newline; the `more` line is reserved for the worst case.
  let used = measure([...o.head, o.more(o.rows.length), ...o.tail].join('\n')) + 1;
  let kept = 0;
  for (const row of o.rows) {
    const cost = measure(row) + 1;
    if (used + cost > o.limit) break;
    used += cost;
    kept++;
  }
  const text = [...o.head, ...o.rows.slice(0, kept), o.more(o.rows.length - kept), ...o.tail].join('\n');
  return truncateMarkdown(text, o.limit, measure, (n) => `… ${n} more lines not shown (size limit).`);
}

/**
 * The text cut at a line boundary so that it and `note` fit in `limit`, with a code fence or
 * <details> block left open by the cut closed again, so the rest renders as Markdown.
 */
export function truncateMarkdown(
  text: string,
  limit: number,
  measure: (s: string) => number,
  note: (linesLeftOut: number) => string,
): string {
  if (measure(text) <= limit) return text;
  const lines = text.split('\n');
  // Room for the note, the closers, and the newlines between them.
  const reserve = measure(note(lines.length)) + measure('\n```\n</details>\n\n') + 2;
  let used = 0;
  let kept = 0;
  let fenceOpen = false;
  let details = 0;
  for (const line of lines) {
    const cost = measure(line) + 1;
    if (used + cost + reserve > limit) break;
    used += cost;
    kept++;
    if (/^\s*```/.test(line)) fenceOpen = !fenceOpen;
    else if (!fenceOpen) details += count(line, /<details\b/gi) - count(line, /<\/details>/gi);
  }
  const out = lines.slice(0, kept);
  if (fenceOpen) out.push('```');
  for (let i = 0; i < details; i++) out.push('</details>');
  out.push('', note(lines.length - kept));
  return out.join('\n');
}

const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;

/** A job summary within GitHub's 1 MiB, saying what was cut and where the full facts are. */
export function fitSummary(markdown: string, limit = SUMMARY_LIMIT): string {
  return truncateMarkdown(
    markdown,
    // Headroom for other summary text the step may add to the same file.
    limit - 16 * 1024,
    bytes,
    (n) =>
      `> ✂️ ${n} more lines not shown: a step summary is limited to 1 MiB. Every failed activity is in the step's \`failed-activities\` output and in the service's monitoring page.`,
  );
}
