// Starting a run without starting two.
// Exact mode (the service takes createRun's client request ID as the run ID, and answers a repeat
// of that ID with the earlier run): the run ID is chosen before the first send and every attempt
// carries it, so an unanswered or ambiguous createRun is simply sent again; it cannot start a second
// run. Where the service answers with another ID, it does not honour the header: the answer is
// taken, and this process falls back to the list-based check below for every later start.
// List-based mode (Fabric, or a service seen ignoring the header): createRun is resent as is only
// when the service surely did not start one (the connection never reached it, or it throttled the
// call). After any other failure the request may have started a run, so we look for it first.
import { randomUUID } from 'node:crypto';
import { isTransientAuthError } from '../http/sign-in-errors.js';
import { CancelledError, ServiceError, TransportError, errorMessage, unknownHost } from '../http/errors.js';
import { retry } from '../http/retry.js';
import { formatDuration } from '../inputs/duration.js';
import { sleep } from '../runtime/sleep.js';
import type { PipelineService } from '../services/service.js';
import type { RerunFlags, RunView } from '../model/run.js';

export interface StartRunOptions {
  pipelineName: string;
  parameters: Record<string, unknown>;
  flags: RerunFlags;
  /** Give up (with the last error) when this time (ms epoch) has passed. */
  deadline: number;
  signal: AbortSignal;
  /** How long to let a possibly-created run show up in queries before sending again. */
  settleMs: number;
  log: { info(line: string): void; warning(line: string): void; debug(line: string): void };
  /**
   * The run ID chosen before the first send (from chooseRunId); sent as the client request ID of
   * every attempt. Absent: the list-based mode.
   */
  clientRequestId?: string;
  /** Told when an attempt failed after it was sent: a run may exist even if the start fails. */
  onAmbiguous?: () => void;
}

export interface StartedRun {
  runId: string;
  /** True when the run was found by query after an ambiguous failure, not returned by createRun. */
  adopted: boolean;
  attempts: number;
}

/**
 * What the log calls the start request: ADF's and Synapse's operation is createRun; Fabric has no
 * such operation (it runs an on-demand job), so there it is "the job start".
 */
function startRequest(service: PipelineService, sentenceStart = false): string {
  const name = service.startRequest ?? 'createRun';
  return sentenceStart && service.startRequest ? name[0]!.toUpperCase() + name.slice(1) : name;
}

/** Who throttles or refuses the start: Azure for ADF and Synapse (ARM or the workspace), Fabric itself. */
const vendor = (service: PipelineService) => (service.startRequest ? service.shortName : 'Azure');

// Azure's clock and ours may differ; a run created by our request is at most this much "older".
const CLOCK_MARGIN_MS = 60_000;

export class DuplicateRunsError extends Error {
  constructor(
    readonly candidates: RunView[],
    where: string,
    request = 'createRun',
  ) {
    super(
      `${request} failed in a way that may or may not have started a run, and ${candidates.length} runs of this pipeline with these parameters started since: ${candidates
        .map((r) => `${r.runId} (${r.status}, started ${r.runStart ?? '?'})`)
        .join(', ')}. The action will not guess which is yours nor start another; check them in ${where}.`,
    );
    this.name = 'DuplicateRunsError';
  }
}

// Services seen answering createRun with another run ID than the one sent: the header is not honoured.
const ignoresClientRequestId = new WeakSet<PipelineService>();

/**
 * The run ID to send as createRun's client request ID, chosen before sending so it can be saved
 * first (`derived`, when the step's identity gives one: src/run/run-ids.ts); undefined where the
 * service does not take it as the run ID (then the list-based check).
 */
export function chooseRunId(service: PipelineService, derived?: string): string | undefined {
  return service.runIdFromClientRequestId && !ignoresClientRequestId.has(service)
    ? (derived ?? randomUUID())
    : undefined;
}

