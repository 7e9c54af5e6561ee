// The usual duration (one query of the pipeline's recent successful runs), the progress lines built
// from it, and attaching to a run by ID: in process, on the fake service.
import { describe, expect, it, vi } from 'vitest';
import { AttachError, describeRun, readRunToAttach } from '../../../src/run/attach.js';
import { HISTORY_RUNS, readUsualDuration, usualDuration } from '../../../src/run/history.js';
import { Progress, progressText, runningActivities } from '../../../src/run/progress.js';
import type { ActivityRun, RunQuery, RunView } from '../../../src/model/run.js';
import { FakeService, RUN_ID, serviceError } from '../../support/fake-service.ts';

const NOW = Date.parse('2025-06-01T00:00:00Z');
const MIN = 60_000;

const past = (i: number, durationMs: number | undefined, status: RunView['status'] = 'Succeeded'): RunView => ({
  runId: `r${i}`,
  pipelineName: 'p1',
  status,
  message: '',
  runStart: new Date(NOW - (i + 1) * 3_600_000).toISOString(),
  durationMs,
  raw: {},
});

describe('readUsualDuration', () => {
  it('asks once for the last 30 days of successful runs, at most 20', async () => {
    const service = new FakeService();
    const log = { info: vi.fn(), debug: vi.fn() };
    await readUsualDuration(service, 'p1', { log, now: NOW });
    const [q] = service.ops('findRuns').map((c) => c.args[0] as RunQuery);
    expect(q).toEqual({
      pipelineName: 'p1',
      statuses: ['Succeeded'],
      after: new Date(NOW - 30 * 86_400_000),
      before: new Date(NOW),
      limit: HISTORY_RUNS,
    });
    expect(HISTORY_RUNS).toBe(20);
  });

  it('counts the newest 20 successful runs with a duration, whatever order they come in', async () => {
    const service = new FakeService();
    // 25 runs, newest first takes 10 min, older ones 60 min; shuffled, with runs that do not count.
    const runs = Array.from({ length: 25 }, (_, i) => past(i, i < 20 ? 10 * MIN : 60 * MIN));
    service.found = [...runs.reverse(), past(100, 5 * MIN, 'Failed'), past(101, undefined)];
    const usual = await readUsualDuration(service, 'p1', { log: { info: vi.fn(), debug: vi.fn() }, now: NOW });
    expect(usual).toEqual(usualDuration(Array.from({ length: 20 }, () => 10 * MIN)));
    expect(usual?.runs).toBe(20);
  });

  it('too few runs: nothing usual, said in debug', async () => {
    const service = new FakeService();
    service.found = [past(0, MIN)];
    const log = { info: vi.fn(), debug: vi.fn() };
    expect(await readUsualDuration(service, 'p1', { log, now: NOW })).toBeUndefined();
    expect(log.debug).toHaveBeenCalledWith(
      "Run history: 1 successful run(s) of 'p1' in 30 days; too few to say what is usual.",
    );
  });

  it('a failing query never fails the step', async () => {
    const service = new FakeService();
    service.fail('findRuns', serviceError(403, 'AuthorizationFailed'));
    const log = { info: vi.fn(), debug: vi.fn() };
    expect(await readUsualDuration(service, 'p1', { log, signal: new AbortController().signal })).toBeUndefined();
    expect(log.debug).toHaveBeenCalledWith(
      expect.stringMatching(/^Run history unavailable \(.*AuthorizationFailed.*\); polling by the run's age only\.$/),
    );
    expect(log.info).not.toHaveBeenCalled();
  });
});

const usual = { medianMs: 40 * MIN, lowMs: 30 * MIN, highMs: 50 * MIN, runs: 10 };

describe('progressText', () => {
  it('without a history: the time taken', () => {
    expect(progressText(12 * MIN, undefined)).toBe('12m');
  });
  it('before the median: time left, to the minute', () => {
    expect(progressText(12 * MIN + 20_000, usual)).toBe('12m 20s of usually 40m, about 28m left');
  });
  it('under a minute left: to 5 s, at least 1 s', () => {
    expect(progressText(40 * MIN - 23_000, usual)).toBe('39m 37s of usually 40m, about 25s left');
    expect(progressText(40 * MIN - 1_000, usual)).toBe('39m 59s of usually 40m, about 1s left');
  });
  it('between the median and the high end: due about now', () => {
    expect(progressText(40 * MIN, usual)).toBe('40m of usually 40m, due about now');
    expect(progressText(50 * MIN, usual)).toBe('50m of usually 40m, due about now');
  });
  it('past the high end: how much longer than usual', () => {
    expect(progressText(50 * MIN + 1_000, usual)).toBe('50m 1s, usually 40m: 10m longer than usual');
  });
});

describe('runningActivities', () => {
  const a = (name: string, status: string, start?: string): ActivityRun =>
    ({ activityName: name, status, activityRunStart: start }) as ActivityRun;
  it('lists the running and queued ones, with how long, at most 8', () => {
    const now = Date.parse('2025-01-01T00:03:00Z');
    expect(
      runningActivities(
        [
          a('Copy', 'InProgress', '2025-01-01T00:00:00Z'),
          a('Done', 'Succeeded'),
          a('Next', 'Queued'),
          a('Late', 'InProgress', '2025-01-01T00:04:00Z'),
        ],
        now,
      ),
    ).toBe('Copy (3m), Next, Late (0ms)');
    const many = Array.from({ length: 10 }, (_, i) => a(`A${i}`, 'InProgress'));
    expect(runningActivities(many, now)).toBe('A0, A1, A2, A3, A4, A5, A6, A7, and 2 more');
    expect(runningActivities(many.slice(0, 8), now)).toBe('A0, A1, A2, A3, A4, A5, A6, A7');
  });
});

describe('Progress', () => {
  const make = (o: { usual?: typeof usual; activities?: () => Promise<ActivityRun[]> } = {}, initial?: string) => {
    let t = 0;
    const log = { info: vi.fn(), debug: vi.fn() };
    const p = new Progress({ ...o, log, everyMs: 5 * MIN, now: () => t }, initial);
    return { p, log, at: (ms: number) => (t = ms) };
  };

  it('a line when the status changes, then every 5 minutes, not at every poll', async () => {
    const { p, log, at } = make({}, 'Queued');
    await p.seen('Queued', 0, false);
    expect(log.info).not.toHaveBeenCalled();
    at(MIN);
    await p.seen('InProgress', MIN, false);
    expect(log.info).toHaveBeenLastCalledWith('Status: InProgress (after 1m)');
    at(6 * MIN - 1);
    await p.seen('InProgress', 6 * MIN - 1, false);
    expect(log.info).toHaveBeenCalledTimes(1);
    at(6 * MIN);
    await p.seen('InProgress', 6 * MIN, false);
    expect(log.info).toHaveBeenLastCalledWith('Still InProgress after 6m.');
    at(10 * MIN);
    await p.seen('InProgress', 10 * MIN, false);
    expect(log.info).toHaveBeenCalledTimes(2);
  });

  it('with a history: against the usual duration; the end with its own duration', async () => {
    const { p, log, at } = make({ usual });
    at(MIN);
    await p.seen('InProgress', MIN, false);
    expect(log.info).toHaveBeenLastCalledWith('Status: InProgress (1m of usually 40m, about 39m left)');
    at(6 * MIN);
    await p.seen('InProgress', 6 * MIN, false);
    expect(log.info).toHaveBeenLastCalledWith('Still InProgress: 6m of usually 40m, about 34m left.');
    await p.seen('Succeeded', 7 * MIN, true, 6 * MIN + 30_000);
    expect(log.info).toHaveBeenLastCalledWith('Run ended: Succeeded after 6m 30s (usually 40m).');
  });

  it('the end without a history or a duration: the age', async () => {
    const { p, log } = make();
    await p.seen('Failed', 2 * MIN, true);
    expect(log.info).toHaveBeenLastCalledWith('Run ended: Failed after 2m.');
  });

  it('periodic lines while InProgress name the running activities (one query each); failures go to debug', async () => {
    const activities = vi.fn(async () => [{ activityName: 'Copy', status: 'InProgress' } as ActivityRun]);
    const { p, log, at } = make({ activities }, 'InProgress');
    at(5 * MIN);
    await p.seen('InProgress', 5 * MIN, false);
    expect(log.info).toHaveBeenLastCalledWith('Still InProgress after 5m. Running: Copy.');
    expect(activities).toHaveBeenCalledTimes(1);
    activities.mockRejectedValueOnce(new Error('boom'));
    at(10 * MIN);
    await p.seen('InProgress', 10 * MIN, false);
    expect(log.info).toHaveBeenLastCalledWith('Still InProgress after 10m.');
    expect(log.debug).toHaveBeenCalledWith('Could not read the running activities: boom');
    activities.mockResolvedValueOnce([]);
    at(15 * MIN);
    await p.seen('InProgress', 15 * MIN, false);
    expect(log.info).toHaveBeenLastCalledWith('Still InProgress after 15m.');
  });

  it('no activity query while Queued', async () => {
    const activities = vi.fn(async () => []);
    const { p, log, at } = make({ activities }, 'Queued');
    at(5 * MIN);
    await p.seen('Queued', 5 * MIN, false);
    expect(log.info).toHaveBeenLastCalledWith('Still Queued after 5m.');
    expect(activities).not.toHaveBeenCalled();
  });
});

describe('readRunToAttach', () => {
  const signal = new AbortController().signal;
  const started = async () => {
    const service = new FakeService({ phases: [{ status: 'InProgress' }] });
    await service.startRun({ pipelineName: 'p1', parameters: {}, flags: {} });
    service.calls = [];
    return service;
  };

  it('reads the run through passing faults', async () => {
    vi.useFakeTimers();
    try {
      const service = await started();
      service.fail('getRun', serviceError(503), 2);
      const p = readRunToAttach(service, RUN_ID, 'P1', signal);
      await vi.advanceTimersByTimeAsync(10_000);
      await expect(p).resolves.toMatchObject({ runId: RUN_ID, status: 'InProgress' });
      expect(service.ops('getRun')).toHaveLength(3);
      expect(service.ops('getRun')[0].args[0]).toEqual({ runId: RUN_ID, pipelineName: 'P1' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('an unknown run: says where it was looked for', async () => {
    const service = await started();
    service.fail('getRun', serviceError(404, 'RunNotFound'));
    await expect(readRunToAttach(service, 'x', 'p1', signal)).rejects.toThrow(
      new AttachError(
        "There is no run x in factory f1 (pipeline 'p1'): check 'run-id' (runs of another factory are not visible here).",
      ),
    );
    service.fail('getRun', serviceError(404, 'RunNotFound'));
    (service as { home: { label: string; text: string } }).home = { label: 'Workspace', text: 'my `ws`' };
    await expect(readRunToAttach(service, 'x', '', signal)).rejects.toThrow(
      "There is no run x in workspace my 'ws': check 'run-id' (runs of another workspace are not visible here).",
    );
  });

  it('another error is passed on as it is', async () => {
    const service = await started();
    const e = serviceError(403, 'AuthorizationFailed');
    service.fail('getRun', e);
    await expect(readRunToAttach(service, RUN_ID, 'p1', signal)).rejects.toBe(e);
  });

  it('a run of another pipeline is refused; the name compares case-insensitively; an item ID is not compared', async () => {
    const service = await started();
    await expect(readRunToAttach(service, RUN_ID, 'other', signal)).rejects.toThrow(
      `Run ${RUN_ID} is a run of pipeline 'p1', not 'other': fix 'run-id', or set 'pipeline-name' to 'p1' (or remove it).`,
    );
    await expect(readRunToAttach(service, RUN_ID, 'other', signal)).rejects.toBeInstanceOf(AttachError);
    await expect(readRunToAttach(service, RUN_ID, 'P1', signal)).resolves.toMatchObject({ runId: RUN_ID });
    await expect(readRunToAttach(service, RUN_ID, '', signal)).resolves.toMatchObject({ runId: RUN_ID });
    await expect(
      readRunToAttach(service, RUN_ID, 'AAAAAAAA-0000-0000-0000-000000000000', signal),
    ).resolves.toMatchObject({ runId: RUN_ID });
    await expect(readRunToAttach(service, RUN_ID, 'xAAAAAAAA-0000-0000-0000-000000000000', signal)).rejects.toThrow(
      AttachError,
    );
    await expect(readRunToAttach(service, RUN_ID, 'AAAAAAAA-0000-0000-0000-000000000000x', signal)).rejects.toThrow(
      AttachError,
    );
    const nameless = await started();
    nameless.view = (at?: number) => ({ ...FakeService.prototype.view.call(nameless, at), pipelineName: '' });
    await expect(readRunToAttach(nameless, RUN_ID, 'other', signal)).resolves.toMatchObject({ runId: RUN_ID });
  });

  it('describeRun', () => {
    const r = { runId: 'r1', status: 'InProgress', runStart: 'T', invokedByType: 'Manual' } as RunView;
    expect(describeRun(r)).toBe('r1 (InProgress, started T, invoked by Manual)');
    expect(describeRun({ ...r, runStart: undefined, invokedByType: undefined })).toBe(
      'r1 (InProgress, started not yet)',
    );
  });
});
