// The job summary's timeline is a Mermaid gantt chart, which GitHub renders in Markdown (job
// summaries included). This parses what timeline.ts emits with Mermaid itself, so a chart GitHub
// could not draw fails here: every activity must come out as one task with its own times.
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityRow } from '../../../src/model/result.js';
import { renderSummary } from '../../../src/report/summary.js';
import { gantt } from '../../../src/report/timeline.js';
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
