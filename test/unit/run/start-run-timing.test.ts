// startRun on a fake clock, both modes: how long between attempts, when it gives up and with what
// message, which runs the list-based check adopts, and what it asks the service for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CancelledError, TransportError } from '../../../src/http/errors.js';
import { DuplicateRunsError, startRun, type StartRunOptions } from '../../../src/run/start.js';
import type { RunQuery, RunView } from '../../../src/model/run.js';
import { FakeService, RUN_ID, serviceError, transportError } from '../../support/fake-service.ts';

const log = { info: vi.fn(), warning: vi.fn(), debug: vi.fn() };
const T0 = Date.parse('2025-01-01T00:00:00Z');

async function start(service: FakeService, o: Partial<StartRunOptions> = {}) {
  const t0 = Date.now();
  let settled = false;
  const p = startRun(service, {
    pipelineName: 'p1',
    parameters: { region: 'eu' },
    flags: {},
    deadline: t0 + 600_000,
    signal: new AbortController().signal,
    settleMs: 5_000,
    log,
    ...o,
  }).finally(() => (settled = true));
  p.catch(() => undefined);
  while (!settled) await vi.advanceTimersByTimeAsync(250);
  const sends = service.ops('startRun').map((c) => c.at - t0);
  return { p, t0, sends, ms: Date.now() - t0 };
}

const authDown = () =>
  Object.assign(new Error('token service unavailable'), { name: 'AuthenticationError', permanent: false });
const unknownHostError = () =>
  new TransportError('createRun', 'ENOTFOUND', 'getaddrinfo ENOTFOUND nowhere.example', { notSent: true });

/** A run as the query lists it. */
const listed = (over: Partial<RunView> = {}): RunView => ({
  runId: 'found-run',
  pipelineName: 'p1',
  status: 'InProgress',
  message: '',
  runStart: new Date(Date.now()).toISOString(),
  invokedByType: 'Manual',
  parameters: { region: 'eu' },
  raw: {},
  ...over,
});

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  log.info.mockReset();
  log.warning.mockReset();
  log.debug.mockReset();
});
afterEach(() => vi.useRealTimers());

describe('list-based mode: resending what surely was not sent', () => {
  it('a workflow already cancelled sends nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    const service = new FakeService();
    const { p } = await start(service, { signal: ac.signal });
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(service.ops('startRun')).toEqual([]);
  });

  it('an answer without a run ID fails, and is not resent', async () => {
    const service = new FakeService();
    service.startRun = async () => ({ runId: '' });
    const { p } = await start(service);
    await expect(p).rejects.toThrow('createRun answered without a runId.');
  });

  it('throttled: 2 s, 4 s, 8 s … between attempts, and says so', async () => {
    const service = new FakeService();
    service.fail('startRun', serviceError(429, 'TooManyRequests'), 3);
    const { p, sends } = await start(service);
    await expect(p).resolves.toMatchObject({ runId: RUN_ID, adopted: false, attempts: 4 });
    expect(sends).toEqual([0, 2_000, 6_000, 14_000]);
    expect(log.warning).toHaveBeenCalledWith(
      'Azure is throttling createRun (HTTP 429 TooManyRequests); sending it again in 2s.',
    );
    expect(service.ops('findRuns')).toEqual([]);
  });

  it('throttled with a short Retry-After: the backoff is longer and wins', async () => {
    const service = new FakeService();
    service.fail('startRun', serviceError(429, 'TooManyRequests', 500));
    const { sends } = await start(service);
    expect(sends).toEqual([0, 2_000]);
  });

  it('not sent: the backoff grows to 30 s and no further', async () => {
    const service = new FakeService();
    service.fail('startRun', transportError(true), 6);
    const { p, sends } = await start(service);
    await expect(p).resolves.toMatchObject({ attempts: 7 });
    const gaps = sends.slice(1).map((t, i) => t - sends[i]);
    expect(gaps).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(log.warning).toHaveBeenCalledWith(
      'createRun could not reach ADF (ECONNREFUSED); nothing was sent, so sending it again in 2s.',
    );
    expect(service.ops('findRuns')).toEqual([]);
  });

  it('sign-in briefly failing: nothing was sent, sent again after the backoff', async () => {
    const service = new FakeService();
    service.fail('startRun', authDown(), 2);
    const { p, sends } = await start(service);
    await expect(p).resolves.toMatchObject({ attempts: 3, adopted: false });
    expect(sends).toEqual([0, 2_000, 6_000]);
    expect(log.warning).toHaveBeenCalledWith(
      'Could not sign in to send createRun (token service unavailable); nothing was sent, so trying again in 2s.',
    );
    expect(service.ops('findRuns')).toEqual([]);
  });

  it('a host that does not exist fails at once', async () => {
    const service = new FakeService();
    service.fail('startRun', unknownHostError());
    const { p, sends } = await start(service);
    await expect(p).rejects.toThrow(/ENOTFOUND/);
    expect(sends).toEqual([0]);
  });

  it('a pause that would end exactly at the deadline is still taken; one past it is not', async () => {
    const ok = new FakeService();
    ok.fail('startRun', transportError(true));
    const r = await start(ok, { deadline: Date.now() + 2_000 });
    await expect(r.p).resolves.toMatchObject({ attempts: 2 });

    const late = new FakeService();
    late.fail('startRun', transportError(true));
    const l = await start(late, { deadline: Date.now() + 1_999 });
    await expect(l.p).rejects.toThrow('Gave up starting the run: Azure kept refusing createRun until the time limit.');
    expect(l.sends).toEqual([0]);
  });

  it('a workflow cancel during the pause ends it without another send', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 1_000);
    const service = new FakeService();
    service.fail('startRun', serviceError(429, 'TooManyRequests'));
    const { p, sends } = await start(service, { signal: ac.signal });
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(sends).toEqual([0]);
  });
});

