// A status read that hangs at the deadline, on real timers (AbortSignal.timeout is not faked): the
// one watch test that takes seconds, so the mutation run leaves it out (vitest.mutate.config.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', () => import('../../support/core-mock.ts'));

import { recorded, resetCore } from '../../support/core-mock.ts';
import { FakeService } from '../../support/fake-service.ts';
import { phases, start } from '../../support/lifecycle-harness.ts';

const readsAt = (service: FakeService) => service.ops('getRun').map((c) => c.at - service.startedAt!);

beforeEach(() => resetCore());

describe('a read that hangs', () => {
  // The old wait cut a hung read at the deadline; the watch then takes one last look (at most 10 s)
  // so a run that ended in the last interval is not reported as timed out.
  it('is cut off at the deadline, and the last look at most 10 s later ends it as a timeout', async () => {
    const service = new FakeService({ phases: phases({ status: 'InProgress' }) });
    service.failAlways('getRun', 'hang');
    const t0 = Date.now();
    const s = start(service, { timeoutMs: 150, pollInterval: 20, cancelOnTimeout: false });
    await s.done;
    expect(recorded.failed[0]).toMatch(/^Timed out after/);
    expect(readsAt(service)[0]).toBeLessThan(150);
    expect(Date.now() - t0).toBeLessThan(150 + 10_000 + 1_000);
  }, 15_000);
});
