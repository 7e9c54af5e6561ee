// post.run() in process, from the state main.run() left: main is run on the fake clock, its state
// taken at the moment it "dies" (as if the runner killed it), then the post step runs against a
// fresh fake whose runs go on where main left them.
import { describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => import('../../support/core-mock.ts'));
vi.mock('../../../src/services/index.js', async (original) => {
  const { services } = await import('../../support/main-harness.ts');
  const { TARGET } = await import('../../support/fake-fleet.ts');
  return {
    ...(await original<typeof import('../../../src/services/index.js')>()),
    createService: vi.fn(() => {
      if (!services.current) throw new Error('no fake service set');
      return services.current;
    }),
    targetFor: vi.fn(() => TARGET),
  };
});

import { run as main } from '../../../src/main.js';
import { run as post } from '../../../src/post.js';
import { recorded, resetCore } from '../../support/core-mock.ts';
import { FakeFleet, runIdOf } from '../../support/fake-fleet.ts';
import { FakeService, RUN_ID, serviceError, type Phase } from '../../support/fake-service.ts';
import {
  cancelWorkflow,
  drive,
  MIN,
  savedRuns,
  services,
  setInputs,
  stepHooks,
  T0,
} from '../../support/main-harness.ts';

stepHooks();

const going: Phase[] = [{ status: 'InProgress' }];
/** main has read the status of every run twice. */
const watching =
  (...fakes: FakeService[]) =>
  () =>
    fakes.every((f) => f.ops('getRun').length >= 2);

/**
 * Runs main with these fakes and inputs, and returns the state it had saved once `dies` holds
 * (main is then cancelled to end it, but what it did after that moment is thrown away).
 */
async function mainKilledAt(dies: () => boolean, fakes: Record<string, FakeService>, inputs: Record<string, string>) {
  services.current = new FakeFleet(fakes);
  setInputs(inputs);
  let state: Record<string, string> = {};
  await drive(main, {
    at: [
      [dies, () => (state = { ...recorded.state })],
      [() => true, cancelWorkflow],
    ],
  });
  return state;
}

/** The post step with the state main left, against fresh fakes (runs as they stood when main died). */
async function postWith(state: Record<string, string>, fakes: Record<string, FakeService>, inputs = {}) {
  const keep = { ...recorded.inputs, ...inputs };
  resetCore();
  Object.assign(recorded.inputs, keep);
  Object.assign(recorded.state, state);
  const fleet = new FakeFleet(fakes);
  services.current = fleet;
  await drive(post, { stepMs: 1_000 });
  return fleet;
}

/** A fresh fake of a run that started at `startedAt` and is still going. */
const stillGoing = (o: ConstructorParameters<typeof FakeService>[0], startedAt: number) => {
  const f = new FakeService({ phases: going, ...o });
  f.startedAt = startedAt;
  return f;
};

