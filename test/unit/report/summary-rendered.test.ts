// The job summary as GitHub shows it: rendered from Markdown (marked, GitHub-flavoured) into a DOM
// (jsdom) and checked for its structure, the way a person reads it. No browser needed.
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { ActivityRow, RunResult } from '../../../src/model/result.ts';
import { renderSummary } from '../../../src/report/summary.ts';
import { toRunView } from '../../../src/services/pipeline-api/run-view.ts';
import { runResult, stepResult } from '../../support/results.ts';

const RUN_ID = '2f7fdb90-5df1-4b8b-ac2e-064cfdb5a1a8';
const labels = {
  kind: 'data-factory',
  shortName: 'ADF',
  studioName: 'ADF Studio',
  home: { label: 'Factory', text: '`adf-prod` (resource group `rg-data`)' },
};
const LONG =
  "ErrorCode=UserErrorSqlBulkCopyInvalidColumnLength,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=SQL Bulk Copy failed due to receive an invalid column length from the bcp client.,Source=Microsoft.DataTransfer.ClientLibrary,''Type=System.Data.SqlClient.SqlException,Message=The given value of type String from the data source cannot be converted to type nvarchar of the specified target column <customer_name> | column 7,Source=.Net SqlClient Data Provider,SqlErrorNumber=4815,Class=16,ErrorCode=-2146232060,State=1,'";

const row = (name: string, status: string, start: string, ms: number, error?: string): ActivityRow => ({
  activityName: name,
  activityType: 'Copy',
  status,
  activityRunStart: start,
  activityRunEnd: null,
  durationInMs: ms,
  error: error ? { errorCode: '2200', message: error, failureType: 'UserError' } : { errorCode: '', message: '' },
  depth: 0,
  path: [],
});

function outcome(status: 'Succeeded' | 'Failed'): RunResult {
  const failed = status === 'Failed';
  const run = toRunView({
    runId: RUN_ID,
    pipelineName: 'load_sales',
    status,
    runStart: '2024-05-01T10:00:00.1234567Z',
    runEnd: '2024-05-01T10:42:05.7654321Z',
    durationInMs: 2_525_642,
    message: failed ? `Operation on target Copy sales failed: ${LONG}` : '',
    ...(failed ? {} : { pipelineReturnValue: { rows: 42, ok: true } }),
  });
  const rows = [
    row('Lookup', 'Succeeded', '2024-05-01T10:00:01.1234567Z', 2_000),
    row(
      'Copy sales',
      failed ? 'Failed' : 'Succeeded',
      '2024-05-01T10:00:03.1234567Z',
      2_500_000,
      failed ? LONG : undefined,
    ),
  ];
  return runResult({
    pipelineName: 'load_sales',
    runId: RUN_ID,
    runUrl: `https://adf.azure.com/en/monitoring/pipelineruns/${RUN_ID}`,
    run,
    status,
    parameters: { region: 'eu' },
    activities: rows,
    failed: failed
      ? [
          {
            name: 'Copy sales',
            type: 'Copy',
            errorCode: '2200',
            message: LONG,
            failureType: 'UserError',
            pipelineName: 'load_sales',
            pipelineRunId: RUN_ID,
            activityRunId: 'a',
            path: 'Copy sales',
          },
        ]
      : [],
    usual: { medianMs: 40 * 60_000, lowMs: 36 * 60_000, highMs: 45 * 60_000, runs: 12 },
  });
}

function rendered(o: RunResult): Document {
  const html = marked.parse(renderSummary(stepResult([o], { service: labels })), { gfm: true, async: false });
  return new JSDOM(`<body>${html}</body>`).window.document;
}
const headers = (t: Element) => [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim());

describe('the rendered job summary', () => {
  it('has no empty header strip: every table header names its column', () => {
    for (const status of ['Succeeded', 'Failed'] as const) {
      const doc = rendered(outcome(status));
      const tables = [...doc.querySelectorAll('table')];
      expect(tables.length).toBeGreaterThanOrEqual(2);
      for (const t of tables) for (const h of headers(t)) expect(h).not.toBe('');
    }
  });

  it('shows times in a readable UTC form, with the duration and the usual one', () => {
    const doc = rendered(outcome('Succeeded'));
    const text = doc.body.textContent!;
    expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{7}/);
    const facts = doc.querySelector('table')!;
    expect(headers(facts)).toEqual(['Status', 'Started (UTC)', 'Ended (UTC)', 'Duration', 'Usually']);
    const cells = [...facts.querySelectorAll('tbody td')].map((td) => td.textContent!.trim());
    expect(cells).toEqual([
      '✅ Succeeded',
      '2024-05-01 10:00:00',
      '2024-05-01 10:42:05',
      '42m 6s',
      '40m (36m–45m, from 12 runs)',
    ]);
  });

  it('shows only the columns that have content (no Error column when nothing failed)', () => {
    const ok = [...rendered(outcome('Succeeded')).querySelectorAll('table')].at(-1)!;
    expect(headers(ok)).toEqual(['Activity', 'Type', 'Status', 'Start (UTC)', 'Duration']);
    expect(ok.querySelector('tbody td:nth-child(4)')!.textContent).toBe('10:00:01');
    const bad = [...rendered(outcome('Failed')).querySelectorAll('table')].at(-1)!;
    expect(headers(bad)).toContain('Error');
  });

  it('shows the return value as JSON', () => {
    const doc = rendered(outcome('Succeeded'));
    const h = [...doc.querySelectorAll('h3')].find((x) => x.textContent === 'Return value');
    expect(h).toBeDefined();
    expect(JSON.parse(doc.querySelector('pre code.language-json')!.textContent!)).toEqual({ rows: 42, ok: true });
  });

  it('puts failure messages in wrapping text, whole, not in code that scrolls sideways', () => {
    const doc = rendered(outcome('Failed'));
    for (const pre of doc.querySelectorAll('pre')) expect(pre.textContent).not.toContain('SqlErrorNumber');
    const quotes = [...doc.querySelectorAll('blockquote')].map((q) => q.textContent!);
    expect(quotes.some((q) => q.includes(LONG))).toBe(true);
    // Markdown punctuation and HTML in the message show as they are.
    expect(quotes.some((q) => q.includes('<customer_name> | column 7'))).toBe(true);
    expect(doc.body.textContent).not.toContain('full text in the job summary');
  });

  it('starts with the heading and one line naming the pipeline, the factory and the run', () => {
    const doc = rendered(outcome('Failed'));
    const first = doc.body.firstElementChild!;
    expect(first.tagName).toBe('H2');
    const line = first.nextElementSibling!;
    expect(line.tagName).toBe('P');
    expect(line.textContent).toContain('Factory adf-prod (resource group rg-data)');
    expect(line.querySelector('a')!.getAttribute('href')).toContain(RUN_ID);
  });
});
