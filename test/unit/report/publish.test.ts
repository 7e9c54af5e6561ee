// What the step hands the runner (publish.ts) and the words it ends with (messages.ts, outputs.ts),
// from the result model: annotations, the step's failure or closing line, masking in the `run`
// output, and a summary that cannot be written.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => import('../../support/core-mock.ts'));

import { AuthError, ServiceError } from '../../../src/http/errors.js';
import { closingLine, stepFailure } from '../../../src/report/messages.js';
import type { FailedActivity, RunResult } from '../../../src/model/result.js';
import { aggregateStatus, failingLine, maskedRaw, outputsOf } from '../../../src/report/outputs.js';
import { annotationsOf, announceRun, failStep, failureText, publishStep } from '../../../src/report/publish.js';
import * as core from '../../support/core-mock.ts';
import { recorded, resetCore } from '../../support/core-mock.ts';
import { runResult, stepResult } from '../../support/results.ts';

beforeEach(() => resetCore());

const view = (status: string, over: Record<string, unknown> = {}) =>
  ({ runId: 'r', pipelineName: 'p', status, message: '', raw: {}, ...over }) as RunResult['run'];
const failed = (over: Partial<FailedActivity> = {}): FailedActivity => ({
  name: 'Copy',
  type: 'Copy',
  errorCode: '2200',
  message: 'sink missing',
  failureType: 'UserError',
  pipelineName: 'p',
  pipelineRunId: 'r',
  activityRunId: 'a',
  path: 'Copy',
  ...over,
});
const ok = (name: string) =>
  runResult({ pipelineName: name, runId: `${name}-id`, status: 'Succeeded', run: view('Succeeded') });
const bad = (name: string, over: Partial<RunResult> = {}) =>
  runResult({
    pipelineName: name,
    runId: `${name}-id`,
    status: 'Failed',
    run: view('Failed', { message: 'it broke' }),
    ...over,
  });

describe('annotations', () => {
  it('one per failed activity: kind and message; titled by path, and by pipeline in a batch', () => {
    const runs = [
      bad('a', { failed: [failed(), failed({ path: 'Exec › Inner', errorCode: '', failureType: '', message: '' })] }),
    ];
    expect(annotationsOf(stepResult(runs))).toEqual([
      { message: 'UserError 2200: sink missing', title: 'Copy' },
      { message: '(no message)', title: 'Exec › Inner' },
    ]);
    expect(annotationsOf(stepResult([...runs, ok('b')])).map((a) => a.title)).toEqual(['a › Copy', 'a › Exec › Inner']);
  });

  it('a path too long for a title is replaced by the activity’s name; a long message is trimmed', () => {
    const [a] = annotationsOf(
      stepResult([bad('a', { failed: [failed({ path: `${'x › '.repeat(30)}Copy`, message: 'word '.repeat(300) })] })]),
    );
    expect(a!.title).toBe('Copy');
    expect(a!.message.endsWith('… (full text in the job summary)')).toBe(true);
  });
});

