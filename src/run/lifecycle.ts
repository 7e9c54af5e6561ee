// The run lifecycle, written once for one run or many (a single run is a batch of one):
//   1. plan   every item is checked against its pipeline before the first start (plan.ts);
//   2. start  run control per item (run-control.ts): exactly-once starts, `run-id`, `if-running`,
//             at most `max-parallel` in flight, `fail-fast` stops the rest;
//   3. watch  one status read per interval for all runs where the service has a list query, else
//             one per run (status-reads.ts), on each run's own schedule (its age, its pipeline's
//             usual duration), with progress lines per run;
//   4. end    one decision per run (endings.ts), then the aggregate;
//   5. report the result model, rendered and published once (src/report/).
// Whatever happens after a start answers, the user learns each run's ID and fate, the post step
// knows every run (state.ts), and runs are cancelled when the inputs say so.
import * as core from '@actions/core';
import { explainAuthError, type AuthContext } from '../auth/explain.js';
import { isSignInError } from '../http/sign-in-errors.js';
import { ServiceError, errorMessage, unknownHost } from '../http/errors.js';
import { retry } from '../http/retry.js';
import { formatDuration } from '../inputs/duration.js';
import { cancelFor, type Inputs } from '../inputs/inputs.js';
import type { StepResult, StopReason, UsualDuration } from '../model/result.js';
import { announceRun, failureText, publishStep } from '../report/publish.js';
import { describeUsual } from '../report/text.js';
import { deadlineSignal } from '../runtime/deadline.js';
import { sleep } from '../runtime/sleep.js';
import { CANCEL_BUDGET_MS } from '../runtime/tuning.js';
import { isFinal } from '../model/run.js';
import type { PipelineService } from '../services/service.js';
import { cancelRun } from './cancel.js';
import { StepCost } from './cost.js';
import { readDetails } from './details.js';
import { decide, type CancelResult, type Ending } from './endings.js';
import { readUsualDuration } from './history.js';
import { newItem, refOf, seen, type Item } from './item.js';
import { maskWithoutDefinition, plan } from './plan.js';
import { Progress } from './progress.js';
import { beginRun, type Begun } from './run-control.js';
import type { RerunFlags } from '../model/run.js';
import type { ActivityRow } from '../model/result.js';
import { failedActivities, fetchActivityRows } from './activities.js';
import { findEarlierRun, type EarlierRun } from './earlier-run.js';
import { recoveryPlan } from './recovery.js';
import { decideRetry, failureReasonCode, parseRetryOn } from './retry-policy.js';
import { githubRun, runIdentity, runIdFor } from './run-ids.js';

import { denseBand, nextPollDelay } from './schedule.js';
import type { Signals } from './signals.js';
import { markDone, saveRuns, type SavedRun } from './state.js';
import { StatusReads } from './status-reads.js';

export type LifecycleInputs = Pick<
  Inputs,
  | 'pipelineName'
  | 'pipelines'
  | 'parameters'
  | 'maxParallel'
  | 'failFast'
  | 'referenceRunId'
  | 'recovery'
  | 'startActivity'
  | 'startFromFailure'
  | 'validateParameters'
  | 'wait'
  | 'timeoutMs'
  | 'pollInterval'
  | 'cancelOnTimeout'
  | 'cancelOnWorkflowCancel'
  | 'cancelRecursive'
  | 'jobSummary'
  | 'runId'
  | 'ifRunning'
  | 'prComment'
  | 'githubToken'
  | 'onRerun'
  | 'rerunKey'
  | 'retries'
  | 'retryOn'
  | 'retryDelayMs'
  | 'billing'
  | 'costEstimate'
  | 'currency'
  | 'retailPricesEndpoint'
>;

export interface Lifecycle {
  service: PipelineService;
  inputs: LifecycleInputs;
  signals: Signals;
  auth: AuthContext;
  /** Saves what the post step needs to reach the service, once the items are resolved. */
  saveContext(): void;
  /** Where the pipelines live (the factory or workspace), for the run IDs a re-run computes (run-ids.ts). */
  home: string;
}

