// Defects found while porting the tests to the one lifecycle: these fail until the code is fixed
// (the mutation run leaves this file out: Stryker needs a green suite to start).
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
import { AuthError } from '../../../src/http/errors.js';
import { recorded } from '../../support/core-mock.ts';
import { FakeFleet, runIdOf } from '../../support/fake-fleet.ts';
import { FakeService } from '../../support/fake-service.ts';
import { cancelWorkflow, drive, services, setInputs, stepHooks } from '../../support/main-harness.ts';

stepHooks();

// Before the one lifecycle, a single run that never started had its reason as the `message`
// output (writeNoRunOutputs). Now plan() returns the reason without putting it on the item, so
// report() gives the item the note 'Not started.', and that is the `message` (and `runs[0].message`).
describe('one run that never started: the message output is the reason', () => {
  it('a sign-in failure', async () => {
    const service = new FakeService();
    const reason = 'Sign-in to Azure failed (client-secret): AADSTS7000215 invalid secret';
    service.fail('prepare', new AuthError(reason));
    services.current = FakeFleet.of(service);
    setInputs({ 'pipeline-name': 'p1' });
    await drive(run);
    expect(recorded.failed).toEqual([reason]);
    expect(recorded.outputs.message).toBe(reason);
  });

  it('a workflow cancelled before the start', async () => {
    const service = new FakeService();
    // The definition's answer takes 5 s; the workflow is cancelled meanwhile.
    service.readDefinition = () => new Promise((resolve) => setTimeout(() => resolve({ definitions: {} }), 5_000));
    services.current = FakeFleet.of(service);
    setInputs({ 'pipeline-name': 'p1' });
    await drive(run, { at: [[() => service.ops('prepare').length > 0, cancelWorkflow]] });
    expect(service.ops('startRun')).toEqual([]);
    expect(recorded.failed[0]).toMatch(/^The workflow was cancelled before the run was started/);
    expect(recorded.outputs.message).toMatch(/^The workflow was cancelled before the run was started/);
  });
});

// At the deadline the watch takes one last look, and a run that ended in the last interval has
// ended, not timed out (lifecycle.ts). For one run that holds; for a batch whose runs all end
// in that last look, `stop` is still set to 'timeout', and stepFailure() fails the step with
// "Timed out after … waiting for the runs." and no run listed.
describe('a batch whose runs all end by the last look at the deadline', () => {
  it('succeeds', async () => {
    const phases = [{ status: 'InProgress' as const, ms: 30_000 }, { status: 'Succeeded' as const }];
    const fleet = new FakeFleet({
      a: new FakeService({ phases, pipelineName: 'a', runId: runIdOf(1) }),
      b: new FakeService({ phases, pipelineName: 'b', runId: runIdOf(2) }),
    });
    services.current = fleet;
    setInputs({ pipelines: '- a\n- b', timeout: '30s', 'poll-interval': '7s' });
    await drive(run);
    expect(fleet.ops('cancelRun')).toEqual([]);
    expect(JSON.parse(recorded.outputs.runs!).map((r: { status: string }) => r.status)).toEqual([
      'Succeeded',
      'Succeeded',
    ]);
    expect(recorded.outputs.status).toBe('Succeeded');
    expect(recorded.failed).toEqual([]);
  });
});