export async function startRun(service: PipelineService, o: StartRunOptions): Promise<StartedRun> {
  if (o.clientRequestId) return startExactlyOnce(service, o, o.clientRequestId);
  let attempts = 0;
  for (;;) {
    if (o.signal.aborted) throw new CancelledError();
    attempts++;
    const sentAt = Date.now();
    let failure: unknown;
    try {
      // Not aborted on cancellation: cutting createRun off mid-flight would leave it ambiguous.
      // Its own request timeout bounds it; main cancels the run once the ID is known.
      const { runId } = await service.startRun({
        pipelineName: o.pipelineName,
        parameters: o.parameters,
        flags: o.flags,
      });
      if (!runId) throw new Error(`${startRequest(service, true)} answered without a runId.`);
      return { runId, adopted: false, attempts };
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      failure = e;
    }

    if (failure instanceof ServiceError && failure.status === 429) {
      // Throttled by ARM before dispatch: nothing was started.
      const wait = Math.max(failure.retryAfterMs ?? 0, 1000 * Math.min(30, 2 ** attempts));
      o.log.warning(
        `${vendor(service)} is throttling ${startRequest(service)} (HTTP 429 ${failure.code}); sending it again in ${formatDuration(wait)}.`,
      );
      await pause(wait, o, service);
      continue;
    }
    // The endpoint's name does not exist: nothing was sent, and asking again cannot help.
    if (unknownHost(failure)) throw failure;
    if (failure instanceof TransportError && failure.notSent) {
      const wait = 1000 * Math.min(30, 2 ** attempts);
      o.log.warning(
        `${startRequest(service, true)} could not reach ${service.shortName} (${failure.code}); nothing was sent, so sending it again in ${formatDuration(wait)}.`,
      );
      await pause(wait, o, service);
      continue;
    }
    if (isTransientAuthError(failure)) {
      // Getting a token failed, so the request never went out (a 401 is re-authenticated before
      // it gets here, and ARM had refused that request): nothing was started.
      const wait = 1000 * Math.min(30, 2 ** attempts);
      o.log.warning(
        `Could not sign in to send ${startRequest(service)} (${errorMessage(failure)}); nothing was sent, so trying again in ${formatDuration(wait)}.`,
      );
      await pause(wait, o, service);
      continue;
    }
    const ambiguous =
      failure instanceof TransportError ||
      (failure instanceof ServiceError && (failure.status >= 500 || failure.status === 408));
    if (!ambiguous) throw failure;
    o.onAmbiguous?.();

    o.log.warning(
      `${startRequest(service, true)} failed after the request was sent (${errorMessage(failure)}); checking whether ${vendor(service)} started the run anyway.`,
    );
    const found = await findCreatedRuns(service, o, sentAt);
    if (found.length === 1) {
      o.log.info(`Found the run the failed request started: ${found[0].runId}. Using it instead of starting another.`);
      return { runId: found[0].runId, adopted: true, attempts };
    }
    if (found.length > 1) throw new DuplicateRunsError(found, service.studioName, startRequest(service, true));
    o.log.info(`No run was started by the failed request; sending ${startRequest(service)} again.`);
    if (Date.now() >= o.deadline) throw failure;
  }
}

/**
 * Exact mode: every attempt carries the chosen ID, so any attempt that may not have reached the
 * service, or whose answer was lost, is sent again as it is, within the start phase's time limit.
 */
async function startExactlyOnce(service: PipelineService, o: StartRunOptions, chosen: string): Promise<StartedRun> {
  let attempts = 0;
  let firstAmbiguousAt: number | undefined;
  for (;;) {
    // Cancelled between attempts: the post step looks after the chosen ID, which is in the state.
    if (o.signal.aborted) throw new CancelledError();
    attempts++;
    const sentAt = Date.now();
    let failure: unknown;
    try {
      // Not aborted on cancellation: main cancels the run once the answer names it.
      const { runId } = await service.startRun({
        pipelineName: o.pipelineName,
        parameters: o.parameters,
        flags: o.flags,
        clientRequestId: chosen,
      });
      if (!runId) throw new Error(`${startRequest(service, true)} answered without a runId.`);
      if (runId.toLowerCase() === chosen.toLowerCase()) {
        if (firstAmbiguousAt !== undefined) {
          o.log.info(
            `${service.shortName} answered run ${runId}, the ID chosen before the first attempt: exactly one run was started.`,
          );
        }
        return { runId, adopted: false, attempts };
      }
      // The service does not honour the header: take its answer, and check the old way from now on.
      ignoresClientRequestId.add(service);
      o.log.debug(
        `${service.shortName} answered ${startRequest(service)} with run ID ${runId}, not the client request ID ${chosen} that was sent: it does not take the client request ID as the run ID. Using ${runId}; later starts in this step look for a matching run before sending ${startRequest(service)} again.`,
      );
      if (firstAmbiguousAt !== undefined) await reportPossibleDuplicates(service, o, firstAmbiguousAt, runId);
      return { runId, adopted: false, attempts };
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      failure = e;
    }

    // The endpoint's name does not exist: nothing was sent, and asking again cannot help.
    if (unknownHost(failure)) throw failure;
    const surelyNotSent =
      (failure instanceof ServiceError && failure.status === 429) ||
      (failure instanceof TransportError && failure.notSent) ||
      isTransientAuthError(failure);
    const ambiguous =
      !surelyNotSent &&
      (failure instanceof TransportError ||
        (failure instanceof ServiceError && (failure.status >= 500 || failure.status === 408)));
    if (!surelyNotSent && !ambiguous) throw failure;
    if (ambiguous) {
      firstAmbiguousAt ??= sentAt;
      o.onAmbiguous?.();
    }
    const wait = Math.max(
      failure instanceof ServiceError ? (failure.retryAfterMs ?? 0) : 0,
      1000 * Math.min(30, 2 ** (attempts - 1)),
    );
    if (Date.now() + wait > o.deadline) {
      if (!ambiguous && firstAmbiguousAt === undefined) {
        throw new Error(
          `Gave up starting the run: ${service.shortName} kept refusing ${startRequest(service)} until the time limit.`,
          {
            cause: failure,
          },
        );
      }
      throw new Error(
        `${startRequest(service, true)} got no clear answer within the start phase's time limit (last: ${errorMessage(failure)}). Run ${chosen} may or may not have been started; the post step checks it and cancels it if it is running and the inputs ask for that.`,
        { cause: failure },
      );
    }
    o.log.warning(
      ambiguous
        ? `${startRequest(service, true)} failed after the request was sent (${errorMessage(failure)}); sending it again in ${formatDuration(wait)} with the same client request ID ${chosen}, which ${service.shortName} takes as the run ID, so it cannot start a second run.`
        : `${startRequest(service, true)} was not accepted (${errorMessage(failure)}); nothing was started, sending it again in ${formatDuration(wait)} with the same client request ID ${chosen}.`,
    );
    if (!(await sleep(wait, o.signal))) throw new CancelledError();
  }
}

