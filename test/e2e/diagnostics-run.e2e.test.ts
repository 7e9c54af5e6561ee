// Issue 4, run reports: failed activities (nested pipelines included, activity runs read page by
// page) become annotations, the failed-activities output and the failure message; every run's
// summary has the activity table, and a Mermaid timeline when there are more than 3 activities.
// Also: RUNNER_DEBUG shows each ARM request without any token.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { runStep, type StepResult } from '../support/action-runner.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { expectNoSecrets, failureOf } from './diagnostics-helpers.ts';

let w: World;
beforeAll(async () => {
  // Two activity runs per page: the parent's three activities take two pages.
  w = await startWorld({ activityPageSize: 2 });
});
afterAll(() => w?.emu.close());
beforeEach(() => w.emu.clearRequests());

const run = (pipeline: string, extra: { inputs?: Record<string, string>; env?: Record<string, string> } = {}) =>
  runStep({
    inputs: { ...w.base, ...w.secretAuth, 'pipeline-name': pipeline, 'poll-interval': '1s', ...extra.inputs },
    env: { ...w.caEnv, ...extra.env },
  });

/** ~3000 characters, words and all, like a Spark stack trace summary. */
const LONG_MESSAGE = Array.from(
  { length: 40 },
  (_, i) => `Job aborted due to stage failure: task ${i} in stage 7.0 failed 4 times (executor ${i % 5}).`,
).join(' ');
const SHORT_MESSAGE = "Invoking endpoint 'https://hooks.example.com/etl' failed with HttpStatusCode - 500.";

