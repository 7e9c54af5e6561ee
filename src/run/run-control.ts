// Run control: which run the step waits for. It starts one exactly once (the run ID chosen and
// saved before createRun is sent), attaches to an existing one (`run-id`), or first applies the
// `if-running` policy. Whatever it returns, the rest of the lifecycle is the same.
import { formatDuration } from '../inputs/duration.js';
import type { Inputs } from '../inputs/inputs.js';
import { failureText } from '../report/publish.js';
import { CREATE_PHASE_MS, settleMs } from '../runtime/tuning.js';
import type { PipelineService } from '../services/service.js';
import type { RerunFlags, RunView } from '../model/run.js';
import { describeRun, readRunToAttach } from './attach.js';
import { applyIfRunning } from './if-running.js';
import type { Signals } from './signals.js';
import { chooseRunId, startRun } from './start.js';

export interface RunControl {
  service: PipelineService;
  inputs: Pick<
    Inputs,
    | 'pipelineName'
    | 'referenceRunId'
    | 'recovery'
    | 'startActivity'
    | 'startFromFailure'
    | 'timeoutMs'
    | 'pollInterval'
    | 'cancelRecursive'
    | 'runId'
    | 'ifRunning'
  >;
  signals: Signals;
  /** The error as the step reports it (with what to do). */
  why(e: unknown): Promise<Error>;
  /** Where the run ID goes the moment it is known: the post step's state. */
  record: StartRecord;
  /** Why no run was started, for the report. */
  fail(message: string): void;
  /** The log (a batch prefixes each line with its pipeline). */
  log: RunControlLog;
  /** A recovery run's flags (a retry, a re-run recovering an earlier attempt's run): they win over the inputs'. */
  flags?: RerunFlags;
  /** The run ID this start sends, derived so a re-run can find it (run-ids.ts); absent: a random one. */
  runIdToSend?: string;
  /**
   * A batch's stop (fail-fast): ends an `if-running` wait or cancel and keeps createRun from being
   * sent; beginRun then returns undefined without failing (the batch says why). A createRun already
   * in flight is not interrupted: that would leave the start ambiguous, and the batch cancels the
   * run it answers with.
   */
  stop?: AbortSignal;
}

export interface RunControlLog {
  info(line: string): void;
  warning(line: string): void;
  debug(line: string): void;
}

/** The post step's view of a start: the chosen ID before createRun, the answer after. */
export interface StartRecord {
  /** Saved before createRun is sent (the ID chosen in advance, '' where the service picks it). */
  sending(chosenRunId: string): void;
  /** createRun answered with this run, or surely started nothing (''). */
  answered(runId: string): void;
  /** The step waits for a run it did not start. */
  attached(runId: string): void;
}

export interface Begun {
  runId: string;
  pipelineName: string;
  /** This step started the run (the `started` output). */
  started: boolean;
  /** The run as found (attach, skip); absent for a run just started. */
  run?: RunView;
  /** if-running: skip: report the run found and end without waiting. */
  skipped: boolean;
  /** When the run was created (ms epoch), for the poll schedule. */
  createdAt: number;
  /** The wait ends here: the time spent before the start counts against `timeout`. */
  deadline: number;
}