describe('the step’s failure', () => {
  it('one run never started: the step’s error, else the item’s, else a plain line', () => {
    expect(stepFailure(stepResult([runResult({ error: 'item' })], { error: 'step' }))).toBe('step');
    expect(stepFailure(stepResult([runResult({ error: 'item' })]))).toBe('item');
    expect(stepFailure(stepResult([runResult()]))).toBe('No run was started.');
  });

  it('one run: our own error, then the ending’s text', () => {
    const r = bad('a', { ending: { kind: 'error', fail: true, message: '\nRun a-id: (no link)' } });
    expect(stepFailure(stepResult([r], { stop: 'error', error: 'boom.' }))).toBe('boom.\nRun a-id: (no link)');
    expect(stepFailure(stepResult([runResult({ runId: 'x' })], { stop: 'error' }))).toBe('The action failed.');
  });

  it('one run: an ending that does not fail the step says nothing', () => {
    const r = ok('a');
    r.ending = { kind: 'timeout', fail: false, message: 'succeeded at the deadline' };
    expect(stepFailure(stepResult([r]))).toBe('');
    expect(closingLine(stepResult([r]))).toBe('succeeded at the deadline');
  });

  it('a batch: why it stopped, then a line per run that did not end as wanted', () => {
    const runs = [ok('a'), bad('b'), runResult({ pipelineName: 'c', note: 'Not started (timeout).' })];
    expect(stepFailure(stepResult(runs, { stop: 'timeout', timeoutMs: 90_000 }))).toBe(
      'Timed out after 1m 30s waiting for the runs.\nb: Failed: it broke\nc: not started: Not started (timeout).',
    );
    expect(stepFailure(stepResult(runs, { stop: 'cancelled' }))).toMatch(
      /^The workflow was cancelled while waiting for the runs\.\nb: /,
    );
    expect(stepFailure(stepResult(runs, { stop: 'error', error: 'boom.' }))).toMatch(/^boom\.\nb: Failed/);
    expect(stepFailure(stepResult(runs, { stop: 'error' }))).toMatch(/^The action failed\.\nb: /);
    expect(stepFailure(stepResult(runs))).toMatch(/^2 of 3 pipeline\(s\) did not succeed:\nb: Failed: it broke\nc: /);
    expect(stepFailure(stepResult(runs, { stop: 'fail-fast' }))).toMatch(/^2 of 3 pipeline\(s\) did not succeed:/);
  });

  it('a batch that started nothing: the step’s error alone', () => {
    const runs = [runResult({ pipelineName: 'a' }), runResult({ pipelineName: 'b' })];
    expect(stepFailure(stepResult(runs, { error: 'no fit' }))).toBe('no fit');
  });

  it('a batch where every run ended as wanted: no failure, the closing line', () => {
    const skipped = runResult({
      pipelineName: 's',
      runId: 's-id',
      status: 'InProgress',
      run: view('InProgress'),
      skipped: true,
    });
    const noWait = runResult({ pipelineName: 'n', runId: 'n-id', status: 'Queued', noWait: true });
    const step = stepResult([ok('a'), skipped, noWait], { elapsedMs: 65_000 });
    expect(stepFailure(step)).toBe('');
    expect(closingLine(step)).toBe('All 3 pipeline(s) succeeded in 1m 5s.');
  });

  it('one run skipped or not waited for: the closing line says so', () => {
    expect(closingLine(stepResult([runResult({ runId: 'x', status: 'InProgress', skipped: true })]))).toBe(
      'Not waiting (if-running: skip). Status now: InProgress.',
    );
    expect(closingLine(stepResult([runResult({ runId: 'x', status: 'Queued', noWait: true })]))).toBe(
      'Not waiting (wait: false). Status now: Queued.',
    );
  });

  it('failing lines: the error wins over the message and the note; long text is one trimmed line', () => {
    expect(failingLine(ok('a'))).toBeUndefined();
    expect(failingLine(bad('b', { error: 'why' }))).toBe('b: Failed: why');
    expect(failingLine(bad('b', { run: view('Failed'), note: 'noted' }))).toBe('b: Failed: noted');
    expect(failingLine(bad('b', { run: view('Failed') }))).toBe('b: Failed');
    const long = failingLine(bad('b', { error: `x\n${'word '.repeat(100)}` }))!;
    expect(long).not.toContain('\n');
    expect(long.length).toBeLessThan(360);
  });
});

describe('outputs', () => {
  it('aggregate status: every Succeeded, else the first of the contract’s order a run has, else Failed', () => {
    expect(aggregateStatus([ok('a'), ok('b')])).toBe('Succeeded');
    expect(aggregateStatus([runResult({ status: 'Queued' }), runResult({ status: 'Canceling' })])).toBe('Canceling');
    expect(aggregateStatus([ok('a'), runResult({ status: '' })])).toBe('Failed');
  });

  it('a batch: started is true only when every run was started by the step', () => {
    const attached = runResult({ pipelineName: 'b', runId: 'b-id', started: false, status: 'Succeeded' });
    expect(outputsOf(stepResult([ok('a'), attached])).started).toBe('false');
    expect(outputsOf(stepResult([ok('a'), ok('b')])).started).toBe('true');
    const out = outputsOf(stepResult([ok('a'), bad('b', { failed: [failed()] })]));
    expect(out).toMatchObject({ 'run-id': '', run: '', 'return-value': '{}', 'duration-ms': '' });
    expect(JSON.parse(out['failed-activities']!)).toEqual([
      {
        name: 'Copy',
        type: 'Copy',
        errorCode: '2200',
        message: 'sink missing',
        failureType: 'UserError',
        pipelineName: 'p',
        pipelineRunId: 'r',
      },
    ]);
  });

  it('one run that never started: the message says why', () => {
    expect(outputsOf(stepResult([runResult({ error: 'refused' })])).message).toBe('refused');
    expect(outputsOf(stepResult([runResult({ runId: 'x', run: view('InProgress'), note: 'n' })])).message).toBe('');
  });

  it('the `run` output masks SecureString values, and every value without a definition', () => {
    const run = view('Succeeded', { raw: { runId: 'r', parameters: { pw: 'secret', region: 'eu' } } })!;
    expect(maskedRaw({ definitions: { pw: { type: 'SecureString' }, region: { type: 'String' } } }, run)).toEqual({
      runId: 'r',
      parameters: { pw: '***', region: 'eu' },
    });
    expect(maskedRaw({ maskAllParameters: true }, run)).toEqual({
      runId: 'r',
      parameters: { pw: '***', region: '***' },
    });
    const list = view('Succeeded', { raw: { parameters: ['x'] } })!;
    expect(maskedRaw({ maskAllParameters: true }, list)).toBe(list.raw);
  });
});