describe('list-based mode: after an ambiguous failure', () => {
  it('tells the caller, warns, asks for the pipeline’s runs since a minute before the send', async () => {
    const service = new FakeService();
    const onAmbiguous = vi.fn();
    vi.setSystemTime(T0 + 10_000);
    service.fail('startRun', serviceError(500, 'InternalServerError'));
    const { p, t0 } = await start(service, { onAmbiguous });
    await expect(p).resolves.toMatchObject({ adopted: false, attempts: 2 });
    expect(onAmbiguous).toHaveBeenCalledTimes(1);
    expect(log.warning).toHaveBeenCalledWith(
      'createRun failed after the request was sent (test: HTTP 500 InternalServerError: InternalServerError from the fake); checking whether Azure started the run anyway.',
    );
    expect(log.info).toHaveBeenCalledWith('No run was started by the failed request; sending createRun again.');
    const q = service.ops('findRuns').map((c) => c.args[0] as RunQuery);
    expect(q[0].pipelineName).toBe('p1');
    expect(q[0].after.getTime()).toBe(t0 - 60_000);
    expect(q[0].before.getTime()).toBe(t0 + 86_400_000);
    expect(q[1].before.getTime()).toBe(t0 + 5_000 + 86_400_000);
  });

  it('a 408 is ambiguous too; a throttled call is not', async () => {
    const service = new FakeService();
    service.fail('startRun', serviceError(408, 'RequestTimeout'));
    await start(service);
    expect(service.ops('findRuns')).toHaveLength(2);
  });

  it('a 4xx tells nobody it was ambiguous', async () => {
    const onAmbiguous = vi.fn();
    const service = new FakeService();
    service.fail('startRun', serviceError(404, 'NotFound'));
    const { p } = await start(service, { onAmbiguous });
    await expect(p).rejects.toMatchObject({ status: 404 });
    expect(onAmbiguous).not.toHaveBeenCalled();
  });

  it('adopts the one run found, and says so', async () => {
    const service = new FakeService();
    service.found = [listed()];
    service.fail('startRun', transportError(false));
    const { p } = await start(service);
    await expect(p).resolves.toEqual({ runId: 'found-run', adopted: true, attempts: 1 });
    expect(log.info).toHaveBeenCalledWith(
      'Found the run the failed request started: found-run. Using it instead of starting another.',
    );
  });

  it.each<[string, Partial<RunView>, boolean]>([
    ['started 59 s before the send', { runStart: new Date(T0 - 59_000).toISOString() }, true],
    ['started 61 s before the send (another run)', { runStart: new Date(T0 - 61_000).toISOString() }, false],
    [
      'no runStart: lastUpdated decides',
      { runStart: undefined, raw: { lastUpdated: new Date(T0 - 61_000).toISOString() } },
      false,
    ],
    [
      'no runStart, recent lastUpdated',
      { runStart: undefined, raw: { lastUpdated: new Date(T0).toISOString() } },
      true,
    ],
    ['no time at all: kept', { runStart: undefined, raw: {} }, true],
    ['started by a trigger', { invokedByType: 'ScheduleTrigger' }, false],
    ['invoked "manual" in any case', { invokedByType: 'MANUAL' }, true],
    ['no invoker given', { invokedByType: undefined }, true],
    ['other parameters', { parameters: { region: 'us' } }, false],
    ['no parameters reported', { parameters: undefined }, true],
  ])('the run found %s: adopted %s', async (_name, over, adopted) => {
    const service = new FakeService();
    service.found = [listed(over)];
    service.fail('startRun', transportError(false));
    const { p } = await start(service);
    await expect(p).resolves.toMatchObject({ adopted });
    expect(service.ops('startRun')).toHaveLength(adopted ? 1 : 2);
  });

  it('a rerun from a reference run matches whatever parameters the run reports', async () => {
    const service = new FakeService();
    service.found = [listed({ parameters: { region: 'us' } })];
    service.fail('startRun', transportError(false));
    const { p } = await start(service, { flags: { referencePipelineRunId: 'ref-1' } });
    await expect(p).resolves.toMatchObject({ adopted: true });
  });

  it('decides on the second look only: a run listed only at the first is not adopted', async () => {
    const service = new FakeService();
    service.failAlways('findRuns', () => {
      service.found = service.ops('findRuns').length === 1 ? [listed()] : [];
      return undefined;
    });
    service.fail('startRun', transportError(false));
    const { p } = await start(service);
    await expect(p).resolves.toMatchObject({ adopted: false, attempts: 2 });
  });

  it('nothing found and the deadline passed: fails with the createRun error, not sent again', async () => {
    const service = new FakeService();
    service.fail('startRun', serviceError(503, 'ServiceUnavailable'));
    const { p, sends } = await start(service, { deadline: Date.now() + 5_000 });
    await expect(p).rejects.toMatchObject({ status: 503 });
    expect(sends).toEqual([0]);
  });

  it('nothing found just before the deadline: sent again', async () => {
    const service = new FakeService();
    service.fail('startRun', serviceError(503, 'ServiceUnavailable'));
    const { p, sends } = await start(service, { deadline: Date.now() + 5_001 });
    await expect(p).resolves.toMatchObject({ attempts: 2 });
    expect(sends).toEqual([0, 5_000]);
  });

  it('the runs cannot be listed: stops rather than risk a duplicate, after asking for at least a minute', async () => {
    const service = new FakeService();
    service.failAlways('findRuns', serviceError(503, 'ServiceUnavailable'));
    service.fail('startRun', transportError(false));
    const { p, ms } = await start(service, { deadline: Date.now() + 1_000 });
    await expect(p).rejects.toThrow(
      /^createRun failed ambiguously and the runs of 'p1' could not be listed to check whether it started one \(.*ServiceUnavailable.*\)\. Not sending it again, to avoid a duplicate run; check ADF Studio\.$/,
    );
    expect(ms).toBeGreaterThan(30_000);
    expect(ms).toBeLessThanOrEqual(61_000);
    expect(service.ops('startRun')).toHaveLength(1);
  });

  it('a workflow cancel while the runs settle ends it', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 2_000);
    const service = new FakeService();
    service.fail('startRun', transportError(false));
    const { p } = await start(service, { signal: ac.signal });
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(service.ops('findRuns')).toHaveLength(1);
  });

  it('several runs found: DuplicateRunsError naming ADF Studio', async () => {
    const service = new FakeService();
    service.found = [listed({ runId: 'a' }), listed({ runId: 'b' })];
    service.fail('startRun', transportError(false));
    const { p } = await start(service);
    await expect(p).rejects.toBeInstanceOf(DuplicateRunsError);
    await expect(p).rejects.toThrow(/check them in ADF Studio/);
  });
});

