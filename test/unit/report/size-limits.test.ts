import { describe, expect, test } from 'vitest';
import {
  COMMENT_LIMIT,
  SUMMARY_LIMIT,
  bytes,
  chars,
  fitRows,
  fitSummary,
  truncateMarkdown,
} from '../../../src/report/size-limits.ts';
import { maskSecrets, pullRequestNumber } from '../../../src/report/pr-comment.ts';

const rows = (n: number, width = 370) =>
  Array.from({ length: n }, (_, i) => `| \`p-${i}\` | ✅ Succeeded | 1s | ${'x'.repeat(width)} |`);

describe('fitRows', () => {
  const base = { head: ['# title', '| a | b | c | d |', '|---|---|---|---|'], tail: ['', 'footer'] };
  const more = (left: number) => `| … ${left} more | | | see the job summary |`;

  test('everything, unchanged, when it fits', () => {
    const r = rows(10);
    expect(fitRows({ ...base, rows: r, more, limit: COMMENT_LIMIT })).toBe(
      [...base.head, ...r, ...base.tail].join('\n'),
    );
  });

  test.each([175, 400, 5_000])(
    '%d rows of ~375 characters: under the limit, the first rows kept, the rest counted',
    (n) => {
      const r = rows(n);
      const out = fitRows({ ...base, rows: r, more, limit: COMMENT_LIMIT });
      expect(chars(out)).toBeLessThanOrEqual(COMMENT_LIMIT);
      expect(out.startsWith(base.head.join('\n'))).toBe(true);
      expect(out.endsWith('footer')).toBe(true);
      const kept = out.split('\n').filter((l) => l.startsWith('| `p-')).length;
      expect(kept).toBeGreaterThan(100);
      expect(out).toContain(r[kept - 1]);
      expect(out).not.toContain(r[kept]);
      expect(out).toContain(`| … ${n - kept} more |`);
      // Not wasteful: one more row would not have fitted.
      expect(chars(out) + r[kept]!.length + 1).toBeGreaterThan(COMMENT_LIMIT);
    },
  );

  test('counts bytes when told to', () => {
    const r = Array.from({ length: 3_000 }, (_, i) => `| ${i} | ✅✅✅ ${'é'.repeat(400)} |`);
    const out = fitRows({ ...base, rows: r, more, limit: SUMMARY_LIMIT, measure: bytes });
    expect(bytes(out)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(chars(out)).toBeLessThan(SUMMARY_LIMIT / 1.5);
  });
});

describe('truncateMarkdown', () => {
  const note = (n: number) => `… ${n} more lines not shown`;

  test('unchanged under the limit', () => {
    expect(truncateMarkdown('a\nb', 10, chars, note)).toBe('a\nb');
  });

  test('cuts at a line, closes an open fence and <details>, says how many lines were left out', () => {
    const text = [
      '<details><summary>x</summary>',
      '',
      '```json',
      ...Array.from({ length: 1_000 }, (_, i) => `"line ${i}"`),
      '```',
      '</details>',
      'end',
    ].join('\n');
    const out = truncateMarkdown(text, 2_000, chars, note);
    expect(chars(out)).toBeLessThanOrEqual(2_000);
    const lines = out.split('\n');
    expect(lines.filter((l) => l.startsWith('```'))).toHaveLength(2);
    expect(lines).toContain('</details>');
    const left = Number(/… (\d+) more lines not shown/.exec(out)![1]);
    expect(left + lines.length - 4).toBe(text.split('\n').length);
  });
});

describe('fitSummary', () => {
  test('a 2 MB summary is cut under 1 MiB and says so', () => {
    const md = [
      '## ❌ big: Failed',
      '',
      ...Array.from(
        { length: 5_000 },
        (_, i) => `#### ❌ Copy ${i}\n\n\`\`\`text\n${'missing file; '.repeat(30)}\n\`\`\``,
      ),
    ].join('\n');
    expect(bytes(md)).toBeGreaterThan(2 * SUMMARY_LIMIT);
    const out = fitSummary(md);
    expect(bytes(out)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(out).toMatch(/more lines not shown: a step summary is limited to 1 MiB/);
    expect(out.split('\n').filter((l) => l.startsWith('```')).length % 2).toBe(0);
  });

  test('a small summary is left alone', () => {
    expect(fitSummary('## ✅ ok')).toBe('## ✅ ok');
  });
});

describe('pr-comment helpers', () => {
  test.each([
    ['pull_request', { pull_request: { number: 7 } }, 7],
    ['pull_request_review', { review: {}, pull_request: { number: 8 } }, 8],
    ['issue_comment on a pull request', { issue: { number: 9, pull_request: { url: 'u' } } }, 9],
    ['issue_comment on an issue', { issue: { number: 9 } }, undefined],
    ['push', { ref: 'refs/heads/main' }, undefined],
    ['no payload', undefined, undefined],
  ])('%s → %s', (_, payload, expected) => {
    expect(pullRequestNumber(payload)).toBe(expected);
  });

  test('maskSecrets masks every occurrence, the longest secret first, and ignores tiny ones', () => {
    expect(
      maskSecrets('key abc-secret-1 and abc-secret-1-long, id 42', ['abc-secret-1', 'abc-secret-1-long', '42']),
    ).toBe('key *** and ***, id 42');
  });
});
