// What the service bills for a run, read from its activity runs' `output.billingReference`: the
// activity-run count and the billed units summed per (activity type, meter type, unit). Pure: the
// reading is in read-billing.ts, the pricing in estimate.ts.
import type { ActivityRun } from '../model/run.js';

/** One billed meter, summed: the contract's `billing.meters[]` entry. */
export interface BillingMeter {
  'activity-type': string;
  'meter-type': string;
  /** `DIUHours`, `Hours`, `coreHour`, ...; '' for the older string shape, which names no unit. */
  unit: string;
  quantity: number;
}

/** The contract's `billing` output, exactly. */
export interface Billing {
  'activity-runs': number;
  meters: BillingMeter[];
  /** false when a cap or an unreadable page left activity runs out. */
  complete: boolean;
}

/**
 * Activity runs by where they were orchestrated, which the output does not show but the price
 * depends on (orchestration is billed per activity run at the runtime's rate) and Fabric's
 * capacity units too (copies are billed as data movement, every other activity as orchestration).
 */
export interface RunCounts {
  azureIR: number;
  selfHostedIR: number;
  managedVNetIR: number;
  /** Copy (DataMovement) activity runs, whichever runtime. */
  copy: number;
}

/** The output plus what the estimate needs; `billing` is what goes into the `billing` output. */
export interface BillingTally {
  billing: Billing;
  runs: RunCounts;
}

/** One billed meter of one activity run, before summing. */
interface MeterReading {
  activityType: string;
  meterType: string;
  unit: string;
  quantity: number;
}

export function emptyTally(complete = true): BillingTally {
  return {
    billing: { 'activity-runs': 0, meters: [], complete },
    runs: { azureIR: 0, selfHostedIR: 0, managedVNetIR: 0, copy: 0 },
  };
}

/**
 * Reads `billingReference` in its two known shapes; anything else yields no reading (it is
 * skipped, never fatal: a shape the service adds later must not fail a run's report).
 * - object: `{activityType, billableDuration: [{meterType, duration, unit}]}` (current responses);
 * - JSON string: `{"activityType":"DataMovement","billableDuration":[{"Managed":11.73}]}` (older
 *   copy-activity-monitoring doc): each key is a meter type, with no unit (unit '').
 */
export function parseBillingReference(value: unknown): MeterReading[] {
  let ref = value;
  if (typeof ref === 'string') {
    try {
      ref = JSON.parse(ref) as unknown;
    } catch {
      return [];
    }
  }
  if (!isObject(ref) || typeof ref.activityType !== 'string' || !Array.isArray(ref.billableDuration)) return [];
  const activityType = ref.activityType;
  const out: MeterReading[] = [];
  for (const entry of ref.billableDuration) {
    if (!isObject(entry)) continue;
    if (typeof entry.meterType === 'string' && isQuantity(entry.duration)) {
      out.push({
        activityType,
        meterType: entry.meterType,
        unit: typeof entry.unit === 'string' ? entry.unit : '',
        quantity: entry.duration,
      });
      continue;
    }
    // The older shape: `{ "<meter type>": <quantity> }`, no unit.
    for (const [meterType, quantity] of Object.entries(entry))
      if (isQuantity(quantity)) out.push({ activityType, meterType, unit: '', quantity });
  }
  return out;
}

/**
 * The tally of a set of activity runs (a run's and its child pipeline runs', ForEach iterations
 * included: each iteration is an activity run of its own). Skipped activities did not run and are
 * not counted (assumption: the pricing page bills activity runs that execute).
 */
export function tallyActivityRuns(rows: readonly ActivityRun[], complete = true): BillingTally {
  const tally = emptyTally(complete);
  const sums = new Map<string, BillingMeter>();
  for (const row of rows) {
    if (row.status === 'Skipped') continue;
    tally.billing['activity-runs']++;
    const readings = parseBillingReference(row.output?.billingReference);
    countRun(tally.runs, row, readings);
    for (const r of readings) addMeter(sums, r.activityType, r.meterType, r.unit, r.quantity);
  }
  tally.billing.meters = sortedMeters(sums);
  return tally;
}

/** The sum of several tallies (a batch's runs, or a run's levels); complete only if all are. */
export function addTallies(tallies: readonly BillingTally[]): BillingTally {
  const total = emptyTally(tallies.every((t) => t.billing.complete));
  const sums = new Map<string, BillingMeter>();
  for (const t of tallies) {
    total.billing['activity-runs'] += t.billing['activity-runs'];
    for (const k of Object.keys(total.runs) as (keyof RunCounts)[]) total.runs[k] += t.runs[k];
    for (const m of t.billing.meters) addMeter(sums, m['activity-type'], m['meter-type'], m.unit, m.quantity);
  }
  total.billing.meters = sortedMeters(sums);
  return total;
}

/** The sum of several `billing` outputs, for callers that kept only those. */
export function addBillings(billings: readonly Billing[]): Billing {
  return addTallies(billings.map((billing) => ({ billing, runs: emptyTally().runs }))).billing;
}

function countRun(runs: RunCounts, row: ActivityRun, readings: MeterReading[]): void {
  const meterType = (readings[0]?.meterType ?? '').toLowerCase();
  if (meterType === 'selfhostedir') runs.selfHostedIR++;
  else if (meterType === 'managedvnetir') runs.managedVNetIR++;
  else runs.azureIR++;
  const isCopy =
    (row.activityType ?? '').toLowerCase() === 'copy' ||
    readings.some((r) => r.activityType.toLowerCase() === 'datamovement');
  if (isCopy) runs.copy++;
}

function addMeter(sums: Map<string, BillingMeter>, activityType: string, meterType: string, unit: string, q: number) {
  // Keyed as the service spells them: the same meter always comes spelled the same way.
  const key = JSON.stringify([activityType, meterType, unit]);
  const m = sums.get(key);
  if (m) m.quantity += q;
  else sums.set(key, { 'activity-type': activityType, 'meter-type': meterType, unit, quantity: q });
}

/** Stable order (activity type, meter type, unit), with float noise of the sums rounded off. */
function sortedMeters(sums: Map<string, BillingMeter>): BillingMeter[] {
  return [...sums.values()]
    .map((m) => ({ ...m, quantity: roundQuantity(m.quantity) }))
    .sort(
      (a, b) =>
        a['activity-type'].localeCompare(b['activity-type']) ||
        a['meter-type'].localeCompare(b['meter-type']) ||
        a.unit.localeCompare(b.unit),
    );
}

/** 0.049999999999999996 + 0.1 reads 0.15: ten significant digits are far below any billing step. */
export function roundQuantity(q: number): number {
  return Number(q.toPrecision(10));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isQuantity(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}