/**
 * The service ignored the client request ID after an earlier attempt failed ambiguously: that
 * attempt may have started a run of its own. Look for one (v1's check) and say so; never guess.
 */
async function reportPossibleDuplicates(
  service: PipelineService,
  o: StartRunOptions,
  sentAt: number,
  answered: string,
): Promise<void> {
  let others: RunView[];
  try {
    others = (await findCreatedRuns(service, o, sentAt)).filter((r) => r.runId !== answered);
  } catch (e) {
    o.log.warning(
      `An earlier ${startRequest(service)} failed ambiguously, and ${service.shortName} does not take the client request ID as the run ID, so that attempt may have started a run too; it could not be checked (${errorMessage(e)}). Check ${service.studioName}.`,
    );
    return;
  }
  if (others.length) {
    o.log.warning(
      `An earlier ${startRequest(service)} failed ambiguously, and ${service.shortName} does not take the client request ID as the run ID: ${others.map((r) => `${r.runId} (${r.status})`).join(', ')}, started since with these parameters, may be a duplicate started by that attempt. This step follows run ${answered}; check the other in ${service.studioName}.`,
    );
  }
}

async function pause(ms: number, o: StartRunOptions, service: PipelineService): Promise<void> {
  if (Date.now() + ms > o.deadline)
    throw new Error(
      `Gave up starting the run: ${vendor(service)} kept refusing ${startRequest(service)} until the time limit.`,
    );
  if (!(await sleep(ms, o.signal))) throw new CancelledError();
}

/**
 * Runs of this pipeline created by a request sent at `sentAt` whose parameters match what we sent.
 * Asked twice, `settleMs` apart, because a run may take a moment to become visible to queries.
 */
async function findCreatedRuns(service: PipelineService, o: StartRunOptions, sentAt: number): Promise<RunView[]> {
  for (let round = 0; round < 2; round++) {
    if (round > 0 && !(await sleep(o.settleMs, o.signal))) throw new CancelledError();
    let runs: RunView[];
    try {
      runs = await retry(
        () =>
          service.findRuns(
            {
              pipelineName: o.pipelineName,
              after: new Date(sentAt - CLOCK_MARGIN_MS),
              before: new Date(Date.now() + 86_400_000),
            },
            { abortSignal: o.signal },
          ),
        { until: Math.max(o.deadline, Date.now() + 60_000), signal: o.signal },
      );
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      // Could not look: sending again could duplicate a run, so stop with a clear message.
      throw new Error(
        `${startRequest(service, true)} failed ambiguously and the runs of '${o.pipelineName}' could not be listed to check whether it started one (${errorMessage(e)}). Not sending it again, to avoid a duplicate run; check ${service.studioName}.`,
        { cause: e },
      );
    }
    const matches = runs.filter(
      (r) =>
        createdSince(r, sentAt) &&
        isManual(r) &&
        (o.flags.referencePipelineRunId || !r.parameters || sameParameters(r.parameters, o.parameters)),
    );
    // Decide only on the second look: a run listed at the first may be another workflow's, while
    // ours is not visible yet; the second sees both, and more than one is refused.
    if (round === 1) return matches;
  }
  return [];
}

function createdSince(r: RunView, sentAt: number): boolean {
  const t = Date.parse(r.runStart ?? String(r.raw.lastUpdated ?? ''));
  return Number.isNaN(t) || t >= sentAt - CLOCK_MARGIN_MS;
}

function isManual(r: RunView): boolean {
  const type = r.invokedByType;
  // Runs started through the API are "Manual"; triggers and parent pipelines say so.
  return !type || /manual/i.test(type);
}

/** ADF and Synapse report run parameters as strings; compare what we sent in that form. */
export function sameParameters(reported: Record<string, unknown>, sent: Record<string, unknown>): boolean {
  return Object.entries(sent).every(([name, value]) => {
    if (!(name in reported)) return false;
    const got = reported[name];
    if (typeof value === 'string') return got === value;
    return canonical(got) === canonical(value);
  });
}

function canonical(v: unknown): string {
  let value = v;
  if (typeof v === 'string') {
    // ADF may write booleans .NET-style ("True"); nothing else is case-insensitive.
    if (/^(true|false)$/i.test(v)) return v.toLowerCase();
    try {
      value = JSON.parse(v);
    } catch {
      return v;
    }
  }
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