/** Adds what to do to any error the step may fail with. */
export async function explain(
  e: unknown,
  service: PipelineService,
  auth: AuthContext,
  pipelineName: string,
): Promise<Error> {
  if (isSignInError(e)) return explainAuthError(e, auth);
  if (e instanceof ServiceError) {
    try {
      await service.explain(e, pipelineName);
    } catch {
      // The diagnosis is a courtesy; the error stands without it.
    }
    return e;
  }
  const host = unknownHost(e);
  if (host) {
    return new Error(
      `${errorMessage(e)}\nThe host '${host}' does not exist (DNS has no such name). Check the inputs that name the service's endpoint ('environment', 'resource-manager-endpoint', 'service-endpoint', 'workspace') for a typo, and that the runner can resolve it (private endpoints need the private DNS zone).`,
      { cause: e },
    );
  }
  return e instanceof Error ? e : new Error(String(e));
}

export async function runLifecycle(l: Lifecycle): Promise<void> {
  await new Step(l).run();
}

class Step {
  private readonly batch: boolean;
  private readonly items: Item[];
  private readonly result: StepResult;
  private readonly saved: SavedRun[] = [];
  private readonly reads: StatusReads;
  private readonly started = Date.now();
  private deadline = 0;
  private stop: StopReason = '';
  /** fail-fast must also reach the items still in their `if-running` wait or cancel. */
  private readonly halt = new AbortController();
  private readonly pending: Promise<void>[] = [];
  private wake: () => void = () => {};
  private history: Promise<void> = Promise.resolve();
  /** The workflow run and its attempt (GITHUB_RUN_ATTEMPT): a re-run resumes what earlier attempts started. */
  private readonly github = githubRun();
  private readonly attempt = this.github?.attempt ?? 1;
  /** Billable units and prices: one read budget for every run of the step. */
  private readonly cost: StepCost;

  constructor(private readonly l: Lifecycle) {
    const { inputs } = l;
    this.batch = inputs.pipelines.length > 0;
    this.items = this.batch
      ? inputs.pipelines.map((p, i) => newItem(i, p.name, p.parameters, inputs.parameters, true))
      : [newItem(0, inputs.pipelineName, {}, inputs.parameters, false)];
    this.result = {
      service: l.service,
      batch: this.batch,
      runs: this.items,
      stop: '',
      timeoutMs: inputs.timeoutMs,
      elapsedMs: 0,
    };
    this.reads = new StatusReads(l.service, core, this.batch);
    this.cost = new StepCost(l.service, inputs);
  }

  private why = (e: unknown, pipelineName: string) => explain(e, this.l.service, this.l.auth, pipelineName);

  async run(): Promise<void> {
    const { inputs, signals } = this.l;
    // 1. Plan.
    const refused = await plan(this.items, {
      service: this.l.service,
      inputs,
      batch: this.batch,
      signal: signals.signal,
      why: this.why,
    });
    if (refused) return this.report(refused);
    if (signals.signal.aborted) {
      return this.report(
        `The workflow was cancelled before the ${this.batch ? 'runs were' : 'run was'} started; nothing to clean up.`,
      );
    }
    this.l.saveContext();

    // 2-4. Start, watch, end.
    this.deadline = Date.now() + inputs.timeoutMs;
    try {
      await this.conduct();
    } catch (e) {
      await this.fail(e);
    }
    await this.report();
  }

  private active(): number {
    return this.items.filter((i) => i.phase !== 'pending' && i.phase !== 'ended').length;
  }

  private save(): void {
    saveRuns(this.saved);
  }

  /** Starts items in list order while there is room, and waits until every item has ended. */
  private async conduct(): Promise<void> {
    const { inputs, signals } = this.l;
    const limit = inputs.maxParallel || this.items.length;
    let next = 0;
    for (;;) {
      while (!this.stop && !signals.signal.aborted && this.active() < limit && next < this.items.length) {
        this.pending.push(this.start(this.items[next++]!));
      }
      if (signals.signal.aborted && !this.stop) this.stop = 'cancelled';
      if (Date.now() >= this.deadline && !this.stop) {
        // A run that ended in the last interval has ended, not timed out: one last look.
        await this.readStatuses(this.waiting(), deadlineSignal(10_000));
        this.stop = 'timeout';
      }
      if (this.stop) for (const it of this.waiting()) this.pending.push(this.stopWaiting(it, this.stop));
      if (this.active() === 0 && (next >= this.items.length || this.stop)) break;

      const woken = new Promise<void>((r) => (this.wake = r));
      const due = Math.min(...this.waiting().map((i) => i.nextReadAt), Date.now() + 60_000);
      const until = Math.max(0, Math.max(due, this.reads.retryAt) - Date.now());
      // Once aborted, the signal no longer ends a sleep at once: what is left is waiting for cancels.
      const cap = this.stop ? until : Math.min(until, Math.max(0, this.deadline - Date.now()));
      await Promise.race([sleep(cap, signals.signal.aborted ? undefined : signals.signal), woken]);
      if (this.stop || signals.signal.aborted || Date.now() >= this.deadline) continue;
      const now = Date.now();
      if (now < this.reads.retryAt - 50) continue;
      const ready = this.waiting().filter((i) => i.nextReadAt <= now + 50);
      if (!ready.length) continue;
      // With one query for all, every waiting run is read when any is due: it costs nothing more.
      const read = this.batch && this.l.service.readRuns ? this.waiting() : ready;
      await this.readStatuses(read, AbortSignal.any([signals.signal, deadlineSignal(this.deadline - now)]));
    }
    await Promise.all(this.pending);
  }