describe('exact mode (a client request ID chosen before the first send)', () => {
  it('sends the chosen ID every time, 1 s, 2 s, 4 s apart, and says the one run was started', async () => {
    const service = new FakeService();
    const onAmbiguous = vi.fn();
    service.fail('startRun', transportError(false), 3);
    const { p, sends } = await start(service, { clientRequestId: RUN_ID, onAmbiguous });
    await expect(p).resolves.toEqual({ runId: RUN_ID, adopted: false, attempts: 4 });
    expect(sends).toEqual([0, 1_000, 3_000, 7_000]);
    expect(service.ops('startRun').map((c) => (c.args[0] as { clientRequestId?: string }).clientRequestId)).toEqual([
      RUN_ID,
      RUN_ID,
      RUN_ID,
      RUN_ID,
    ]);
    expect(onAmbiguous).toHaveBeenCalledTimes(3);
    expect(log.warning).toHaveBeenCalledWith(
      `createRun failed after the request was sent (test: ECONNRESET from the fake); sending it again in 1s with the same client request ID ${RUN_ID}, which ADF takes as the run ID, so it cannot start a second run.`,
    );
    expect(log.info).toHaveBeenCalledWith(
      `ADF answered run ${RUN_ID}, the ID chosen before the first attempt: exactly one run was started.`,
    );
    expect(service.ops('findRuns')).toEqual([]);
  });

  it('the ID compares case-insensitively; a first answer says nothing more', async () => {
    const service = new FakeService();
    const { p } = await start(service, { clientRequestId: RUN_ID.toUpperCase() });
    await expect(p).resolves.toEqual({ runId: RUN_ID, adopted: false, attempts: 1 });
    expect(log.info).not.toHaveBeenCalled();
    expect(log.debug).not.toHaveBeenCalled();
  });

  it('surely not sent (throttled, refused connection, sign-in): not ambiguous, Retry-After honoured', async () => {
    const service = new FakeService();
    const onAmbiguous = vi.fn();
    service.fail('startRun', serviceError(429, 'TooManyRequests', 5_000));
    service.fail('startRun', transportError(true));
    service.fail('startRun', authDown());
    const { p, sends } = await start(service, { clientRequestId: RUN_ID, onAmbiguous });
    await expect(p).resolves.toMatchObject({ attempts: 4 });
    expect(sends).toEqual([0, 5_000, 7_000, 11_000]);
    expect(onAmbiguous).not.toHaveBeenCalled();
    expect(log.warning).toHaveBeenCalledWith(
      `createRun was not accepted (test: ECONNREFUSED from the fake); nothing was started, sending it again in 2s with the same client request ID ${RUN_ID}.`,
    );
    expect(log.info).not.toHaveBeenCalled();
  });

  it('a 5xx and a 408 are ambiguous; a 4xx fails at once; an unknown host too', async () => {
    for (const status of [500, 503, 408]) {
      const service = new FakeService();
      const onAmbiguous = vi.fn();
      service.fail('startRun', serviceError(status));
      await start(service, { clientRequestId: RUN_ID, onAmbiguous });
      expect(onAmbiguous).toHaveBeenCalledTimes(1);
    }
    const bad = new FakeService();
    bad.fail('startRun', serviceError(400, 'BadRequest'));
    const b = await start(bad, { clientRequestId: RUN_ID });
    await expect(b.p).rejects.toMatchObject({ status: 400 });
    expect(b.sends).toEqual([0]);
    const host = new FakeService();
    host.fail('startRun', unknownHostError());
    const h = await start(host, { clientRequestId: RUN_ID });
    await expect(h.p).rejects.toThrow(/ENOTFOUND/);
    expect(h.sends).toEqual([0]);
  });

  it('refused until the time limit: says it kept refusing (no run can exist)', async () => {
    const service = new FakeService();
    service.failAlways('startRun', transportError(true));
    const { p, sends } = await start(service, { clientRequestId: RUN_ID, deadline: Date.now() + 3_000 });
    await expect(p).rejects.toThrow('Gave up starting the run: ADF kept refusing createRun until the time limit.');
    // 0, 1 s, 3 s; the next pause (4 s) would pass the limit.
    expect(sends).toEqual([0, 1_000, 3_000]);
  });

  it('no clear answer until the time limit: says the run may exist and the post step checks it', async () => {
    const service = new FakeService();
    service.failAlways('startRun', transportError(false));
    const { p } = await start(service, { clientRequestId: RUN_ID, deadline: Date.now() + 2_000 });
    await expect(p).rejects.toThrow(
      `createRun got no clear answer within the start phase's time limit (last: test: ECONNRESET from the fake). Run ${RUN_ID} may or may not have been started; the post step checks it and cancels it if it is running and the inputs ask for that.`,
    );
  });

  it('an ambiguous attempt earlier, then refusals until the limit: still “may or may not”', async () => {
    const service = new FakeService();
    service.fail('startRun', transportError(false));
    service.failAlways('startRun', transportError(true));
    const { p } = await start(service, { clientRequestId: RUN_ID, deadline: Date.now() + 2_000 });
    await expect(p).rejects.toThrow(/may or may not have been started/);
  });

  it('a workflow cancel during the pause ends it', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 500);
    const service = new FakeService();
    service.fail('startRun', transportError(false));
    const { p, sends } = await start(service, { clientRequestId: RUN_ID, signal: ac.signal });
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(sends).toEqual([0]);
  });

  it('a workflow already cancelled sends nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    const service = new FakeService();
    const { p } = await start(service, { clientRequestId: RUN_ID, signal: ac.signal });
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(service.ops('startRun')).toEqual([]);
  });

  it('an empty answer fails', async () => {
    const service = new FakeService();
    service.startRun = async () => ({ runId: '' });
    const { p } = await start(service, { clientRequestId: RUN_ID });
    await expect(p).rejects.toThrow('createRun answered without a runId.');
  });
});

