// retry-on: which failed runs are retried, and the reason the log gives.
import { describe, expect, it } from 'vitest';
import { decideRetry, failureReasonCode, parseRetryOn, type RetryOn } from '../../../src/run/retry-policy.js';

const policy = (text: string): RetryOn => {
  const { policy: p, problems } = parseRetryOn(text);
  expect(problems).toEqual([]);
  return p;
};
const failed = { status: 'Failed' };
const system = (name: string, errorCode = '2108') => ({ name, errorCode, failureType: 'SystemError' });
const user = (name: string, errorCode = '2200') => ({ name, errorCode, failureType: 'UserError' });

describe('parseRetryOn', () => {
  it('reads system-error, any and error codes, in any case and spacing', () => {
    expect(parseRetryOn(' System-Error , 2200,UserErrorSourceBlobNotExist, 2200 ').policy).toEqual({
      systemError: true,
      any: false,
      codes: ['2200', 'UserErrorSourceBlobNotExist'],
    });
    expect(parseRetryOn('any').policy.any).toBe(true);
  });

  it('says what to write for failure types spelt as the service spells them', () => {
    expect(parseRetryOn('SystemError').problems).toEqual(["'retry-on' item 'SystemError': write 'system-error'."]);
    expect(parseRetryOn('user-error').problems[0]).toContain('name their error codes');
  });

  it('refuses items that cannot be error codes, and an empty list', () => {
    expect(parseRetryOn('system-error, two words').problems[0]).toContain("'two words' is neither");
    expect(parseRetryOn(' , ').problems[0]).toContain("'retry-on' is empty");
  });
});

describe('decideRetry', () => {
  it('retries when every failed activity is a SystemError', () => {
    expect(decideRetry(policy('system-error'), failed, [system('Copy'), system('Load')])).toEqual({
      retry: true,
      reason: 'retrying: every failed activity is a SystemError',
    });
  });

  it('does not retry when one failed activity is a UserError, and names it', () => {
    expect(decideRetry(policy('system-error'), failed, [system('Load'), user('Copy')])).toEqual({
      retry: false,
      reason: "not retrying: activity 'Copy' failed with UserError 2200",
    });
  });

  it('retries listed error codes (case-insensitive), also mixed with system errors', () => {
    const d = decideRetry(policy('system-error, usererrorsourceblobnotexist'), failed, [
      system('Load'),
      user('Copy', 'UserErrorSourceBlobNotExist'),
    ]);
    expect(d.retry).toBe(true);
    expect(d.reason).toBe(
      "retrying: every failure is listed in retry-on (activity 'Load': SystemError 2108; activity 'Copy': UserError UserErrorSourceBlobNotExist)",
    );
    expect(decideRetry(policy('2200'), failed, [system('Load')]).retry).toBe(false);
  });

  it('retries anything with any', () => {
    expect(decideRetry(policy('any'), failed, [user('Copy')])).toEqual({
      retry: true,
      reason: "retrying: retry-on has 'any'",
    });
  });

  it('retries a run with no failed activity to judge only with any', () => {
    expect(decideRetry(policy('system-error, 2200'), failed, [])).toEqual({
      retry: false,
      reason: "not retrying: no failed activity says why the run failed; only retry-on 'any' retries such a run",
    });
    expect(decideRetry(policy('any'), failed, []).retry).toBe(true);
  });

  it("judges Fabric's failureReason code: for the job when no activity was read, and for each activity", () => {
    const fabric = { status: 'Failed', failureReasonCode: 'JobInstanceStatusFailed' };
    expect(decideRetry(policy('JobInstanceStatusFailed'), fabric, [])).toEqual({
      retry: true,
      reason: 'retrying: every failure is listed in retry-on (the job: code JobInstanceStatusFailed)',
    });
    expect(decideRetry(policy('system-error'), fabric, [])).toEqual({
      retry: false,
      reason: 'not retrying: the job failed with code JobInstanceStatusFailed',
    });
    expect(decideRetry(policy('JobInstanceStatusFailed'), fabric, [user('Copy')]).retry).toBe(true);
  });

  it('never retries a cancelled run, nor one that did not fail', () => {
    expect(decideRetry(policy('any'), { status: 'Cancelled' }, [])).toEqual({
      retry: false,
      reason: 'not retrying: the run was cancelled, and a cancelled run is never retried',
    });
    expect(decideRetry(policy('any'), { status: 'Succeeded' }, []).retry).toBe(false);
  });
});

describe('failureReasonCode', () => {
  it("reads Fabric's failureReason.errorCode, and nothing else", () => {
    expect(failureReasonCode({ raw: { failureReason: { errorCode: 'JobInstanceStatusFailed', message: 'm' } } })).toBe(
      'JobInstanceStatusFailed',
    );
    expect(failureReasonCode({ raw: { failureReason: null } })).toBeUndefined();
    expect(failureReasonCode({ raw: {} })).toBeUndefined();
  });
});