/** Summary table rows: `| name | type | status | start | duration | error |`. */
function tableRows(summary: string): string[][] {
  const lines = summary.split('\n');
  const header = lines.findIndex((l) => l.startsWith('| Activity | Type | Status | Start (UTC) | Duration |'));
  expect(header, summary).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

/** The chart's lines; its init directive (the theme that draws succeeded bars green) comes first. */
function mermaid(summary: string): string[] | undefined {
  const m = /```mermaid\n([\s\S]*?)\n```/.exec(summary);
  const lines = m?.[1].split('\n');
  if (lines?.[0]?.startsWith('%%{init')) {
    expect(lines[0]).toContain("'doneTaskBkgColor': '#2da44e'");
    return lines.slice(1);
  }
  return lines;
}

test('nested and failed activities: annotations, failed-activities output, failure message, summary', async () => {
  expect(LONG_MESSAGE.length).toBeGreaterThan(2900);
  w.emu.nextRunScript('parent-with-child', {
    final: 'Failed',
    activities: [
      { name: 'Prepare', type: 'SetVariable', durationMs: 100 },
      {
        name: 'Run child',
        type: 'ExecutePipeline',
        child: {
          pipelineName: 'child-load',
          script: {
            final: 'Failed',
            activities: [
              { name: 'Copy table', type: 'Copy', durationMs: 100 },
              {
                name: 'Transform',
                type: 'DatabricksNotebook',
                durationMs: 100,
                status: 'Failed',
                error: { errorCode: '3204', message: LONG_MESSAGE, failureType: 'UserError' },
              },
            ],
          },
        },
      },
      {
        name: 'Notify',
        type: 'WebActivity',
        durationMs: 100,
        status: 'Failed',
        error: { errorCode: '2108', message: SHORT_MESSAGE, failureType: 'UserError' },
      },
    ],
  });
  const r = await run('parent-with-child');
  const failure = failureOf(r);
  const parent = w.emu.runs.find((x) => x.runId === r.outputs['run-id'])!;
  const child = w.emu.getRun(parent.childRunIds[0])!;
  expect(child.pipelineName).toBe('child-load');

  // Activity runs were read page by page (continuationToken) for the parent, then for the child.
  const queries = w.emu.requestsFor('queryActivityRuns', 'arm');
  const pagesOf = (runId: string) => queries.filter((q) => q.path.includes(`/pipelineruns/${runId}/`));
  expect(pagesOf(parent.runId)).toHaveLength(2);
  expect((pagesOf(parent.runId)[1].body as { continuationToken?: string }).continuationToken).toBeTruthy();
  expect(pagesOf(child.runId)).toHaveLength(1);

  // One ::error annotation per failed activity, titled with its path; the Execute Pipeline
  // wrapper is not repeated since its child's failure is listed.
  const titled = r.annotations.filter((a) => a.level === 'error' && a.title);
  expect(titled.map((a) => a.title)).toEqual(['Run child › Transform', 'Notify']);
  const [transform, notify] = titled;
  expect(transform.message.startsWith(`UserError 3204: ${LONG_MESSAGE.slice(0, 200)}`)).toBe(true);
  expect(transform.message.length).toBeLessThan(LONG_MESSAGE.length / 3);
  // Cut at a word boundary, and says where the rest is.
  const kept = /^UserError 3204: (.*\S)… \(full text in the job summary\)$/.exec(transform.message)?.[1];
  expect(kept && LONG_MESSAGE.startsWith(kept) && LONG_MESSAGE[kept.length] === ' ').toBe(true);
  expect(notify.message).toBe(`UserError 2108: ${SHORT_MESSAGE}`);

  // failed-activities output: every field, whole messages.
  const failed = JSON.parse(r.outputs['failed-activities']);
  expect(failed).toEqual([
    {
      name: 'Transform',
      type: 'DatabricksNotebook',
      errorCode: '3204',
      message: LONG_MESSAGE,
      failureType: 'UserError',
      pipelineName: 'child-load',
      pipelineRunId: child.runId,
    },
    {
      name: 'Notify',
      type: 'WebActivity',
      errorCode: '2108',
      message: SHORT_MESSAGE,
      failureType: 'UserError',
      pipelineName: 'parent-with-child',
      pipelineRunId: parent.runId,
    },
  ]);
  expect(r.outputs.status).toBe('Failed');

  // The step's failure message lists both, trimmed, with the Studio link.
  expect(failure).toContain(`Pipeline 'parent-with-child' run ${parent.runId} ended Failed`);
  expect(failure).toContain('Failed activities (2):');
  expect(failure).toContain('  - Run child › Transform (DatabricksNotebook): UserError 3204: Job aborted');
  expect(failure).toContain(`  - Notify (WebActivity): UserError 2108: ${SHORT_MESSAGE}`);
  expect(failure).not.toContain(LONG_MESSAGE);
  expect(failure).toContain(`Run in ADF Studio: ${r.outputs['run-url']}`);

  // The summary keeps the long message whole and has the table and the timeline.
  const s = r.summary;
  expect(s).toContain('## ❌ parent-with-child: Failed');
  expect(s).toContain(`[\`${parent.runId}\`](${r.outputs['run-url']})`);
  expect(s).toContain('### Failed activities (2)');
  expect(s).toContain(`#### ❌ Run child › Transform (DatabricksNotebook)`);
  // …as a quoted paragraph that wraps, not a code block that scrolls.
  expect(s).toContain(`> ${LONG_MESSAGE}`);
  const rows = tableRows(s);
  expect(rows.map((c) => [c[0], c[1], c[2]])).toEqual([
    ['Prepare', 'SetVariable', '✅ Succeeded'],
    ['Run child', 'ExecutePipeline', '❌ Failed'],
    ['&nbsp;&nbsp;↳ Copy table', 'Copy', '✅ Succeeded'],
    ['&nbsp;&nbsp;↳ Transform', 'DatabricksNotebook', '❌ Failed'],
    ['Notify', 'WebActivity', '❌ Failed'],
  ]);
  for (const c of rows) {
    expect(c[3]).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(c[4]).toMatch(/^\d+(ms|s)$/);
  }
  expect(rows[4][5]).toBe(SHORT_MESSAGE);
  expect(rows[3][5]).toContain('… (in full above)');
  const chart = mermaid(s);
  expect(chart?.slice(0, 2)).toEqual(['gantt', '  title Activity timeline']);
  const tasks = chart!.filter((l) => / :/.test(l));
  expect(tasks).toHaveLength(5);
  expect(tasks.filter((l) => l.includes(':crit,'))).toHaveLength(3);
  for (const t of tasks) expect(t).toMatch(/^ {2}[^:#;]+ :(crit, |done, )?\d{13}, \d{13}$/);
  expectNoSecrets(r);
});

test('a successful run also gets the activity table, and the timeline with more than 3 activities', async () => {
  w.emu.nextRunScript('quick', {
    activities: ['Lookup watermark', 'Copy customers', 'Copy orders', 'Update watermark'].map((name) => ({
      name,
      type: name.startsWith('Copy') ? 'Copy' : 'Lookup',
      durationMs: 100,
    })),
  });
  const r = await run('quick');
  expect(r.exitCode, r.stdout).toBe(0);
  expect(r.outputs['failed-activities']).toBe('[]');
  expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
  expect(r.summary).toContain('## ✅ quick: Succeeded');
  expect(r.summary).not.toContain('Failed activities');
  const rows = tableRows(r.summary);
  expect(rows.map((c) => c[0])).toEqual(['Lookup watermark', 'Copy customers', 'Copy orders', 'Update watermark']);
  // No Error column when nothing failed.
  expect(rows.every((c) => c[2] === '✅ Succeeded' && c.length === 5)).toBe(true);
  const tasks = mermaid(r.summary)!.filter((l) => / :/.test(l));
  expect(tasks).toHaveLength(4);
  expect(tasks.every((t) => t.includes(':done, '))).toBe(true);
});

test('with 3 activities or fewer: the table without a timeline', async () => {
  const r = await run('quick');
  expect(r.exitCode, r.stdout).toBe(0);
  expect(tableRows(r.summary).map((c) => c[0])).toEqual(['Noop']);
  expect(r.summary).not.toContain('```mermaid');
});

test('RUNNER_DEBUG: ::debug:: lines show method, path, status and x-ms-request-id; never a token', async () => {
  const r: StepResult = await runStep({
    inputs: { ...w.base, ...w.oidcAuth, 'pipeline-name': 'quick', 'poll-interval': '1s' },
    env: { ...w.oidcEnv, RUNNER_DEBUG: '1' },
  });
  expect(r.exitCode, r.stdout).toBe(0);
  const debug = r.stdout.split('\n').filter((l) => l.startsWith('::debug::ARM '));
  const arm = w.emu.requests.filter((q) => q.service === 'arm');
  expect(arm.length).toBeGreaterThanOrEqual(4);
  // One line per ARM request that reached the emulator, in order, with its method, path and status.
  expect(debug).toHaveLength(arm.length);
  arm.forEach((q, i) => {
    expect(debug[i]).toContain(`ARM ${q.method} ${decodeURIComponent(q.path)} → ${q.status} `);
    expect(debug[i]).toMatch(/\(x-ms-request-id [0-9a-f-]{36}\)$/);
  });
  expect(arm.map((q) => q.op)).toEqual(
    expect.arrayContaining(['getPipeline', 'createRun', 'getRun', 'queryActivityRuns']),
  );
  // No header, token or request token anywhere.
  expect(r.all).not.toMatch(/authorization|bearer/i);
  expect(r.all).not.toContain(w.emu.oidcRequestToken);
  const tokens = arm.map((q) => q.headers.authorization.replace(/^Bearer /, ''));
  expectNoSecrets(r, tokens);
  expect(r.masked).toEqual(expect.arrayContaining([tokens[0]]));
});