describe('exact mode: a service that answers another ID', () => {
  const chosen = 'aaaaaaaa-0000-0000-0000-000000000000';

  it('first answer: taken, told in debug, no look for duplicates', async () => {
    const service = new FakeService();
    const { p } = await start(service, { clientRequestId: chosen });
    await expect(p).resolves.toEqual({ runId: RUN_ID, adopted: false, attempts: 1 });
    expect(log.debug).toHaveBeenCalledTimes(1);
    expect(log.debug.mock.calls[0][0]).toContain(`with run ID ${RUN_ID}, not the client request ID ${chosen}`);
    expect(service.ops('findRuns')).toEqual([]);
    expect(log.warning).not.toHaveBeenCalled();
  });

  it('after an ambiguous attempt: looks for runs that attempt may have started and names them', async () => {
    const service = new FakeService();
    service.fail('startRun', transportError(false));
    service.found = [listed({ runId: RUN_ID }), listed({ runId: 'other-run', status: 'Queued' })];
    const { p, t0 } = await start(service, { clientRequestId: chosen });
    await expect(p).resolves.toMatchObject({ runId: RUN_ID });
    expect((service.ops('findRuns')[0].args[0] as RunQuery).after.getTime()).toBe(t0 - 60_000);
    expect(log.warning).toHaveBeenCalledWith(
      `An earlier createRun failed ambiguously, and ADF does not take the client request ID as the run ID: other-run (Queued), started since with these parameters, may be a duplicate started by that attempt. This step follows run ${RUN_ID}; check the other in ADF Studio.`,
    );
  });

  it('after an ambiguous attempt, only the answered run found: no warning', async () => {
    const service = new FakeService();
    service.fail('startRun', transportError(false));
    service.found = [listed({ runId: RUN_ID })];
    const { p } = await start(service, { clientRequestId: chosen });
    await expect(p).resolves.toMatchObject({ runId: RUN_ID });
    expect(service.ops('findRuns')).toHaveLength(2);
    expect(log.warning.mock.calls.filter((c) => String(c[0]).startsWith('An earlier'))).toEqual([]);
  });

  it('after an ambiguous attempt, the runs cannot be listed: a warning, and the answer stands', async () => {
    const service = new FakeService();
    service.fail('startRun', transportError(false));
    service.failAlways('findRuns', serviceError(403, 'AuthorizationFailed'));
    const { p } = await start(service, { clientRequestId: chosen });
    await expect(p).resolves.toMatchObject({ runId: RUN_ID });
    const w = log.warning.mock.calls.map((c) => String(c[0])).find((l) => l.startsWith('An earlier'));
    expect(w).toMatch(
      /may have started a run too; it could not be checked \(.*AuthorizationFailed.*\)\. Check ADF Studio\.$/,
    );
  });
});