  private waiting(): Item[] {
    return this.items.filter((i) => i.phase === 'waiting');
  }

  /** One round of status reads; runs that ended are ended. */
  private async readStatuses(items: Item[], signal: AbortSignal): Promise<void> {
    if (!items.length) return;
    const views = await this.reads.read(items, signal, this.l.signals.signal);
    const now = Date.now();
    for (const it of items) {
      const run = views.get(it.runId.toLowerCase());
      this.schedule(it, now);
      if (!run || it.phase !== 'waiting') continue;
      seen(it, run);
      await it.progress?.seen(run.status, now - it.createdAt, isFinal(run.status), run.durationMs);
      if (isFinal(run.status)) this.ended(it, run.status);
    }
  }

  /** The next status read of this run: its age decides (and its pipeline's usual end, with `auto`). */
  private schedule(it: Item, now: number): void {
    const asked = this.l.service.pollNotBefore?.(refOf(it)) ?? 0;
    it.nextReadAt = Math.max(now + nextPollDelay(this.l.inputs.pollInterval, now - it.createdAt, it.band), asked);
  }

  private async start(it: Item): Promise<void> {
    const { service, inputs } = this.l;
    it.phase = 'starting';
    it.identity = runIdentity(this.github, {
      rerunKey: inputs.rerunKey,
      service: service.kind,
      home: this.l.home,
      pipeline: it.pipelineName,
      parameters: it.values,
      item: it.index,
    });
    const resumed = await this.resume(it);
    if (resumed === 'handled') return;
    const begun = await this.begin(it, 0, resumed?.flags);
    if (!begun) return this.finishItem(it);
    if (resumed) Object.assign(it, { earlierRunId: resumed.from, resumed: 'recover' });
    await this.watchRun(it, begun);
  }