describe('publishing', () => {
  it('announces a run as soon as it exists', () => {
    announceRun({ runId: 'r1', runUrl: 'u', started: false });
    expect(recorded.outputLog).toEqual([
      ['run-id', 'r1'],
      ['run-url', 'u'],
      ['started', 'false'],
    ]);
  });

  it('sets every output, annotates, writes the summary, then fails with the message', async () => {
    await publishStep(stepResult([bad('a', { failed: [failed()] })]), { jobSummary: true });
    expect(recorded.outputs.status).toBe('Failed');
    expect(recorded.errors).toHaveLength(1);
    expect(recorded.summaries).toHaveLength(1);
    expect(recorded.failed).toHaveLength(1);
    expect(recorded.failed[0]).toMatch(/^Pipeline 'a' run a-id ended Failed\./);
  });

  it('job-summary: false writes none; a step that started nothing has no single-run summary', async () => {
    await publishStep(stepResult([ok('a')]), { jobSummary: false });
    expect(recorded.summaries).toEqual([]);
    expect(recorded.info).toContain('Run a-id succeeded.');
    await publishStep(stepResult([runResult({ error: 'x' })]), { jobSummary: true });
    expect(recorded.summaries).toEqual([]);
    await publishStep(
      stepResult([runResult({ pipelineName: 'a' }), runResult({ pipelineName: 'b' })], { error: 'x' }),
      {
        jobSummary: true,
      },
    );
    expect(recorded.summaries).toHaveLength(1);
  });

  it('a summary that cannot be written is a warning', async () => {
    const write = vi.spyOn(core.summary, 'write').mockRejectedValueOnce(new Error('disk full'));
    await publishStep(stepResult([ok('a')]), { jobSummary: true });
    expect(write).toHaveBeenCalled();
    expect(recorded.warnings).toEqual(['Could not write the job summary: disk full']);
    expect(recorded.failed).toEqual([]);
  });

  it('no closing line when a run did not end as wanted yet the step does not fail', async () => {
    const r = runResult({ runId: 'x', status: 'InProgress' });
    r.ending = { kind: 'timeout', fail: false, message: 'm' };
    await publishStep(stepResult([r]), { jobSummary: false });
    expect(recorded.failed).toEqual([]);
    expect(recorded.info).toEqual([]);
  });

  it('pr-comment outside a pull request sends nothing and says nothing', async () => {
    const was = process.env.GITHUB_EVENT_NAME;
    process.env.GITHUB_EVENT_NAME = 'push';
    try {
      await publishStep(stepResult([ok('a')]), { jobSummary: false, prComment: true, githubToken: 't' });
    } finally {
      if (was === undefined) delete process.env.GITHUB_EVENT_NAME;
      else process.env.GITHUB_EVENT_NAME = was;
    }
    expect(recorded.warnings).toEqual([]);
  });
});

describe('failure texts', () => {
  it('a sign-in error with its advice', () => {
    expect(failureText(new AuthError('Sign-in failed', { hint: 'Check the secret.' }))).toBe(
      'Sign-in failed\nCheck the secret.',
    );
    expect(failureText(new AuthError('Sign-in failed'), undefined, '!')).toBe('Sign-in failed!');
  });

  it('a service error: who refused what, the service’s words, the advice and the IDs', () => {
    const e = new ServiceError({
      op: 'getRun',
      status: 404,
      code: 'NotFound',
      message: 'no such run',
      requestId: 'q1',
    });
    e.hint = 'Check run-id.';
    const text = failureText(e);
    expect(text).toMatch(/^Azure answered getRun with an error: HTTP 404 NotFound: no such run\nCheck run-id\./);
    expect(failureText(e, 'createRun')).toMatch(/^Azure refused to start the run: HTTP 404 NotFound/);
  });

  it('failStep fails with the error’s text', () => {
    failStep(new Error('bad input'));
    expect(recorded.failed).toEqual(['bad input']);
  });
});
