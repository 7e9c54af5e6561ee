import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/inputs/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['45m', 2_700_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1h30m15s', 5_415_000],
    ['1m30s', 90_000],
    ['250ms', 250],
    ['1s500ms', 1_500],
    ['1.5s', 1_500],
    ['0.5h', 1_800_000],
    ['90', 90_000],
    ['0', 0],
    ['2.5', 2_500],
    ['  15s  ', 15_000],
    ['1h 30m', 5_400_000],
    ['2H', 7_200_000],
    ['10MS', 10],
  ])('%j → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    '',
    ' ',
    'abc',
    '1h30',
    'h',
    '5d',
    '1w',
    '-5',
    '-5s',
    '+5s',
    '1e3',
    '1,5s',
    '.5s',
    's5',
    '5 seconds',
    'NaN',
    'Infinity',
  ])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('rounds fractional milliseconds', () => {
    expect(parseDuration('0.0004s')).toBe(0);
    expect(parseDuration('1.0006')).toBe(1_001);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [450, '450ms'],
    [1_000, '1s'],
    [1_499, '1s'],
    [59_000, '59s'],
    [60_000, '1m'],
    [75_000, '1m 15s'],
    [3_600_000, '1h'],
    [3_661_000, '1h 1m 1s'],
    [5_400_000, '1h 30m'],
    [7_205_000, '2h 5s'],
    [26 * 3_600_000, '26h'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([NaN, -1, Infinity, -Infinity])('%d → ?', (ms) => {
    expect(formatDuration(ms)).toBe('?');
  });

  it('round-trips with parseDuration', () => {
    for (const text of ['90s', '45m', '2h', '1h30m']) {
      expect(parseDuration(formatDuration(parseDuration(text)!).replace(/ /g, ''))).toBe(parseDuration(text));
    }
  });
});
