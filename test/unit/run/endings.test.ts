// decide(): every ending × every cancel outcome, as one table.
import { describe, expect, it } from 'vitest';
import { decide, type CancelResult, type Ending } from '../../../src/run/endings.js';
import type { RunStatus, RunView } from '../../../src/model/run.js';

const ctx = { runId: 'r1', pipelineName: 'p1', runUrl: 'https://adf/r1', studioName: 'ADF Studio' };
const run = (status: RunStatus): RunView => ({ runId: 'r1', pipelineName: 'p1', status, message: '', raw: {} });

const cancels: Record<string, CancelResult> = {
  'not-asked': { outcome: 'not-asked', input: 'x' },
  cancelled: { outcome: 'cancelled', run: run('Cancelled') },
  'cancelled, status unknown': { outcome: 'cancelled' },
  'already Succeeded': { outcome: 'already-final', run: run('Succeeded') },
  'already Failed': { outcome: 'already-final', run: run('Failed') },
  'already Cancelled': { outcome: 'already-final', run: run('Cancelled') },
  failed: { outcome: 'failed', error: 'no answer', run: run('InProgress') },
};

describe('final', () => {
  it.each([
    ['Succeeded', false],
    ['Failed', true],
    ['Cancelled', true],
  ])('%s: fails %s, reports the run, handled', (status, fail) => {
    const d = decide({ kind: 'final', status }, ctx);
    expect(d).toEqual({ fail, reportRun: true, handled: true, message: '' });
  });
});

// [cancel, fail, reportRun, handled, note contains]
const timeoutTable: Array<[string, boolean, boolean, boolean, string]> = [
  ['not-asked', true, false, true, 'The run was left InProgress (cancel-on-timeout: false).'],
  ['cancelled', true, false, true, 'Cancelled run r1; its status is now Cancelled.'],
  ['cancelled, status unknown', true, false, true, 'Cancelled run r1.'],
  ['already Succeeded', false, true, true, 'The run succeeded at the deadline'],
  ['already Failed', true, true, true, 'had already ended (Failed)'],
  ['already Cancelled', true, true, true, 'had already ended (Cancelled)'],
  ['failed', true, false, false, 'Could not cancel run r1: no answer (last known status InProgress)'],
];

describe('timeout', () => {
  it.each(timeoutTable)('cancel %s: fail %s, reportRun %s, handled %s', (c, fail, reportRun, handled, text) => {
    const d = decide({ kind: 'timeout', timeoutMs: 90_000, lastStatus: 'InProgress', cancel: cancels[c] }, ctx);
    expect({ fail: d.fail, reportRun: d.reportRun, handled: d.handled }).toEqual({ fail, reportRun, handled });
    expect(d.note).toContain(text);
    expect(d.message).toContain(text);
    if (fail) {
      expect(d.note).toMatch(/^The wait timed out after 1m 30s\. /);
      expect(d.message).toMatch(/^Timed out after 1m 30s waiting for run r1 of 'p1'\. /);
      expect(d.message).toMatch(/\nRun in ADF Studio: https:\/\/adf\/r1$/);
    } else {
      expect(d.message).toBe(d.note);
      expect(d.note).toContain('after 1m 30s');
    }
  });
});

// [cancel, handled, text]
const cancelledTable: Array<[string, boolean, string]> = [
  ['not-asked', true, 'Run r1 was left running (cancel-on-workflow-cancel: false); it is still InProgress.'],
  ['cancelled', true, 'Cancelled run r1; its status is now Cancelled.'],
  ['already Succeeded', true, 'had already ended (Succeeded)'],
  ['already Failed', true, 'had already ended (Failed)'],
  ['failed', false, 'Could not cancel run r1'],
];

describe('workflow cancelled', () => {
  it.each(cancelledTable)('cancel %s: fails, handled %s', (c, handled, text) => {
    const d = decide({ kind: 'cancelled', lastStatus: 'InProgress', cancel: cancels[c] }, ctx);
    expect(d.fail).toBe(true);
    expect(d.reportRun).toBe(false);
    expect(d.handled).toBe(handled);
    expect(d.note).toMatch(/^The workflow was cancelled\. /);
    expect(d.note).toContain(text);
    expect(d.message).toMatch(/^The workflow was cancelled while waiting for run r1\. /);
    expect(d.log).toContain(text);
  });
});

