// The recovery run of an ended run, per service.
import { describe, expect, it } from 'vitest';
import { recoveryPlan } from '../../../src/run/recovery.js';

const failed = { runId: 'r-1', status: 'Failed' as const };
const cancelled = { runId: 'r-1', status: 'Cancelled' as const };
const row = (activityName: string, status: string, depth = 0) => ({ activityName, status, depth });

describe('recoveryPlan', () => {
  it('Data Factory: from the failed activities', () => {
    expect(recoveryPlan('data-factory', failed)).toEqual({
      flags: { referencePipelineRunId: 'r-1', isRecovery: true, startFromFailure: true },
      from: 'from the failed activities',
      notes: [],
    });
  });

  it('Synapse: from the one top-level activity that failed (failures inside a child pipeline do not count)', () => {
    const plan = recoveryPlan('synapse', failed, [
      row('Lookup', 'Succeeded'),
      row('Run child', 'Failed'),
      row('Copy table', 'Failed', 1),
    ]);
    expect(plan.flags).toEqual({ referencePipelineRunId: 'r-1', isRecovery: true, startActivityName: 'Run child' });
    expect(plan.from).toBe("from activity 'Run child'");
  });

  it('Synapse: from the start with the same parameters when two top-level activities failed', () => {
    const plan = recoveryPlan('synapse', failed, [row('Copy a', 'Failed'), row('Copy b', 'Failed')]);
    expect(plan.flags).toEqual({ referencePipelineRunId: 'r-1', isRecovery: true });
    expect(plan.from).toBe('from the start');
    expect(plan.notes).toEqual([
      "Synapse can only resume from one activity and 2 top-level activities of run r-1 stopped ('Copy a', 'Copy b'), so the recovery run starts from the beginning with that run's parameters.",
    ]);
  });

  it('Synapse: from the start when no top-level activity failed', () => {
    const plan = recoveryPlan('synapse', failed, [row('Lookup', 'Succeeded')]);
    expect(plan.flags).toEqual({ referencePipelineRunId: 'r-1', isRecovery: true });
    expect(plan.notes[0]).toContain('no top-level activity of run r-1 failed');
  });

  it('a cancelled run is recovered like a failed one, and the log says so', () => {
    const adf = recoveryPlan('data-factory', cancelled);
    expect(adf.flags).toEqual({ referencePipelineRunId: 'r-1', isRecovery: true, startFromFailure: true });
    expect(adf.notes).toEqual([
      'Run r-1 was cancelled; it is recovered as a failed run would be (whether a recovery from a cancelled run resumes at the cancelled activities is not verified).',
    ]);
    const syn = recoveryPlan('synapse', cancelled, [row('Lookup', 'Succeeded'), row('Copy', 'Cancelled')]);
    expect(syn.flags).toEqual({ referencePipelineRunId: 'r-1', isRecovery: true, startActivityName: 'Copy' });
    expect(syn.notes).toHaveLength(1);
  });

  it('Fabric: no recovery flags, a new job with the same parameters and a notice', () => {
    const plan = recoveryPlan('fabric', failed);
    expect(plan.flags).toBeUndefined();
    expect(plan.notice).toBe(
      'Fabric has no recovery runs: a new job of the pipeline starts with the same parameters, and activities that succeeded in run r-1 run again.',
    );
  });

  it('refuses to recover a run that did not fail', () => {
    expect(() => recoveryPlan('data-factory', { runId: 'r-1', status: 'Succeeded' })).toThrow(/Failed or Cancelled/);
  });
});