  /**
   * `on-rerun: resume`: what an earlier attempt of this step started for this item is waited for
   * (not ended), taken as the result (Succeeded), or recovered (Failed, Cancelled: the flags of the
   * recovery run are returned). Fabric cannot tell its jobs apart: it starts anew, with a notice.
   */
  private async resume(it: Item): Promise<'handled' | { flags?: RerunFlags; from: string } | undefined> {
    const { service, inputs, signals } = this.l;
    if (this.attempt <= 1 || inputs.onRerun !== 'resume' || (!this.batch && inputs.runId)) return undefined;
    let found: EarlierRun;
    try {
      found = await retry(() => findEarlierRun(service, it.identity, this.attempt, { abortSignal: signals.signal }), {
        until: Date.now() + 60_000,
        signal: signals.signal,
      });
    } catch (e) {
      it.log.warning(
        `Attempt ${this.attempt}: could not look for the run an earlier attempt of this step started (${errorMessage(e)}); starting anew.`,
      );
      return undefined;
    }
    if (found.kind === 'none') {
      if (found.notice) core.notice(`${this.batch ? `[${it.pipelineName}] ` : ''}${found.notice}`);
      else
        it.log.info(
          `Attempt ${this.attempt}: no earlier attempt of this step started '${it.pipelineName}'; starting it.`,
        );
      return undefined;
    }
    const run = found.run;
    const by = `attempt ${found.attempt} of this step`;
    if (found.kind === 'recover') {
      let rows: ActivityRow[] = [];
      if (service.kind === 'synapse') {
        try {
          rows = await retry(() => fetchActivityRows(service, run), { until: Date.now() + 60_000 });
        } catch (e) {
          it.log.warning(
            `Could not read the activity runs of run ${run.runId} (${errorMessage(e)}); recovering it from the start.`,
          );
        }
      }
      const plan = recoveryPlan(service.kind, run, rows);
      for (const note of plan.notes) it.log.info(note);
      if (plan.notice) core.notice(plan.notice);
      it.log.info(
        `Attempt ${this.attempt}: run ${run.runId} (${by}) ended ${run.status}; starting a recovery run ${plan.from} instead of the whole pipeline.`,
      );
      return { flags: plan.flags, from: run.runId };
    }
    // Waited for, or taken as it is: this workflow started it, so the cancel defaults treat it as the step's own.
    it.earlierRunId = run.runId;
    it.resumed = found.kind;
    it.ours = true;
    // The earlier run is this attempt's first try: a retry after it lists both.
    it.tries = [
      { runId: run.runId, status: '', message: '', recovery: Boolean(run.runGroupId && run.runGroupId !== run.runId) },
    ];
    it.saved = {
      pipelineName: it.pipelineName,
      runId: run.runId,
      started: false,
      cancel: cancelFor(inputs.cancelOnWorkflowCancel, true),
    };
    this.saved.push(it.saved);
    // Saved before it is said: a step killed right after the line still leaves the post step the run.
    this.save();
    it.log.info(
      found.kind === 'reuse'
        ? `Attempt ${this.attempt}: run ${run.runId} (${by}) already succeeded; it is this attempt's result, and nothing is started.`
        : `Attempt ${this.attempt}: run ${run.runId} (${by}) is still ${run.status}; waiting for it instead of starting another.`,
    );
    const created = Date.parse(run.runStart ?? '');
    await this.watchRun(it, {
      runId: run.runId,
      pipelineName: run.pipelineName || it.pipelineName,
      started: false,
      run,
      skipped: false,
      createdAt: Number.isNaN(created) ? Date.now() : Math.min(created, Date.now()),
      deadline: this.deadline,
    });
    return 'handled';
  }

  /** One start through run control (try 0, or a retry): exactly once, with the ID a re-run can find. */
  private begin(it: Item, tryNumber: number, flags?: RerunFlags): Promise<Begun | undefined> {
    const { service, inputs, signals } = this.l;
    const single = !this.batch;
    return beginRun(
      {
        service,
        inputs: {
          ...inputs,
          pipelineName: it.pipelineName,
          // The rerun inputs and run-id name one run: they are refused with `pipelines`.
          runId: single && tryNumber === 0 ? inputs.runId : '',
          referenceRunId: single ? inputs.referenceRunId : '',
          recovery: single && inputs.recovery,
          startActivity: single ? inputs.startActivity : '',
          startFromFailure: single && inputs.startFromFailure,
          // A retry or a recovery starts: the policy for foreign runs was applied to the first start.
          ifRunning: tryNumber === 0 && !flags ? inputs.ifRunning : 'start',
          timeoutMs: Math.max(1, this.deadline - Date.now()),
        },
        signals,
        stop: this.halt.signal,
        why: (e) => this.why(e, it.pipelineName),
        log: it.log,
        fail: (message) => (it.error = message),
        flags,
        runIdToSend: runIdFor(it.identity, this.attempt, tryNumber),
        record: {
          sending: (chosen) => {
            it.saved = {
              pipelineName: it.pipelineName,
              runId: chosen,
              inFlight: true,
              sentAt: Date.now(),
              started: true,
              cancel: cancelFor(inputs.cancelOnWorkflowCancel, true),
            };
            this.saved.push(it.saved);
            this.save();
          },
          answered: (runId) => {
            if (it.saved) Object.assign(it.saved, { runId, inFlight: false, ended: runId ? undefined : true });
            this.save();
          },
          attached: (runId) => {
            it.saved = {
              pipelineName: it.pipelineName,
              runId,
              started: false,
              cancel: cancelFor(inputs.cancelOnWorkflowCancel, false),
            };
            this.saved.push(it.saved);
            this.save();
          },
        },
      },
      it.values,
    ).then((begun) => {
      if (!begun && !it.error) {
        // Stopped by fail-fast before createRun went out: reported like the items never started.
        it.note = `Not started (${this.stop}).`;
        it.log.info(`${this.stop}: no run was started.`);
      } else if (!begun && this.batch) it.log.warning(it.error!);
      if (begun) {
        it.tries = [
          ...(it.tries ?? []),
          { runId: begun.runId, status: '', message: '', recovery: Boolean(flags?.isRecovery) },
        ];
      }
      return begun;
    });
  }