// A batch's fail-fast stops the wait for the runs still going. [cancel, fail, reportRun, handled, note]
const REASON = 'fail-fast: another run did not succeed';
const stoppedTable: Array<[string, boolean, boolean, boolean, string]> = [
  ['not-asked', true, false, true, `${REASON}. The run was left InProgress.`],
  ['cancelled', true, false, true, `${REASON}. Cancelled run r1; its status is now Cancelled.`],
  ['cancelled, status unknown', true, false, true, `${REASON}. Cancelled run r1.`],
  // It ended by itself before the cancel: its own end decides, as if the wait had seen it.
  ['already Succeeded', false, true, true, `${REASON}; the run had already ended Succeeded.`],
  ['already Failed', true, true, true, `${REASON}; the run had already ended Failed.`],
  ['already Cancelled', true, true, true, `${REASON}; the run had already ended Cancelled.`],
  ['failed', true, false, false, `${REASON}. Could not cancel run r1: no answer (last known status InProgress)`],
];

describe('stopped by fail-fast', () => {
  it.each(stoppedTable)('cancel %s: fail %s, reportRun %s, handled %s', (c, fail, reportRun, handled, text) => {
    const d = decide({ kind: 'stopped', reason: REASON, lastStatus: 'InProgress', cancel: cancels[c] }, ctx);
    expect({ fail: d.fail, reportRun: d.reportRun, handled: d.handled }).toEqual({ fail, reportRun, handled });
    expect(d.note).toContain(text);
    expect(d.note!.startsWith(REASON)).toBe(true);
    if (reportRun) expect(d.message).toBe('');
    else expect(d.message).toBe(d.note);
    expect(d.log).toBeUndefined();
  });

  it('an attached run is left with why', () => {
    const d = decide(
      { kind: 'stopped', reason: REASON, lastStatus: 'Queued', cancel: cancels['not-asked']! },
      { ...ctx, attached: true },
    );
    expect(d.note).toBe(`${REASON}. The run was left Queued: this step did not start it.`);
  });
});

const errorTable: Array<[string, boolean, string]> = [
  ['not-asked', true, 'The run was left running (cancel-on-workflow-cancel: false).'],
  ['cancelled', true, 'Cancelled run r1; its status is now Cancelled.'],
  ['already Succeeded', true, 'had already ended (Succeeded)'],
  ['failed', false, 'Could not cancel run r1'],
];

describe('the action’s own error after the start', () => {
  it.each(errorTable)('cancel %s: fails, handled %s', (c, handled, text) => {
    const d = decide({ kind: 'error', error: 'boom.', lastStatus: 'InProgress', cancel: cancels[c] }, ctx);
    expect(d).toMatchObject({ fail: true, reportRun: false, handled });
    expect(d.note).toBe(`The action failed: boom. ${d.message.split('\n').at(-1)}`);
    expect(d.note).toContain(text);
    expect(d.message).toBe(`\nRun r1: https://adf/r1\n${d.message.split('\n').at(-1)}`);
  });

  it('the run had ended on its own', () => {
    const d = decide({ kind: 'error', error: 'boom.', lastStatus: 'Failed', cancel: { outcome: 'run-ended' } }, ctx);
    expect(d).toMatchObject({ fail: true, reportRun: false, handled: true });
    expect(d.note).toBe('The action failed: boom. The run itself ended Failed.');
  });

  it('no link: says so', () => {
    const d = decide(
      { kind: 'error', error: 'boom.', lastStatus: 'Failed', cancel: { outcome: 'run-ended' } } as Ending,
      { ...ctx, runUrl: '' },
    );
    expect(d.message).toContain('Run r1: (no link)');
  });

  it('timeout without a link has no link line', () => {
    const d = decide(
      { kind: 'timeout', timeoutMs: 1_000, lastStatus: 'Queued', cancel: cancels.cancelled },
      { ...ctx, runUrl: '' },
    );
    expect(d.message).not.toContain('Run in');
  });
});
