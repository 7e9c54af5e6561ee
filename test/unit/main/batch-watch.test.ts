// A batch's watch through main.run(), where the service has one query for many runs (ADF's
// queryPipelineRuns): one status request per interval for all runs (the contract's batch economy),
// the runs the query does not show yet read alone, a refused query replaced by reads per run, and
// a throttled history query whose Retry-After holds for the status reads too.
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

import { run } from '../../../src/main.js';
import { recorded } from '../../support/core-mock.ts';
import { FakeFleet, runIdOf } from '../../support/fake-fleet.ts';
import { FakeService, serviceError, type Phase } from '../../support/fake-service.ts';
import { drive, runsOutput, services, setInputs, stepHooks } from '../../support/main-harness.ts';

stepHooks();

const succeeds = (ms: number): Phase[] => [{ status: 'InProgress', ms }, { status: 'Succeeded' }];

/** Three pipelines whose runs end after 3, 5 and 4 s, behind one list query. */
function fleetOfThree(): FakeFleet {
  const fake = (name: string, n: number, ms: number) =>
    new FakeService({ phases: succeeds(ms), pipelineName: name, runId: runIdOf(n) });
  return new FakeFleet({ a: fake('a', 1, 3_000), b: fake('b', 2, 5_000), c: fake('c', 3, 4_000) }, { listQuery: true });
}

async function watch(fleet: FakeFleet, inputs: Record<string, string> = {}) {
  services.current = fleet;
  setInputs({ pipelines: '- a\n- b\n- c', ...inputs });
  await drive(run);
}

describe('a batch watched with one query for all runs', () => {
  it('one status request per interval for all runs, none per run', async () => {
    const fleet = fleetOfThree();
    await watch(fleet);
    expect(recorded.failed).toEqual([]);
    expect(runsOutput().map((r) => r.status)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    expect(fleet.ops('getRun')).toEqual([]);
    // Every second until the last run ends at 5 s; the runs that ended drop out of the query.
    expect(fleet.listQueries.map((q) => q.runIds.length)).toEqual([3, 3, 3, 2, 1]);
    const t = fleet.listQueries.map((q) => q.at - fleet.listQueries[0]!.at);
    expect(t).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    // The window reaches 5 minutes before the earliest start (clock skew), and a day ahead.
    const firstStart = fleet.ops('startRun')[0]!.at;
    for (const q of fleet.listQueries) {
      expect(q.after.getTime()).toBe(firstStart - 5 * 60_000);
      expect(q.before.getTime()).toBe(q.at + 86_400_000);
    }
  });

  it('a run the query does not show yet is read on its own', async () => {
    const fleet = fleetOfThree();
    fleet.hidden.add(runIdOf(2));
    await watch(fleet);
    expect(recorded.failed).toEqual([]);
    expect(new Set(fleet.ops('getRun').map((c) => c.pipeline))).toEqual(new Set(['b']));
  });

  it('a refused query: said once, with the permission to grant, and every run is read alone', async () => {
    const fleet = fleetOfThree();
    fleet.listFaults.push(serviceError(403, 'AuthorizationFailed'));
    await watch(fleet);
    expect(recorded.failed).toEqual([]);
    expect(fleet.listQueries).toHaveLength(1);
    const said = recorded.warnings.filter((w) => w.includes('may not query'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain("The identity may not query this factory's runs, so the wait reads each of the 3 runs");
    expect(new Set(fleet.ops('getRun').map((c) => c.pipeline))).toEqual(new Set(['a', 'b', 'c']));
  });

  it('a transient fault of the query: warned once for all runs, and when Azure answers again', async () => {
    const fleet = fleetOfThree();
    fleet.listFaults.push(serviceError(503, 'ServiceUnavailable'), serviceError(503, 'ServiceUnavailable'));
    await watch(fleet);
    expect(recorded.failed).toEqual([]);
    expect(recorded.warnings.filter((w) => w.includes('asking again'))).toEqual([
      'Azure answered HTTP 503 ServiceUnavailable; still waiting for 3 runs and asking again.',
    ]);
    expect(recorded.info).toContain('Azure answers again after 2 failed attempt(s) over 2s.');
    // A fault of the query is not followed by a read per run in the same round.
    expect(fleet.ops('getRun')).toEqual([]);
  });

  it('an error asking again cannot fix ends the wait: every run is cancelled', async () => {
    const fleet = fleetOfThree();
    fleet.listFaults.push(serviceError(400, 'BadRequest'));
    await watch(fleet);
    expect(recorded.failed[0]).toContain('BadRequest');
    expect(fleet.ops('cancelRun').map((c) => c.pipeline)).toEqual(['a', 'b', 'c']);
  });
});

describe('the history query', () => {
  it('a throttled answer: its Retry-After holds for the status reads, and the other pipelines ask no history', async () => {
    const fleet = fleetOfThree();
    fleet.of('a').fail('findRuns', serviceError(429, 'TooManyRequests', 20_000));
    await watch(fleet);
    expect(recorded.failed).toEqual([]);
    expect(fleet.ops('findRuns').map((c) => c.pipeline)).toEqual(['a']);
    const first = fleet.listQueries[0]!.at - fleet.ops('startRun')[0]!.at;
    expect(first).toBeGreaterThanOrEqual(20_000);
  });

  it('one history query per pipeline, one after the other, each after its start', async () => {
    const fleet = fleetOfThree();
    await watch(fleet);
    const history = fleet.ops('findRuns');
    expect(history.map((c) => c.pipeline)).toEqual(['a', 'b', 'c']);
    for (const h of history) {
      const started = fleet.ops('startRun').find((s) => s.pipeline === h.pipeline)!;
      expect(h.at).toBeGreaterThanOrEqual(started.at);
    }
  });
});
