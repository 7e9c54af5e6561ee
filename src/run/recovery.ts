// How an ended run is recovered, per service (recovery-and-cost.md §2): Data Factory reruns the
// failed activities and what follows them (`startFromFailure`); Synapse has no such flag, so it
// reruns from the failed activity when exactly one top-level activity failed, else from the start;
// Fabric has no recovery runs at all.
import type { RerunFlags, RunView } from '../model/run.js';
import type { ServiceKind } from '../model/service-kind.js';
import type { ActivityRow } from '../model/result.js';

export interface RecoveryPlan {
  /** The createRun flags; undefined for Fabric, which starts a new job with the same parameters. */
  flags: RerunFlags | undefined;
  /** For the log and the summary: "from the failed activities", "from activity 'Load'", "from the start". */
  from: string;
  /** Lines for the log that explain a choice (a cancelled reference run, Synapse starting over). */
  notes: string[];
  /** A notice for the user (Fabric). */
  notice?: string;
}

/**
 * The recovery run of `reference` (an ended Failed or Cancelled run). `rows` are its activity runs
 * (fetchActivityRows); only Synapse needs them.
 */
export function recoveryPlan(
  kind: ServiceKind,
  reference: Pick<RunView, 'runId' | 'status'>,
  rows: ReadonlyArray<Pick<ActivityRow, 'activityName' | 'status' | 'depth'>> = [],
): RecoveryPlan {
  if (reference.status !== 'Failed' && reference.status !== 'Cancelled')
    throw new Error(`Only a Failed or Cancelled run is recovered, not a ${reference.status} one (${reference.runId}).`);
  const cancelled = reference.status === 'Cancelled';
  const notes = cancelled
    ? [
        `Run ${reference.runId} was cancelled; it is recovered as a failed run would be (whether a recovery from a cancelled run resumes at the cancelled activities is not verified).`,
      ]
    : [];
  const base = { referencePipelineRunId: reference.runId, isRecovery: true };
  switch (kind) {
    case 'data-factory':
      return { flags: { ...base, startFromFailure: true }, from: 'from the failed activities', notes };
    case 'synapse': {
      // A cancelled run's interrupted activities end Cancelled, not Failed: they are where it stopped.
      const stopped = rows.filter(
        (r) => r.depth === 0 && (r.status === 'Failed' || (cancelled && r.status === 'Cancelled')),
      );
      const names = [...new Set(stopped.map((r) => r.activityName))];
      if (names.length === 1) {
        return {
          flags: { ...base, startActivityName: names[0] },
          from: `from activity '${names[0]}'`,
          notes,
        };
      }
      const why =
        names.length === 0
          ? `no top-level activity of run ${reference.runId} ${cancelled ? 'failed or was cancelled' : 'failed'}`
          : `${names.length} top-level activities of run ${reference.runId} stopped (${names.map((n) => `'${n}'`).join(', ')})`;
      return {
        flags: base,
        from: 'from the start',
        notes: [
          ...notes,
          `Synapse can only resume from one activity and ${why}, so the recovery run starts from the beginning with that run's parameters.`,
        ],
      };
    }
    case 'fabric':
      return {
        flags: undefined,
        from: 'anew',
        notes,
        notice: `Fabric has no recovery runs: a new job of the pipeline starts with the same parameters, and activities that succeeded in run ${reference.runId} run again.`,
      };
  }
}
