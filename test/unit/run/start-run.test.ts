// startRun in process: what is resent as is, what is looked for first, and the settle round.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DuplicateRunsError, startRun, type StartRunOptions } from '../../../src/run/start.js';
import { FakeService, RUN_ID, serviceError, transportError } from '../../support/fake-service.ts';

const log = { info: vi.fn(), warning: vi.fn(), debug: vi.fn() };

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
  return { p, t0 };
}

const found = (service: FakeService, runId = 'adopted-run') => ({
  ...service.view(),
  runId,
  parameters: { region: 'eu' },
});

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2025-01-01T00:00:00Z') });
  log.info.mockReset();
  log.warning.mockReset();
});
afterEach(() => vi.useRealTimers());

describe('startRun', () => {
  it('resends at once-safe failures (throttled, not sent), honouring Retry-After', async () => {
    const service = new FakeService();
    service.fail('startRun', serviceError(429, 'TooManyRequests', 12_000));
    service.fail('startRun', transportError(true));
    const { p } = await start(service);
    await expect(p).resolves.toMatchObject({ runId: RUN_ID, adopted: false, attempts: 3 });
    const at = service.ops('startRun').map((c) => c.at);
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(12_000);
    expect(service.ops('findRuns')).toEqual([]);
  });

  it('after an ambiguous failure, looks twice, settleMs apart, before sending again', async () => {
    const service = new FakeService();
    service.fail('startRun', serviceError(500, 'InternalServerError'));
    const { p } = await start(service);
    await expect(p).resolves.toMatchObject({ runId: RUN_ID, adopted: false, attempts: 2 });
    const looks = service.ops('findRuns').map((c) => c.at);
    expect(looks).toHaveLength(2);
    expect(looks[1] - looks[0]).toBe(5_000);
    expect(service.ops('startRun')[1].at).toBeGreaterThanOrEqual(looks[1]);
  });

  it('a run that shows up only in the second look is adopted, not started again', async () => {
    const service = new FakeService();
    await service.startRun({ pipelineName: 'p1', parameters: {}, flags: {} }); // the run the lost request created
    service.calls = [];
    service.fail('startRun', transportError(false));
    // Queries list it only from the second look on.
    service.failAlways('findRuns', () => {
      if (service.ops('findRuns').length === 2) service.found = [found(service)];
      return undefined;
    });
    const { p } = await start(service);
    await expect(p).resolves.toMatchObject({ runId: 'adopted-run', adopted: true });
    expect(service.ops('findRuns')).toHaveLength(2);
    expect(service.ops('startRun')).toHaveLength(1);
  });

  it('several candidates: refuses to guess', async () => {
    const service = new FakeService();
    await service.startRun({ pipelineName: 'p1', parameters: {}, flags: {} });
    service.found = [found(service, 'a'), found(service, 'b')];
    service.fail('startRun', serviceError(503, 'ServiceUnavailable'));
    const { p } = await start(service);
    await expect(p).rejects.toBeInstanceOf(DuplicateRunsError);
  });

  it('a 4xx is the user’s to fix: not resent', async () => {
    const service = new FakeService();
    service.fail('startRun', serviceError(400, 'BadRequest'));
    const { p } = await start(service);
    await expect(p).rejects.toMatchObject({ status: 400 });
    expect(service.ops('startRun')).toHaveLength(1);
    expect(service.ops('findRuns')).toEqual([]);
  });

  it('gives up at the deadline when createRun keeps being refused', async () => {
    const service = new FakeService();
    service.failAlways('startRun', transportError(true));
    const { p, t0 } = await start(service, { deadline: Date.now() + 60_000 });
    await expect(p).rejects.toThrow(/Gave up starting the run/);
    expect(Date.now() - t0).toBeLessThanOrEqual(60_000);
  });
});
