// Several pipelines in one step (`pipelines`): every item is checked before the first start, runs
// start in list order with at most `max-parallel` in flight, each start exactly once and through
// the single run's run control (`if-running` per item), and the wait costs one status query per
// interval for all runs where the service has one (readRuns), else one read per run.
import * as core from '@actions/core';
import type { AuthContext } from '../auth/explain.js';
import { ServiceError, errorMessage } from '../http/errors.js';
import { isRetryable, retry } from '../http/retry.js';
import { formatDuration } from '../inputs/duration.js';
import { cancelFor, type Inputs } from '../inputs/inputs.js';
import { displayParameters, secureValues, validateParameters } from '../inputs/parameters.js';
import { type ParameterDefinitions } from '../model/parameters.js';
import { publishBatch, type BatchRun } from '../report/batch-report.js';
import { readReturnValue } from '../report/return-value.js';
import { sleep } from '../runtime/sleep.js';
import { CANCEL_BUDGET_MS } from '../runtime/tuning.js';
import { isFinal, type RunRef, type RunView } from '../model/run.js';
import { type PipelineService } from '../services/service.js';
import { failedActivities, fetchActivityRows } from './activities.js';
import { cancelRun, describeCancel } from './cancel.js';
import { explain } from './lifecycle.js';
import { beginRun, type RunControlLog } from './run-control.js';
import { nextPollDelay } from './schedule.js';
import type { Signals } from './signals.js';
import { saveBatch, STATE, type BatchEntry } from './state.js';

export interface BatchLifecycle {
  service: PipelineService;
  inputs: Inputs;
  signals: Signals;
  auth: AuthContext;
  /** Saves what the post step needs to reach the service (once every item is resolved). */
  saveContext(): void;
}

/** The query window reaches back this far before its earliest run's start (clock skew). */
const WINDOW_MARGIN_MS = 5 * 60_000;

type Phase = 'pending' | 'starting' | 'waiting' | 'cancelling' | 'ended';

interface Item extends BatchRun {
  unresolved?: boolean;
  /** What is wrong with the item, found before the first start. */
  problems: string[];
  phase: Phase;
  values: Record<string, unknown>;
  createdAt: number;
  entry?: BatchEntry;
  log: RunControlLog;
}

export function prefixed(name: string): RunControlLog {
  const p = `[${name}] `;
  return {
    info: (l) => core.info(p + l),
    warning: (l) => core.warning(p + l),
    debug: (l) => core.debug(p + l),
  };
}

