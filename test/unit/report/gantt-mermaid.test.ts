// The job summary's timeline is a Mermaid gantt chart, which GitHub renders in Markdown (job
// summaries included). This parses what timeline.ts emits with Mermaid itself, so a chart GitHub
// could not draw fails here: every activity must come out as one task with its own times.
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityRow } from '../../../src/report/model.js';
import { renderSummary } from '../../../src/report/summary.js';
import { axisFormat, gantt, tickInterval } from '../../../src/report/timeline.js';
import { runResult, stepResult } from '../../support/results.js';

interface Task {
  task: string;
  startTime: Date;
  endTime: Date;
  done?: boolean;
  crit?: boolean;
  active?: boolean;
}
let tasksOf: (chart: string) => Promise<Task[]>;

beforeAll(async () => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  const { default: mermaid } = await import('mermaid');
  tasksOf = async (chart) => {
    await mermaid.parse(chart);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(chart);
    return (diagram.db as unknown as { getTasks(): Task[] }).getTasks();
  };
}, 60_000);

const t0 = Date.UTC(2026, 10, 26, 1, 0, 0);
const row = (activityName: string, startS: number, durS: number, status = 'Succeeded', depth = 0): ActivityRow => ({
  activityName,
  activityType: 'Copy',
  status,
  activityRunStart: new Date(t0 + startS * 1000).toISOString(),
  activityRunEnd: new Date(t0 + (startS + durS) * 1000).toISOString(),
  durationInMs: durS * 1000,
  depth,
  path: depth ? ['Run child'] : [],
});

const chartOf = (lines: string[]) => lines.slice(1, -1).join('\n');

describe('the gantt chart parses as Mermaid', () => {
  it('one task per activity, with its start, end and status', async () => {
    const rows = [
      row('Lookup watermark', 0, 2),
      row('Run child', 2, 10, 'Failed'),
      row('Copy orders', 3, 5, 'Failed', 1),
      row('Notify', 12, 1, 'InProgress'),
    ];
    const tasks = await tasksOf(chartOf(gantt(rows)));
    expect(tasks.map((t) => t.task.trim())).toEqual(['Lookup watermark', 'Run child', '· Copy orders', 'Notify']);
    expect(tasks.map((t) => t.startTime.getTime())).toEqual(rows.map((r) => Date.parse(r.activityRunStart!)));
    expect(tasks.map((t) => t.endTime.getTime())).toEqual(rows.map((r) => Date.parse(r.activityRunEnd!)));
    expect(tasks.map((t) => Boolean(t.done))).toEqual([true, false, false, false]);
    expect(tasks.map((t) => Boolean(t.crit))).toEqual([false, true, true, false]);
    expect(Boolean(tasks[3].active)).toBe(true);
  });

  it('names with Mermaid keywords or syntax characters stay tasks', async () => {
    const names = ['section Load', 'click here', 'title', 'Copy: a#b;c', 'dateFormat YYYY'];
    const tasks = await tasksOf(chartOf(gantt(names.map((n, i) => row(n, i, 1)))));
    expect(tasks).toHaveLength(names.length);
    expect(tasks.map((t) => t.task.trim())).toEqual([
      '‣ section Load',
      '‣ click here',
      '‣ title',
      'Copy a b c',
      '‣ dateFormat YYYY',
    ]);
  });

  it('the chart inside a whole job summary is a well-formed mermaid block', async () => {
    const md = renderSummary(
      stepResult([
        runResult({
          pipelineName: 'daily-load',
          runId: '2f7fdb90-5df1-4b8e-ac2f-064cfa58202b',
          runUrl: 'https://adf.azure.com/en/monitoring/pipelineruns/2f7fdb90-5df1-4b8e-ac2f-064cfa58202b?factory=x',
          status: 'Succeeded',
          parameters: {},
          activities: [row('A', 0, 1), row('B', 1, 1), row('C', 2, 1), row('D', 3, 1)],
        }),
      ]),
    );
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(md);
    expect(block).not.toBeNull();
    expect(await tasksOf(block![1])).toHaveLength(4);
  });

  it('draws succeeded bars green through a theme line Mermaid reads', async () => {
    const lines = gantt([row('A', 0, 1), row('B', 1, 1)]);
    expect(lines[1]).toMatch(/^%%\{init: .*'doneTaskBkgColor': '#2da44e'/);
    // The theme line is a directive: the chart still parses with it, and its tasks are the same.
    expect(await tasksOf(chartOf(lines))).toHaveLength(2);
  });
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
