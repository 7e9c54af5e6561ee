// The shared text helpers as plain strings (summary-rendered.test.ts checks them rendered, but it
// loads a DOM and stays out of the mutation run).
import { describe, expect, it } from 'vitest';
import { breakable, esc, fence, markOf, mdText, oneLine, quote, readableUtc } from '../../../src/report/text.js';

describe('text helpers', () => {
  it('mdText shows HTML and Markdown punctuation as it is', () => {
    expect(mdText('<b> & `x` *y* _z_ [a] ~s~ #h \\')).toBe(
      '&lt;b&gt; &amp; \\`x\\` \\*y\\* \\_z\\_ \\[a\\] \\~s\\~ \\#h \\\\',
    );
    // A line that would start a list does not (the number is escaped before it; see the report).
    expect(mdText('- item\n1. first\n  + more')).toBe('\\- item\n\\1. first\n  \\+ more');
    expect(mdText('a-b 1.5')).toBe('a-b 1.5');
  });

  it('breakable lets long words wrap after , ; = but leaves URLs and short words whole', () => {
    const long = 'ErrorCode=UserErrorSqlBulkCopy,Type=Microsoft.DataTransfer;x';
    expect(breakable(long)).toBe(
      'ErrorCode=\u200bUserErrorSqlBulkCopy,\u200bType=\u200bMicrosoft.DataTransfer;\u200bx',
    );
    expect(breakable('https://example.com/a=b,c;d=e/verylongpathsegment')).toBe(
      'https://example.com/a=b,c;d=e/verylongpathsegment',
    );
    expect(breakable('a=b,c')).toBe('a=b,c');
    expect(breakable(`${'x'.repeat(29)}, y=`)).toBe(`${'x'.repeat(29)}, y=`);
  });

  it('readableUtc reads 7-digit fractions, keeps what it cannot read, and may give the time alone', () => {
    expect(readableUtc('2024-05-01T10:00:03.1234567Z')).toBe('2024-05-01 10:00:03');
    expect(readableUtc('2024-05-01T10:00:03.9999999Z', true)).toBe('10:00:03');
    expect(readableUtc('yesterday')).toBe('yesterday');
    expect(readableUtc(undefined)).toBe('');
    expect(readableUtc('')).toBe('');
  });

  it('table cells, fences, quotes and one-liners', () => {
    expect(esc('a|b\r\nc\nd')).toBe('a\\|b<br>c<br>d');
    expect(fence('```x```')).toBe('`\u200b``x`\u200b``');
    expect(quote('  one\r\ntwo <b>\n')).toBe('> one\n> two &lt;b&gt;');
    expect(oneLine('a \n  b\r\nc')).toBe('a b c');
    expect(markOf('Weird')).toBe('ℹ️');
    expect(markOf('Canceling')).toBe('⏹️');
  });
});