export async function runBatch(b: BatchLifecycle): Promise<void> {
  const { service, inputs, signals } = b;
  const stepStart = Date.now();
  const deadline = stepStart + inputs.timeoutMs;
  const items: Item[] = inputs.pipelines.map((p) => ({
    pipelineName: p.name,
    phase: 'pending',
    values: { ...inputs.parameters, ...p.parameters },
    shown: {},
    runId: '',
    runUrl: '',
    started: false,
    status: '',
    failed: [],
    createdAt: 0,
    log: prefixed(p.name),
    problems: [],
  }));

  // 1. Every item against its own pipeline, before anything starts.
  let notice = '';
  // Names are resolved one after another (Fabric lists the workspace's items once, then answers
  // from that); definitions are read a few at a time.
  for (const it of items) {
    try {
      await service.prepare?.(it.pipelineName, { abortSignal: signals.signal });
    } catch (e) {
      it.problems.push(
        `'${it.pipelineName}': ${errorMessage(await explain(e, { service, auth: b.auth, inputs: { ...inputs, pipelineName: it.pipelineName } }))}`,
      );
      it.unresolved = true;
    }
  }
  const check = async (it: Item) => {
    if (it.unresolved) return;
    const why = (e: unknown) =>
      explain(e, { service, auth: b.auth, inputs: { ...inputs, pipelineName: it.pipelineName } });
    if (!inputs.validateParameters) return;
    let definitions: ParameterDefinitions | undefined;
    try {
      const read = await retry(() => service.readDefinition(it.pipelineName, { abortSignal: signals.signal }), {
        until: Date.now() + 120_000,
        signal: signals.signal,
      });
      if ('unavailable' in read) {
        if (read.level !== 'notice') it.log.warning(read.unavailable);
        else if (Object.keys(it.values).length) notice = read.unavailable;
      } else definitions = read.definitions;
    } catch (e) {
      it.problems.push(`'${it.pipelineName}': ${errorMessage(await why(e))}`);
      return;
    }
    if (!definitions) return;
    const own = inputs.pipelines[items.indexOf(it)]!.parameters;
    const values: Record<string, unknown> = { ...it.values };
    for (const name of Object.keys(inputs.parameters)) {
      if (name in own || Object.keys(definitions).some((d) => d.toLowerCase() === name.toLowerCase())) continue;
      it.problems.push(
        `'${it.pipelineName}': the shared parameter '${name}' is not declared by this pipeline; give it in the 'parameters' of the items that take it.`,
      );
      delete values[name];
    }
    const checked = validateParameters(definitions, values);
    for (const p of checked.problems) it.problems.push(`'${it.pipelineName}': ${p}`);
    for (const c of checked.conversions) it.log.info(`Converted parameter ${c}.`);
    it.values = checked.values;
    it.definitions = definitions;
  };
  await inPool(items, 5, check);
  const problems = items.flatMap((i) => i.problems);
  if (notice) core.notice(notice);
  if (problems.length) {
    core.setFailed(
      `The pipelines do not fit their definitions (no run was started):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    return;
  }
  for (const it of items) {
    for (const secret of secureValues(it.values, it.definitions)) core.setSecret(secret);
    it.shown = displayParameters(it.values, it.definitions);
    if (Object.keys(it.values).length) it.log.info(`Parameters: ${JSON.stringify(it.shown)}`);
  }
  if (signals.signal.aborted) {
    core.setFailed('The workflow was cancelled before the runs were started; nothing to clean up.');
    return;
  }
  b.saveContext();

  // 2. Start in list order, at most max-parallel in flight; wait for all with one query per interval.
  const limit = inputs.maxParallel || items.length;
  const entries: BatchEntry[] = [];
  const save = () => saveBatch(entries);
  let next = 0;
  let stop: '' | 'fail-fast' | 'timeout' | 'cancelled' | 'error' = '';
  let stopError = '';
  let firstStartAt = 0;
  let lastPollAt = 0;
  let faultSince: number | undefined;
  /** A throttled read's Retry-After: no status read before this. */
  let retryAt = 0;
  let wake: () => void = () => {};
  const woken = () => new Promise<void>((r) => (wake = r));
  let wakeup = woken();
  const cancels: Promise<void>[] = [];
  /** Ended runs' activity and return-value reads, awaited before the report. */
  const details: Promise<void>[] = [];
  const active = () => items.filter((i) => i.phase !== 'pending' && i.phase !== 'ended').length;
  // fail-fast must also reach the items still in their `if-running` wait or cancel: without it they
  // would start a run once the foreign ones ended, only for it to be cancelled.
  const halt = new AbortController();

  const end = (it: Item, run?: RunView) => {
    if (run) see(it, run);
    it.phase = 'ended';
    if (it.entry) it.entry.ended = true;
    save();
    if (stop === '' && inputs.failFast && !ok(it)) {
      stop = 'fail-fast';
      halt.abort();
      core.info(
        `fail-fast: '${it.pipelineName}' ended ${it.status || 'without a run'}; cancelling the runs in flight and starting no more.`,
      );
    }
    wake();
  };

  const start = async (it: Item) => {
    it.phase = 'starting';
    if (!firstStartAt) firstStartAt = Date.now();
    const why = (e: unknown) =>
      explain(e, { service, auth: b.auth, inputs: { ...inputs, pipelineName: it.pipelineName } });
    const begun = await beginRun(
      {
        service,
        inputs: {
          ...inputs,
          pipelineName: it.pipelineName,
          runId: '',
          referenceRunId: '',
          recovery: false,
          startActivity: '',
          startFromFailure: false,
          timeoutMs: Math.max(1, deadline - Date.now()),
        },
        signals,
        stop: halt.signal,
        beforeStart: (started) => (it.started = started),
        why,
        log: it.log,
        fail: (message) => (it.error = message),
        record: {
          sending(chosen) {
            it.entry = {
              pipelineName: it.pipelineName,
              runId: chosen,
              inFlight: true,
              started: true,
              cancel: cancelFor(inputs.cancelOnWorkflowCancel, true),
            };
            entries.push(it.entry);
            save();
          },
          answered(runId) {
            if (it.entry) Object.assign(it.entry, { runId, inFlight: false, ended: runId ? undefined : true });
            save();
          },
          attached(runId) {
            it.entry = {
              pipelineName: it.pipelineName,
              runId,
              started: false,
              cancel: cancelFor(inputs.cancelOnWorkflowCancel, false),
            };
            entries.push(it.entry);
            save();
          },
        },
      },
      it.values,
    );
    if (!begun && !it.error) {
      // Stopped by fail-fast before createRun went out: reported like the items never started.
      it.note = `Not started (${stop}).`;
      it.log.info(`${stop}: no run was started.`);
      end(it);
      return;
    }
    if (!begun) {
      // No run: its status stays '' (the aggregate says Failed).
      it.message = it.error;
      it.log.warning(it.error ?? 'The run was not started.');
      end(it);
      return;
    }
    it.runId = begun.runId;
    it.started = begun.started;
    it.createdAt = begun.createdAt;
    it.runUrl = service.runUrl({ runId: begun.runId, pipelineName: it.pipelineName });
    if (it.runUrl) it.log.info(`Monitor it in ${service.studioName}: ${it.runUrl}`);
    it.status = begun.run?.status ?? 'Queued';
    if (begun.run) see(it, begun.run);
    if (begun.skipped) {
      it.skipped = true;
      end(it);
      return;
    }
    if (!inputs.wait) {
      try {
        see(it, await retry(() => service.getRun(ref(it)), { until: Date.now() + 60_000, signal: signals.signal }));
      } catch (e) {
        it.log.warning(`Could not read run ${it.runId} (${errorMessage(e)}); reporting what is known.`);
      }
      it.noWait = true;
      end(it);
      return;
    }
    it.phase = 'waiting';
    wake();
  };

  const cancelItem = (it: Item, asked: boolean, budgetMs: number, why: string) => {
    if (!asked) {
      it.note = `${why}; the run was left ${it.status}${it.started ? '' : ' (this step did not start it)'}.`;
      it.log.info(it.note);
      end(it);
      return Promise.resolve();
    }
    it.phase = 'cancelling';
    return cancelRun(service, ref(it), { recursive: inputs.cancelRecursive, budgetMs }).then((c) => {
      if (c.run) see(it, c.run);
      const line = describeCancel(it.runId, c, service.studioName);
      it.note = `${why}. ${line}`;
      if (c.outcome === 'failed') it.log.warning(line);
      else it.log.info(line);
      if (c.outcome !== 'failed') end(it);
      else {
        // A cancel that failed leaves the run to the post step.
        it.phase = 'ended';
        wake();
      }
    });
  };

  const poll = async (waiting: Item[]) => {
    const signal = AbortSignal.any([signals.signal, AbortSignal.timeout(Math.max(1, deadline - Date.now()))]);
    const views = new Map<string, RunView>();
    let faulted: unknown;
    if (service.readRuns) {
      try {
        const runs = await service.readRuns(
          waiting.map(ref),
          {
            after: new Date(windowStart(firstStartAt, waiting) - WINDOW_MARGIN_MS),
            before: new Date(Date.now() + 86_400_000),
          },
          { abortSignal: signal },
        );
        for (const r of runs) views.set(r.runId.toLowerCase(), r);
      } catch (e) {
        if (signals.signal.aborted || !isRetryable(e)) throw e;
        faulted = e;
      }
    }
    // Runs the query does not show yet (or every run, where there is no such query).
    const missing = faulted ? [] : waiting.filter((i) => !views.has(i.runId.toLowerCase()));
    await Promise.all(
      missing.map(async (i) => {
        try {
          views.set(i.runId.toLowerCase(), await service.getRun(ref(i), { abortSignal: signal }));
        } catch (e) {
          if (signals.signal.aborted || !isRetryable(e)) throw e;
          faulted = e;
        }
      }),
    );
    if (faulted) {
      if (faulted instanceof ServiceError && faulted.retryAfterMs) retryAt = Date.now() + faulted.retryAfterMs;
      if (faultSince === undefined) {
        faultSince = Date.now();
        core.warning(`${errorMessage(faulted)}; still waiting for ${waiting.length} run(s) and asking again.`);
      }
    } else if (faultSince !== undefined) {
      core.info(`The service answers again after ${formatDuration(Date.now() - faultSince)}.`);
      faultSince = undefined;
    }
    for (const it of waiting) {
      const run = views.get(it.runId.toLowerCase());
      if (!run || it.phase !== 'waiting') continue;
      const before = it.status;
      see(it, run);
      if (run.status !== before) {
        it.log.info(
          `${isFinal(run.status) ? 'Run ended' : 'Status'}: ${run.status} (after ${formatDuration(Date.now() - it.createdAt)})`,
        );
      }
      if (isFinal(run.status)) {
        // Ended first, so fail-fast cancels the others without waiting for this run's details.
        end(it);
        details.push(addDetails(service, it));
      }
    }
  };

  try {
    for (;;) {
      while (!stop && !signals.signal.aborted && active() < limit && next < items.length) void start(items[next++]!);
      if (signals.signal.aborted && !stop) stop = 'cancelled';
      if (Date.now() >= deadline && !stop) stop = 'timeout';
      const waiting = items.filter((i) => i.phase === 'waiting');
      if (stop && waiting.length) {
        const asked =
          stop === 'timeout'
            ? (i: Item) => cancelFor(inputs.cancelOnTimeout, i.started)
            : stop === 'cancelled'
              ? (i: Item) => cancelFor(inputs.cancelOnWorkflowCancel, i.started)
              : (i: Item) => i.started;
        const budget = stop === 'cancelled' ? signals.budget() : CANCEL_BUDGET_MS;
        const why =
          stop === 'timeout'
            ? `The wait timed out after ${formatDuration(inputs.timeoutMs)}`
            : stop === 'cancelled'
              ? 'The workflow was cancelled'
              : 'fail-fast: another run did not succeed';
        if (stop === 'cancelled' && waiting.some(asked)) {
          core.info(
            `Cancelling ${waiting.filter(asked).length} run(s)${inputs.cancelRecursive ? ' and their child pipelines' : ''}.`,
          );
        }
        for (const it of waiting) cancels.push(cancelItem(it, asked(it), budget, why));
      }
      if (active() === 0 && (next >= items.length || stop)) break;
      const inWait = items.filter((i) => i.phase === 'waiting');
      let delay = 60_000;
      if (inWait.length) {
        const youngest = Math.max(...inWait.map((i) => i.createdAt));
        const asked = Math.max(retryAt, ...inWait.map((i) => service.pollNotBefore?.(ref(i)) ?? 0));
        const due = Math.max(
          (lastPollAt || youngest) + nextPollDelay(inputs.pollInterval, Date.now() - youngest),
          asked,
        );
        delay = Math.max(0, due - Date.now());
      }
      const until = stop ? delay : Math.min(delay, Math.max(0, deadline - Date.now()));
      // Once aborted, the signal no longer ends a sleep at once: what is left is waiting for cancels.
      await Promise.race([sleep(until, signals.signal.aborted ? undefined : signals.signal), wakeup]);
      wakeup = woken();
      if (stop || signals.signal.aborted || Date.now() >= deadline) continue;
      const due = items.filter((i) => i.phase === 'waiting');
      if (!due.length) continue;
      const youngest = Math.max(...due.map((i) => i.createdAt));
      if (
        Date.now() <
        Math.max(retryAt, (lastPollAt || youngest) + nextPollDelay(inputs.pollInterval, Date.now() - youngest)) - 50
      )
        continue;
      lastPollAt = Date.now();
      await poll(due);
    }
    await Promise.all(cancels);
  } catch (e) {
    // Our own failure: cancel what this step started (per cancel-on-workflow-cancel), then report.
    stop = 'error';
    stopError = errorMessage(await explain(e, { service, auth: b.auth, inputs }));
    await Promise.all(cancels);
    await Promise.all(
      items
        .filter((i) => i.phase === 'waiting')
        .map((i) =>
          cancelItem(
            i,
            cancelFor(inputs.cancelOnWorkflowCancel, i.started),
            signals.budget(),
            `The action failed: ${stopError}`,
          ),
        ),
    );
  }

  // 3. Report: `runs`, the aggregate outputs, one summary table.
  await Promise.all(details);
  for (const it of items) if (it.phase === 'pending') it.note = stop ? `Not started (${stop}).` : 'Not started.';
  const handled = entries.every((e) => e.ended || (!e.runId && !e.inFlight));
  const failing = await publishBatch(items, service, inputs);
  if (handled) core.saveState(STATE.done, 'true');
  const reason: string = stop;
  if (reason === 'error') {
    core.setFailed(`${stopError}\n${failing.join('\n')}`);
  } else if (reason === 'timeout') {
    core.setFailed(`Timed out after ${formatDuration(inputs.timeoutMs)} waiting for the runs.\n${failing.join('\n')}`);
  } else if (reason === 'cancelled') {
    core.setFailed(`The workflow was cancelled while waiting for the runs.\n${failing.join('\n')}`);
  } else if (failing.length) {
    core.setFailed(`${failing.length} of ${items.length} pipeline(s) did not succeed:\n${failing.join('\n')}`);
  } else {
    core.info(`All ${items.length} pipeline(s) succeeded in ${formatDuration(Date.now() - stepStart)}.`);
  }
}

const ref = (it: Item): RunRef => ({ runId: it.runId, pipelineName: it.pipelineName });

/**
 * Where the status query's lastUpdated window starts: the batch's first start, or earlier for a run
 * attached to (`if-running: attach`), which may have started long before the batch and not changed
 * since. Outside the window, such a run would cost a getRun every interval.
 */
function windowStart(firstStartAt: number, waiting: Item[]): number {
  // An attached run's createdAt is its runStart (now where the service gave none).
  return Math.min(firstStartAt, ...waiting.filter((i) => !i.started).map((i) => i.createdAt));
}

function see(it: Item, run: RunView): void {
  it.run = run;
  it.status = run.status;
}

/** Ended as the step wants: Succeeded, or found by `if-running: skip`, or started without waiting. */
function ok(it: BatchRun): boolean {
  return it.status === 'Succeeded' || Boolean(it.skipped && it.run) || Boolean(it.noWait && it.runId);
}

/**
 * What the report needs of an ended run: a failed run's activities; a succeeded run's return value,
 * which needs its own activity runs (one level, one request) only when the run does not carry it.
 */
async function addDetails(service: PipelineService, it: Item): Promise<void> {
  if (!it.run) return;
  if (it.status === 'Succeeded') {
    const run = it.run;
    it.returnValue = readReturnValue(run);
    if (it.returnValue.source) return;
    try {
      const own = await retry(() => service.listActivityRuns({ ...ref(it), runStart: run.runStart }), {
        until: Date.now() + 60_000,
      });
      it.returnValue = readReturnValue(run, own);
    } catch (e) {
      it.log.warning(
        `Could not read the activity runs of run ${it.runId} (${errorMessage(e)}); its return-value is {} in the outputs.`,
      );
    }
    return;
  }
  try {
    const run = it.run;
    const rows = await retry(() => fetchActivityRows(service, run), { until: Date.now() + 60_000 });
    it.failed = failedActivities(rows);
  } catch (e) {
    it.log.warning(
      `Could not read the activity runs of run ${it.runId} (${errorMessage(e)}); the report has no activity details.`,
    );
  }
}

/** Runs fn over the items, at most `size` at a time; problems are collected in item order by the caller. */
async function inPool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
