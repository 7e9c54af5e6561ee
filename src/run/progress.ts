// Progress lines while waiting: on status changes and every few minutes, how long the run has
// taken against how long it usually takes, and (on the periodic lines, one activity-run query
// each) which activities are running. Never one query per poll.
import { errorMessage } from '../http/errors.js';
import { formatDuration } from '../inputs/duration.js';
import { fromEnv } from '../runtime/tuning.js';
import type { ActivityRun } from '../model/run.js';
import type { UsualDuration } from '../model/result.js';

/** Periodic progress lines (and their activity-run query) come at most this often. */
export const progressEveryMs = () => fromEnv('ADF_ACTION_PROGRESS_MS', 5 * 60_000);

/** "12m of usually 40m, about 28m left" / "45m, usually 40m: 5m longer than usual". */
export function progressText(elapsedMs: number, usual: UsualDuration | undefined): string {
  const elapsed = formatDuration(elapsedMs);
  if (!usual) return elapsed;
  const typical = formatDuration(usual.medianMs);
  if (elapsedMs < usual.medianMs) {
    return `${elapsed} of usually ${typical}, about ${formatDuration(roundLeft(usual.medianMs - elapsedMs))} left`;
  }
  if (elapsedMs <= usual.highMs) return `${elapsed} of usually ${typical}, due about now`;
  return `${elapsed}, usually ${typical}: ${formatDuration(roundLeft(elapsedMs - usual.medianMs))} longer than usual`;
}

/** Estimates are rough: to the 5 s under a minute, to the minute above. */
function roundLeft(ms: number): number {
  return ms < 60_000 ? Math.max(1000, Math.round(ms / 5000) * 5000 || 1000) : Math.round(ms / 60_000) * 60_000;
}

/** "Copy sales (3m), Notebook (40s)": the activities still going. */
export function runningActivities(list: ActivityRun[], now: number): string {
  const running = list.filter((a) => a.status === 'InProgress' || a.status === 'Queued');
  return running
    .slice(0, 8)
    .map((a) => {
      const since = Date.parse(a.activityRunStart ?? '');
      return Number.isFinite(since)
        ? `${a.activityName} (${formatDuration(Math.max(0, now - since))})`
        : a.activityName;
    })
    .concat(running.length > 8 ? [`and ${running.length - 8} more`] : [])
    .join(', ');
}

export interface ProgressOptions {
  usual?: UsualDuration;
  log: { info(line: string): void; debug?(line: string): void };
  /** The activities of the run right now (one query). */
  activities?: () => Promise<ActivityRun[]>;
  everyMs?: number;
  now?: () => number;
}

/** Decides when to write a progress line and writes it. */
export class Progress {
  private lastStatus: string | undefined;
  private lastLineAt: number;
  private readonly everyMs: number;
  private readonly now: () => number;

  constructor(
    private readonly o: ProgressOptions,
    initialStatus?: string,
  ) {
    this.now = o.now ?? Date.now;
    this.everyMs = o.everyMs ?? progressEveryMs();
    this.lastLineAt = this.now();
    this.lastStatus = initialStatus;
  }

  /**
   * After each status read. `final`: the run ended; then its own duration (`durationMs`, what the
   * outputs and the summary report) is the one told, not the time since createRun.
   */
  async seen(status: string, ageMs: number, final: boolean, durationMs?: number): Promise<void> {
    if (final) {
      this.o.log.info(`Run ended: ${status} after ${formatDuration(durationMs ?? ageMs)}${this.usualSuffix()}.`);
      return;
    }
    if (status !== this.lastStatus) {
      this.lastStatus = status;
      this.lastLineAt = this.now();
      this.o.log.info(
        `Status: ${status} (${this.o.usual ? progressText(ageMs, this.o.usual) : `after ${formatDuration(ageMs)}`})`,
      );
      return;
    }
    if (this.now() - this.lastLineAt < this.everyMs) return;
    this.lastLineAt = this.now();
    let line = this.o.usual
      ? `Still ${status}: ${progressText(ageMs, this.o.usual)}`
      : `Still ${status} after ${formatDuration(ageMs)}`;
    if (status === 'InProgress' && this.o.activities) {
      try {
        const running = runningActivities(await this.o.activities(), this.now());
        if (running) line += `. Running: ${running}`;
      } catch (e) {
        this.o.log.debug?.(`Could not read the running activities: ${errorMessage(e)}`);
      }
    }
    this.o.log.info(`${line}.`);
  }

  private usualSuffix(): string {
    return this.o.usual ? ` (usually ${formatDuration(this.o.usual.medianMs)})` : '';
  }
}
