// The timeline's axis (src/report/timeline.ts), as text: labels that differ from tick to tick, and a
// handful of ticks whatever the span. gantt-mermaid.test.ts checks that Mermaid reads the chart.
import { describe, expect, it } from 'vitest';
import type { ActivityRow } from '../../../src/model/result.js';
import { axisFormat, gantt, tickInterval } from '../../../src/report/timeline.js';

const t0 = Date.UTC(2026, 10, 26, 1, 0, 0);
const row = (activityName: string, startS: number, durS: number): ActivityRow => ({
  activityName,
  activityType: 'Copy',
  status: 'Succeeded',
  activityRunStart: new Date(t0 + startS * 1000).toISOString(),
  activityRunEnd: new Date(t0 + (startS + durS) * 1000).toISOString(),
  durationInMs: durS * 1000,
  depth: 0,
  path: [],
});

describe('the gantt axis has distinct labels', () => {
  const S = 1_000;
  const M = 60 * S;
  const H = 60 * M;
  it('seconds for a short timeline, minutes up to half a day, then day and time', () => {
    expect(axisFormat(30 * S)).toBe('%H:%M:%S');
    expect(axisFormat(5 * M)).toBe('%H:%M:%S');
    expect(axisFormat(5 * M + 1)).toBe('%H:%M');
    expect(axisFormat(12 * H)).toBe('%H:%M');
    expect(axisFormat(12 * H + 1)).toBe('%d %H:%M');
  });

  it('a tick interval that gives at most eight ticks', () => {
    expect(tickInterval(8 * S)).toBe('1second');
    expect(tickInterval(8 * S + 1)).toBe('5second');
    expect(tickInterval(40 * S)).toBe('5second');
    expect(tickInterval(2 * M)).toBe('15second');
    expect(tickInterval(8 * M)).toBe('1minute');
    expect(tickInterval(40 * M)).toBe('5minute');
    expect(tickInterval(2 * H)).toBe('15minute');
    expect(tickInterval(8 * H)).toBe('1hour');
    expect(tickInterval(48 * H)).toBe('6hour');
    expect(tickInterval(8 * 24 * H)).toBe('1day');
    expect(tickInterval(9 * 24 * H)).toBe('1week');
  });

  it('every tick label of the chart is different', async () => {
    for (const spanS of [20, 200, 2_000, 20_000, 200_000]) {
      const rows = [row('A', 0, spanS / 2), row('B', spanS / 2, spanS / 2)];
      const lines = gantt(rows);
      const format = /axisFormat (.*)/.exec(lines.join('\n'))![1]!;
      const every = /tickInterval (\d+)(\w+)/.exec(lines.join('\n'))!;
      const unit = { second: S, minute: M, hour: H, day: 24 * H, week: 7 * 24 * H }[every[2]!]!;
      const step = Number(every[1]) * unit;
      const labels = new Set<string>();
      let n = 0;
      for (let t = t0; t <= t0 + spanS * S; t += step, n++) labels.add(strftime(format, new Date(t)));
      expect(labels.size, `span ${spanS}s, ${format} every ${every[1]}${every[2]}`).toBe(n);
    }
  });
});

/** The few d3 time-format directives the axis uses, in UTC (the chart's x dates are epoch ms). */
function strftime(format: string, d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return format
    .replace('%d', p(d.getUTCDate()))
    .replace('%H', p(d.getUTCHours()))
    .replace('%M', p(d.getUTCMinutes()))
    .replace('%S', p(d.getUTCSeconds()));
}