  /** A run exists (started, attached, resumed): report it at once, then wait for it unless told not to. */
  private async watchRun(it: Item, begun: Begun): Promise<void> {
    const { service, inputs, signals } = this.l;
    const single = !this.batch;
    it.runId = begun.runId;
    it.pipelineName = begun.pipelineName || it.pipelineName;
    it.started = begun.started;
    it.ours ||= begun.started;
    it.createdAt = begun.createdAt;
    it.runUrl = service.runUrl(refOf(it));
    it.status = begun.run?.status ?? 'Queued';
    it.run = undefined;
    seen(it, begun.run);
    if (single) announceRun(it);
    if (it.runUrl) it.log.info(`Monitor it in ${service.studioName}: ${it.runUrl}`);
    if (single && inputs.runId) await this.readDefinitionForMasking(it);

    if (begun.skipped) {
      it.skipped = true;
      if (it.saved) it.saved.ended = true;
      return this.finishItem(it);
    }
    if (begun.run && isFinal(begun.run.status)) {
      // A re-run's earlier run that already ended: nothing to wait for.
      it.phase = 'waiting';
      return this.ended(it, begun.run.status);
    }
    if (!inputs.wait && !signals.signal.aborted) {
      try {
        seen(it, await retry(() => service.getRun(refOf(it)), { until: Date.now() + 60_000, signal: signals.signal }));
      } catch (e) {
        it.log.warning(`Could not read run ${it.runId} (${errorMessage(e)}); reporting what is known.`);
      }
      it.noWait = true;
      if (it.saved) it.saved.ended = true;
      return this.finishItem(it);
    }
    if (single && !it.progress) {
      core.info(
        `Waiting for the run to end (timeout ${formatDuration(inputs.timeoutMs)}, poll interval ${inputs.pollInterval === 'auto' ? 'auto' : formatDuration(inputs.pollInterval)}).`,
      );
    }
    // One query of the pipeline's recent successful runs says how long it usually takes (after the
    // start, so it never mixes with the start's own look for duplicates). A retry keeps what the first try learnt.
    if (!it.progress) {
      it.usual = await this.usualDuration(it);
      if (it.usual) it.log.info(`Runs of '${it.pipelineName}' usually take ${describeUsual(it.usual)}.`);
      if (inputs.pollInterval === 'auto') it.band = denseBand(it.usual);
    }
    it.progress = new Progress(
      {
        usual: it.usual,
        log: it.log,
        // The periodic lines of a single run name its running activities (one query each); a batch's
        // would cost one query per run every few minutes, against the one status query it waits on.
        activities: single ? () => service.listActivityRuns({ ...refOf(it), runStart: it.run?.runStart }) : undefined,
      },
      // A run just started has no status seen yet: its first read says where it stands.
      begun.run?.status,
    );
    this.schedule(it, Date.now());
    it.phase = 'waiting';
    this.wake();
  }

  /** A run reached a final status: retried when the policy says so, else ended. */
  private ended(it: Item, status: string): void {
    const { inputs } = this.l;
    const tries = it.tries?.length ?? 1;
    if (status === 'Failed' && inputs.retries > 0 && it.ours && tries <= inputs.retries && !this.stop) {
      it.phase = 'starting';
      this.pending.push(this.retry(it));
      return;
    }
    this.end(it, { kind: 'final', status });
  }