/** Undefined when the step has already failed (the reason is reported). */
export async function beginRun(c: RunControl, parameters: Record<string, unknown>): Promise<Begun | undefined> {
  const { service, inputs, signals } = c;
  const { log, record } = c;
  const fail = async (e: unknown, op?: string) => c.fail(failureText(await c.why(e), op));
  const phaseStart = Date.now();
  const deadline = phaseStart + inputs.timeoutMs;

  if (inputs.runId) {
    let run: RunView;
    try {
      run = await readRunToAttach(service, inputs.runId, inputs.pipelineName, signals.signal);
    } catch (e) {
      await fail(e);
      return undefined;
    }
    return attached(
      c,
      run,
      deadline,
      false,
      `Attached to run ${describeRun(run)} of pipeline '${run.pipelineName || inputs.pipelineName}' (run-id); this step did not start it.`,
    );
  }

  if (inputs.ifRunning !== 'start') {
    try {
      const d = await applyIfRunning(service, {
        pipelineName: inputs.pipelineName,
        policy: inputs.ifRunning,
        pollInterval: inputs.pollInterval,
        deadline,
        timeoutMs: inputs.timeoutMs,
        cancelRecursive: inputs.cancelRecursive,
        signal: c.stop ? AbortSignal.any([signals.signal, c.stop]) : signals.signal,
        log,
      });
      if (d.kind !== 'start') {
        return attached(
          c,
          d.run,
          deadline,
          d.kind === 'skip',
          d.kind === 'skip'
            ? `Skipped the start (if-running: skip): run ${d.run.runId} of '${inputs.pipelineName}' is ${d.run.status}.`
            : `Attached to run ${describeRun(d.run)} (if-running: attach); this step did not start it.`,
        );
      }
    } catch (e) {
      // Stopped while waiting or cancelling: what the policy threw says "cancelled", which it was not.
      if (c.stop?.aborted) return undefined;
      await fail(e);
      return undefined;
    }
    if (signals.signal.aborted) {
      c.fail('The workflow was cancelled before the run was started; nothing to clean up.');
      return undefined;
    }
  }
  // The last moment a stop keeps the run from starting; after this, createRun goes out.
  if (c.stop?.aborted) return undefined;

  const flags: RerunFlags = c.flags ?? {
    referencePipelineRunId: inputs.referenceRunId || undefined,
    isRecovery: inputs.recovery || undefined,
    startActivityName: inputs.startActivity || undefined,
    startFromFailure: inputs.startFromFailure || undefined,
  };
  // Exactly one run per start: choose its ID and save it before createRun goes out.
  const chosen = chooseRunId(service, c.runIdToSend);
  record.sending(chosen ?? '');
  if (chosen) {
    log.info(
      `Starting pipeline '${inputs.pipelineName}' as run ${chosen} (the ID goes out as createRun's client request ID, so a resend cannot start a second run).`,
    );
  }
  let ambiguous = false;
  const startedAt = Date.now();
  let runId: string;
  try {
    const started = await startRun(service, {
      pipelineName: inputs.pipelineName,
      parameters,
      flags,
      deadline: startedAt + Math.min(Math.max(1, deadline - startedAt), CREATE_PHASE_MS),
      signal: signals.signal,
      settleMs: settleMs(),
      log,
      clientRequestId: chosen,
      onAmbiguous: () => (ambiguous = true),
    });
    runId = started.runId;
  } catch (e) {
    // Nothing went out ambiguously: surely no run, so the post step has nothing to look for.
    if (!ambiguous) record.answered('');
    await fail(e, 'createRun');
    return undefined;
  }
  record.answered(runId);
  log.info(
    `Started run ${runId} of pipeline '${inputs.pipelineName}'${flags.isRecovery ? ` (recovery of run ${flags.referencePipelineRunId})` : ''}.`,
  );
  if (Date.now() - phaseStart > 60_000) {
    log.info(`${formatDuration(Date.now() - phaseStart)} of the timeout went to getting the run started.`);
  }
  return { runId, pipelineName: inputs.pipelineName, started: true, skipped: false, createdAt: startedAt, deadline };
}

function attached(c: RunControl, run: RunView, deadline: number, skipped: boolean, line: string): Begun {
  c.record.attached(run.runId);
  c.log.info(line);
  const created = Date.parse(run.runStart ?? '');
  return {
    runId: run.runId,
    pipelineName: run.pipelineName || c.inputs.pipelineName,
    started: false,
    run,
    skipped,
    createdAt: Number.isNaN(created) ? Date.now() : Math.min(created, Date.now()),
    deadline,
  };
}