describe('the post step', () => {
  it('does nothing when main finished with every run', async () => {
    services.current = FakeFleet.of(new FakeService({ phases: [{ status: 'Succeeded' }] }));
    setInputs({ 'pipeline-name': 'p1' });
    await drive(main);
    expect(recorded.state.done).toBe('true');
    const fleet = await postWith({ ...recorded.state }, { p1: new FakeService() });
    expect(fleet.calls).toEqual([]);
    expect(recorded.warnings).toEqual([]);
  });

  it('does nothing when no run was started', async () => {
    const fleet = await postWith({}, { p1: new FakeService() });
    expect(fleet.calls).toEqual([]);
  });

  it('cancels the run main started and left unfinished', async () => {
    const first = new FakeService({ phases: going });
    const state = await mainKilledAt(watching(first), { p1: first }, { 'pipeline-name': 'p1' });
    expect(state.done).toBeUndefined();
    expect(JSON.parse(state.runs!)).toMatchObject([{ runId: RUN_ID, started: true, cancel: true }]);
    const p1 = stillGoing({}, T0);
    await postWith(state, { p1 });
    expect(p1.ops('cancelRun')).toHaveLength(1);
    expect(recorded.info).toContain(`Run ${RUN_ID} is still InProgress; cancelling it and its child pipelines.`);
    expect(recorded.info).toContain(`Cancelled run ${RUN_ID}; its status is now Cancelled.`);
    expect(recorded.failed).toEqual([]);
  });

  it('a run that ended meanwhile is left as it is', async () => {
    const first = new FakeService({ phases: going });
    const state = await mainKilledAt(watching(first), { p1: first }, { 'pipeline-name': 'p1' });
    const p1 = new FakeService({ phases: [{ status: 'Succeeded' }] });
    p1.startedAt = T0;
    await postWith(state, { p1 });
    expect(p1.ops('cancelRun')).toEqual([]);
    expect(recorded.info).toContain(`Run ${RUN_ID} has ended: Succeeded. Nothing to cancel.`);
  });

  it('cancel-on-workflow-cancel: false leaves it running and says so', async () => {
    const first = new FakeService({ phases: going });
    const state = await mainKilledAt(
      watching(first),
      { p1: first },
      { 'pipeline-name': 'p1', 'cancel-on-workflow-cancel': 'false' },
    );
    const p1 = stillGoing({}, T0);
    await postWith(state, { p1 });
    expect(p1.ops('cancelRun')).toEqual([]);
    expect(recorded.warnings).toEqual([
      expect.stringContaining(
        `Run ${RUN_ID} is still InProgress and was left running (cancel-on-workflow-cancel: false).`,
      ),
    ]);
  });

  describe('an attached run (if-running: attach)', () => {
    const attachedState = async (inputs: Record<string, string> = {}) => {
      const other = new FakeService({ phases: going, runId: runIdOf(9) });
      other.startedAt = T0 - 5 * MIN;
      other.found = [other.view()];
      return mainKilledAt(watching(other), { p1: other }, { 'pipeline-name': 'p1', 'if-running': 'attach', ...inputs });
    };

    it('is left alone', async () => {
      const state = await attachedState();
      expect(JSON.parse(state.runs!)).toMatchObject([{ runId: runIdOf(9), started: false, cancel: false }]);
      const p1 = stillGoing({ runId: runIdOf(9) }, T0 - 5 * MIN);
      await postWith(state, { p1 });
      expect(p1.ops('cancelRun')).toEqual([]);
    });

    it('is cancelled when cancel-on-workflow-cancel: true asks for it', async () => {
      const state = await attachedState({ 'cancel-on-workflow-cancel': 'true' });
      expect(JSON.parse(state.runs!)).toMatchObject([{ runId: runIdOf(9), started: false, cancel: true }]);
      const p1 = stillGoing({ runId: runIdOf(9) }, T0 - 5 * MIN);
      await postWith(state, { p1 });
      expect(p1.ops('cancelRun')).toHaveLength(1);
    });
  });

  it('a batch: every unfinished run is cancelled, each line named by its pipeline', async () => {
    const fakes = {
      a: new FakeService({ phases: going, pipelineName: 'a', runId: runIdOf(1) }),
      b: new FakeService({
        phases: [{ status: 'InProgress', ms: 2_000 }, { status: 'Succeeded' }],
        pipelineName: 'b',
        runId: runIdOf(2),
      }),
      c: new FakeService({ phases: going, pipelineName: 'c', runId: runIdOf(3) }),
    };
    const state = await mainKilledAt(() => watching(fakes.a, fakes.c)() && savedRuns()[1]?.ended === true, fakes, {
      pipelines: '- a\n- b\n- c',
    });
    expect(JSON.parse(state.runs!).map((r: { ended?: boolean }) => Boolean(r.ended))).toEqual([false, true, false]);
    const a = stillGoing({ pipelineName: 'a', runId: runIdOf(1) }, T0);
    const c = stillGoing({ pipelineName: 'c', runId: runIdOf(3) }, T0);
    const b = new FakeService({ pipelineName: 'b', runId: runIdOf(2) });
    await postWith(state, { a, b, c });
    expect(a.ops('cancelRun')).toHaveLength(1);
    expect(c.ops('cancelRun')).toHaveLength(1);
    expect(b.calls).toEqual([]);
    expect(recorded.info).toContain(`[a] Cancelled run ${runIdOf(1)}; its status is now Cancelled.`);
    expect(recorded.info).toContain(`[c] Cancelled run ${runIdOf(3)}; its status is now Cancelled.`);
  });

  describe('a start in flight where the service picks the run ID (Fabric)', () => {
    const inFlight = async () => {
      const p1 = new FakeService({ phases: going, runIdFromClientRequestId: false });
      // createRun is in flight when main dies (it answers a minute later, with an error).
      p1.startRun = () => new Promise((_resolve, reject) => setTimeout(() => reject(new Error('gone')), MIN));
      const state = await mainKilledAt(() => savedRuns()[0]?.inFlight === true, { p1 }, { 'pipeline-name': 'p1' });
      const saved = JSON.parse(state.runs!) as Array<{ runId: string; inFlight?: boolean; sentAt?: number }>;
      expect(saved).toMatchObject([{ runId: '', inFlight: true }]);
      expect(saved[0]!.sentAt).toBeGreaterThanOrEqual(T0);
      return { state, sentAt: saved[0]!.sentAt! };
    };

    it('finds the one run started since the request was sent, and cancels it', async () => {
      const { state, sentAt } = await inFlight();
      const p1 = stillGoing({ runIdFromClientRequestId: false, runId: runIdOf(7) }, sentAt + 1_000);
      p1.found = [p1.view(sentAt + 1_000)];
      await postWith(state, { p1 });
      const look = p1.ops('findRuns');
      expect(look).toHaveLength(1);
      expect((look[0]!.args[0] as { after: Date }).after.getTime()).toBeLessThanOrEqual(sentAt);
      expect(p1.ops('cancelRun')).toHaveLength(1);
      expect(recorded.info.some((l) => l.includes(`run ${runIdOf(7)} started since then and is taken as`))).toBe(true);
    });

    it('cancels none when several runs started since then', async () => {
      const { state, sentAt } = await inFlight();
      const p1 = stillGoing({ runIdFromClientRequestId: false, runId: runIdOf(7) }, sentAt + 1_000);
      p1.found = [p1.view(sentAt + 1_000), { ...p1.view(sentAt + 2_000), runId: runIdOf(8) }];
      await postWith(state, { p1 });
      expect(p1.ops('cancelRun')).toEqual([]);
      expect(recorded.warnings.some((w) => w.includes('2 runs started since then'))).toBe(true);
    });

    it('says there is nothing to clean up when no run started', async () => {
      const { state } = await inFlight();
      const p1 = new FakeService({ runIdFromClientRequestId: false });
      await postWith(state, { p1 });
      expect(p1.ops('cancelRun')).toEqual([]);
      expect(recorded.info.some((l) => l.includes('no run of it started since then: nothing to clean up'))).toBe(true);
    });
  });

  it('without the saved context, says which runs to check and fails nothing', async () => {
    const first = new FakeService({ phases: going });
    const state = await mainKilledAt(watching(first), { p1: first }, { 'pipeline-name': 'p1' });
    delete state.context;
    const fleet = await postWith(state, { p1: stillGoing({}, T0) });
    expect(fleet.calls).toEqual([]);
    expect(recorded.warnings).toEqual([
      expect.stringContaining(`Runs ${RUN_ID} were started, but the step's saved context is missing`),
    ]);
    expect(recorded.failed).toEqual([]);
  });

  describe('what the post step cannot do is said, never failed', () => {
    /** The context main saves, with these runs left (as if main died then). */
    const leftWith = async (runs: object[]) => {
      const first = new FakeService({ phases: going });
      const state = await mainKilledAt(watching(first), { p1: first }, { 'pipeline-name': 'p1' });
      return { ...state, runs: JSON.stringify(runs) };
    };
    const started = { pipelineName: 'p1', runId: RUN_ID, started: true, cancel: true };

    it('the service cannot be reached: names the runs to check', async () => {
      const state = await leftWith([started]);
      resetCore();
      Object.assign(recorded.state, state);
      services.current = undefined;
      await drive(post);
      expect(recorded.warnings).toEqual([`Could not reach the service to check run ${RUN_ID}: no fake service set.`]);
      expect(recorded.failed).toEqual([]);
    });

    it('a run that cannot be read: says where to check it', async () => {
      const state = await leftWith([started]);
      const p1 = stillGoing({}, T0);
      p1.failAlways('getRun', serviceError(403, 'AuthorizationFailed'));
      await postWith(state, { p1 });
      expect(p1.ops('cancelRun')).toEqual([]);
      expect(recorded.warnings).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Could not check or cancel run ${RUN_ID}: .*AuthorizationFailed.*\\. Check it in ADF Studio: https://adf`,
          ),
        ),
      ]);
      expect(recorded.failed).toEqual([]);
    });

    it('a cancel that fails is a warning', async () => {
      const state = await leftWith([started]);
      const p1 = stillGoing({}, T0);
      p1.failAlways('cancelRun', serviceError(403, 'AuthorizationFailed'));
      await postWith(state, { p1 });
      expect(recorded.warnings).toEqual([expect.stringContaining(`Could not cancel run ${RUN_ID}`)]);
    });

    it('a chosen-ID start in flight that started nothing: nothing to cancel, once the request is surely over', async () => {
      const state = await leftWith([{ ...started, inFlight: true, sentAt: T0 }]);
      const p1 = new FakeService();
      p1.failAlways('getRun', serviceError(404, 'PipelineRunNotFound'));
      await postWith(state, { p1 });
      expect(recorded.info).toContain(
        `There is no run ${RUN_ID}: the interrupted createRun started nothing, so there is nothing to cancel.`,
      );
      expect(p1.ops('getRun').length).toBeGreaterThan(1);
      expect(p1.ops('cancelRun')).toEqual([]);
    });

    it('a chosen-ID start in flight whose run exists: it is cancelled', async () => {
      const state = await leftWith([{ ...started, inFlight: true, sentAt: T0 }]);
      const p1 = stillGoing({}, T0);
      await postWith(state, { p1 });
      expect(recorded.info[0]).toContain(`createRun for run ${RUN_ID} was in flight`);
      expect(p1.ops('cancelRun')).toHaveLength(1);
    });

    it('a start in flight without an ID or a time: cannot tell, says where to look', async () => {
      const state = await leftWith([{ pipelineName: 'p1', runId: '', inFlight: true, started: true, cancel: true }]);
      const p1 = new FakeService({ runIdFromClientRequestId: false });
      await postWith(state, { p1 });
      expect(p1.calls).toEqual([]);
      expect(recorded.warnings).toEqual([
        expect.stringContaining('the post step cannot tell whether a run was started'),
      ]);
    });

    it('a start in flight whose runs cannot be listed: says so', async () => {
      const state = await leftWith([
        { pipelineName: 'p1', runId: '', inFlight: true, sentAt: T0, started: true, cancel: true },
      ]);
      const p1 = new FakeService({ runIdFromClientRequestId: false });
      p1.failAlways('findRuns', serviceError(403, 'AuthorizationFailed'));
      await postWith(state, { p1 });
      expect(recorded.warnings).toEqual([expect.stringContaining('its recent runs could not be listed')]);
      expect(p1.ops('cancelRun')).toEqual([]);
    });

    it('runs of a trigger, or from before the start, are not taken for the start in flight', async () => {
      const state = await leftWith([
        { pipelineName: 'p1', runId: '', inFlight: true, sentAt: T0 + 5 * MIN, started: true, cancel: true },
      ]);
      const p1 = stillGoing({ runIdFromClientRequestId: false, runId: runIdOf(7) }, T0 + 5 * MIN);
      p1.found = [
        { ...p1.view(), runId: runIdOf(5), invokedByType: 'ScheduleTrigger' },
        { ...p1.view(), runId: runIdOf(6), runStart: new Date(T0).toISOString() },
      ];
      await postWith(state, { p1 });
      expect(p1.ops('cancelRun')).toEqual([]);
      expect(recorded.info.some((l) => l.includes('no run of it started since then'))).toBe(true);
    });
  });
});