  /**
   * `retries`: a failed run the policy admits gets a recovery run from its failed activities (Fabric:
   * a new job), inside `timeout`; every try is reported. The try in flight is cancelled like any run.
   */
  private async retry(it: Item): Promise<void> {
    const { service, inputs, signals } = this.l;
    const failed = it.run!;
    let rows: ActivityRow[] = [];
    try {
      rows = await retry(() => fetchActivityRows(service, failed), {
        until: Date.now() + 60_000,
        signal: signals.signal,
      });
      it.failed = failedActivities(rows);
      if (!this.batch) it.activities = rows;
      it.detailsOf = failed.runId;
    } catch (e) {
      it.log.warning(
        `Could not read the activity runs of run ${failed.runId} (${errorMessage(e)}); judging the failure without them.`,
      );
    }
    const decision = decideRetry(
      parseRetryOn(inputs.retryOn.join(',')).policy,
      {
        status: failed.status,
        failureReasonCode: failureReasonCode(failed),
      },
      it.failed,
    );
    const tryNumber = it.tries?.length ?? 1;
    const last = `Try ${tryNumber} of at most ${inputs.retries + 1} (run ${failed.runId}) ended Failed`;
    const noTime = Date.now() + inputs.retryDelayMs >= this.deadline;
    if (!decision.retry || noTime || this.stop || signals.signal.aborted) {
      it.log.info(
        `${last}; ${noTime && decision.retry ? `not retrying: the timeout leaves no room for a retry` : decision.reason}.`,
      );
      return this.end(it, { kind: 'final', status: 'Failed' });
    }
    it.log.info(`${last}; ${decision.reason}. Retrying in ${formatDuration(inputs.retryDelayMs)}.`);
    const waited = await sleep(inputs.retryDelayMs, AbortSignal.any([signals.signal, this.halt.signal]));
    if (!waited || this.stop || Date.now() >= this.deadline) return this.end(it, { kind: 'final', status: 'Failed' });
    const plan = recoveryPlan(service.kind, failed, rows);
    for (const note of plan.notes) it.log.info(note);
    if (plan.notice) it.log.info(plan.notice);
    // The failed try is done with; the post step looks after the next one.
    if (it.saved) it.saved.ended = true;
    this.closeTry(it);
    const begun = await this.begin(it, tryNumber, plan.flags);
    if (!begun) {
      it.note = `The retry could not be started: ${it.error ?? 'stopped'}`;
      it.error = undefined;
      return this.end(it, { kind: 'final', status: 'Failed' });
    }
    it.log.info(
      `Try ${tryNumber + 1}: run ${begun.runId}${plan.flags ? ` recovers run ${failed.runId} ${plan.from}` : ' starts the pipeline again'}.`,
    );
    it.failed = [];
    it.activities = undefined;
    await this.watchRun(it, begun);
  }

  /** The current try's outcome, as it stands. */
  private closeTry(it: Item): void {
    const t = it.tries?.at(-1);
    if (t && t.runId === it.runId) Object.assign(t, { status: it.status, message: it.run?.message || it.note || '' });
  }

  /**
   * One query per pipeline, one at a time: a batch's starts come together, and a throttled answer
   * (whose Retry-After every later query honours) makes the rest go without: it is a courtesy.
   */
  private usualDuration(it: Item): Promise<UsualDuration | undefined> {
    const read = this.history.then(() =>
      this.reads.throttled
        ? undefined
        : readUsualDuration(this.l.service, it.pipelineName, {
            signal: this.l.signals.signal,
            log: it.log,
            onError: (e) => this.reads.noteFault(e),
          }),
    );
    this.history = read.then(() => undefined);
    return read;
  }

  /** `run-id`: the pipeline is known only now; its definition says which values to mask. */
  private async readDefinitionForMasking(it: Item): Promise<void> {
    if (!it.run?.parameters || !Object.keys(it.run.parameters).length) return;
    try {
      const read = await retry(() => this.l.service.readDefinition(it.pipelineName), { until: Date.now() + 30_000 });
      if ('definitions' in read) it.definitions = read.definitions;
      else maskWithoutDefinition(it, read.unavailable);
    } catch (e) {
      maskWithoutDefinition(it, errorMessage(e));
    }
  }

  /** The step stops waiting for this run (timeout, cancellation, fail-fast): cancel it if asked, then end it. */
  private async stopWaiting(it: Item, why: StopReason): Promise<void> {
    const { inputs, signals } = this.l;
    it.phase = 'cancelling';
    const lastStatus = it.status;
    let ending: Ending;
    if (why === 'timeout') {
      it.log.info(`Timed out after ${formatDuration(inputs.timeoutMs)}; the run was last seen ${lastStatus}.`);
      const cancel = await this.cancel(
        it,
        cancelFor(inputs.cancelOnTimeout, it.ours),
        'cancel-on-timeout',
        CANCEL_BUDGET_MS,
      );
      ending = { kind: 'timeout', timeoutMs: inputs.timeoutMs, lastStatus, cancel };
    } else if (why === 'cancelled') {
      const asked = cancelFor(inputs.cancelOnWorkflowCancel, it.ours);
      if (asked) {
        it.log.info(
          `Cancelling ${this.l.service.shortName} run ${it.runId}${inputs.cancelRecursive && this.l.service.kind !== 'fabric' ? ' and its child pipelines' : ''}.`,
        );
      }
      ending = {
        kind: 'cancelled',
        lastStatus,
        cancel: await this.cancel(it, asked, 'cancel-on-workflow-cancel', signals.budget()),
      };
    } else if (why === 'error') {
      const asked = cancelFor(inputs.cancelOnWorkflowCancel, it.ours);
      const cancel = isFinal(lastStatus)
        ? ({ outcome: 'run-ended' } as const)
        : await this.cancel(it, asked, 'cancel-on-workflow-cancel', signals.budget());
      ending = { kind: 'error', error: this.result.error ?? '', lastStatus, cancel };
    } else {
      const cancel = await this.cancel(it, it.ours, 'fail-fast', CANCEL_BUDGET_MS);
      ending = { kind: 'stopped', reason: 'fail-fast: another run did not succeed', lastStatus, cancel };
    }
    this.end(it, ending);
  }

  private async cancel(it: Item, asked: boolean, input: string, budgetMs: number): Promise<CancelResult> {
    if (!asked) return { outcome: 'not-asked', input };
    const c = await cancelRun(this.l.service, refOf(it), { recursive: this.l.inputs.cancelRecursive, budgetMs });
    seen(it, c.run);
    return c;
  }

  /** One decision per run; its details are read in the background, so fail-fast cancels at once. */
  private end(it: Item, ending: Ending): void {
    // The last try ends with the run: `tries` says how, as the summary's table does.
    this.closeTry(it);
    const d = decide(ending, {
      runId: it.runId,
      pipelineName: it.pipelineName,
      runUrl: it.runUrl,
      studioName: this.l.service.studioName,
      attached: !it.ours,
    });
    if (d.note) it.note = d.note;
    if (ending.kind !== 'final') {
      it.ending = { kind: ending.kind, fail: d.fail, message: d.message };
      if (d.log) it.log.info(d.log);
      else if (this.batch && d.note) it.log.info(d.note);
    }
    if (d.reportRun && it.run) it.details = readDetails(this.l.service, it, !this.batch, this.cost);
    if (it.saved && d.handled) it.saved.ended = true;
    this.finishItem(it, d.fail);
  }

  private finishItem(it: Item, failed = it.status !== 'Succeeded' && !it.skipped && !it.noWait): void {
    it.phase = 'ended';
    this.save();
    if (this.batch && this.stop === '' && this.l.inputs.failFast && failed) {
      this.stop = 'fail-fast';
      this.halt.abort();
      core.info(
        `fail-fast: '${it.pipelineName}' ended ${it.status || 'without a run'}; cancelling the runs in flight and starting no more.`,
      );
    }
    this.wake();
  }

  /** Our own failure: every run still waited for is cancelled per cancel-on-workflow-cancel, then reported. */
  private async fail(e: unknown): Promise<void> {
    this.stop = 'error';
    const err = await this.why(e, this.batch ? '' : this.items[0]!.pipelineName);
    this.result.error = failureText(err);
    await Promise.all(this.pending);
    await Promise.all(this.waiting().map((it) => this.stopWaiting(it, 'error')));
  }

  private async report(refused?: string): Promise<void> {
    const { inputs } = this.l;
    if (refused) this.result.error = refused;
    // One run that never started says why, in its own message too (sign-in, cancelled before the start).
    if (refused && !this.batch && !this.items[0]!.error) this.items[0]!.error = refused;
    for (const it of this.items) {
      if (it.phase === 'pending' && !it.note && !it.error)
        it.note = this.stop ? `Not started (${this.stop}).` : 'Not started.';
    }
    await Promise.all(this.items.map((i) => i.details));
    for (const it of this.items) this.closeTry(it);
    await this.cost.finish(this.result, this.items);
    this.result.stop = this.stop;
    this.result.elapsedMs = Date.now() - this.started;
    await publishStep(this.result, inputs);
    // The post step has nothing left to do once every run is ended, cancelled or to be left alone.
    if (this.saved.every((e) => e.ended || (!e.runId && !e.inFlight))) markDone();
  }
}
