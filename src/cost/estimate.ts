// Billed units times list prices: the `estimated-cost` output. Pure. The figure is an estimate at
// retail list prices (no negotiated rate, savings plan or reservation, no tiering across the
// month, no currency conversion of your own) and every text built from it says so.
import type { BillingTally } from './billing.js';
import { orchestrationKeys, priceKeyOf, unitsPerPrice, type PriceKey } from './meters.js';
import type { PriceItem, PriceList } from './prices.js';

/** The contract's `estimated-cost` output, exactly. */
export interface CostEstimate {
  amount: number;
  currency: string;
  region: string;
  /** The price list and the day it was read. */
  basis: string;
}

/** A billed meter the price list has no price for ('Orchestration' for activity runs). */
export interface UnpricedMeter {
  'activity-type': string;
  'meter-type': string;
  unit: string;
  quantity: number;
}

export interface EstimateResult {
  estimate: CostEstimate;
  /** Meters left out of the amount: the amount is then a lower bound ("partial"). */
  unpriced: UnpricedMeter[];
  partial: boolean;
  /** Whether every activity run was read (billing.complete). */
  complete: boolean;
}

/** The contract's Fabric `estimated-cost`: capacity-unit hours at Fabric's documented rates. */
export interface FabricCapacityEstimate {
  'capacity-unit-hours': number;
}

export function basisText(list: Pick<PriceList, 'source' | 'readOn'>): string {
  return `Azure retail list prices (${list.source}), read ${list.readOn}`;
}

export function estimateCost(tally: BillingTally, list: PriceList): EstimateResult {
  const unpriced: UnpricedMeter[] = [];
  let amount = 0;
  for (const m of tally.billing.meters) {
    const price = priceOf(list, priceKeyOf(m));
    if (price === undefined) unpriced.push({ ...m });
    else amount += m.quantity * price;
  }
  for (const o of orchestrationRuns(tally)) {
    if (!o.count) continue;
    const price = priceOf(list, o.key);
    if (price === undefined)
      unpriced.push({
        'activity-type': 'Orchestration',
        'meter-type': o.meterType,
        unit: 'ActivityRuns',
        quantity: o.count,
      });
    else amount += o.count * price;
  }
  const partial = unpriced.length > 0;
  const basis = basisText(list) + (partial ? `; partial: ${unpriced.length} billed meter(s) have no list price` : '');
  return {
    estimate: { amount: roundAmount(amount), currency: list.currency, region: list.region, basis },
    unpriced,
    partial,
    complete: tally.billing.complete,
  };
}

/** A batch's estimate: the sum of its runs' (same currency); regions listed when they differ. */
export function addEstimates(results: readonly EstimateResult[]): EstimateResult | undefined {
  const first = results[0];
  if (!first) return undefined;
  const regions = [...new Set(results.map((r) => r.estimate.region))];
  const unpriced = results.flatMap((r) => r.unpriced);
  const partial = results.some((r) => r.partial);
  const bases = [...new Set(results.map((r) => r.estimate.basis.replace(/; partial:.*$/, '')))];
  return {
    estimate: {
      amount: roundAmount(results.reduce((s, r) => s + r.estimate.amount, 0)),
      currency: first.estimate.currency,
      region: regions.join(', '),
      basis: bases.join('; ') + (partial ? `; partial: ${unpriced.length} billed meter(s) have no list price` : ''),
    },
    unpriced,
    partial,
    complete: results.every((r) => r.complete),
  };
}

// Fabric bills pipelines in capacity units (MicrosoftDocs/fabric-docs, data-factory/pricing-pipelines.md):
// data movement 1.5 CU-hours per intelligent-throughput-optimization hour; orchestration 0.0056
// CU-hours per non-copy activity run.
export const FABRIC_CU_HOURS_PER_ITO_HOUR = 1.5;
export const FABRIC_CU_HOURS_PER_ACTIVITY_RUN = 0.0056;

/**
 * Capacity-unit hours of a Fabric run, or undefined when its activity runs do not say enough:
 * copies whose output carries no billed data-movement hours cannot be converted (then only the
 * counts are shown). Whether Fabric's activity runs carry a billingReference is not verified.
 */
export function fabricCapacityUnits(tally: BillingTally): FabricCapacityEstimate | undefined {
  const movement = tally.billing.meters.filter(
    (m) => m['activity-type'].toLowerCase() === 'datamovement' && m.unit !== '',
  );
  if (tally.runs.copy > 0 && !movement.length) return undefined;
  const itoHours = movement.reduce((s, m) => s + m.quantity, 0);
  const nonCopyRuns = Math.max(0, tally.billing['activity-runs'] - tally.runs.copy);
  const cu = itoHours * FABRIC_CU_HOURS_PER_ITO_HOUR + nonCopyRuns * FABRIC_CU_HOURS_PER_ACTIVITY_RUN;
  return { 'capacity-unit-hours': Number(cu.toFixed(4)) };
}

/**
 * Activity runs by orchestration rate. Runs a tally cannot place (one rebuilt from `billing`
 * outputs alone) are priced at the Azure IR rate, the lowest.
 */
function orchestrationRuns(tally: BillingTally): Array<{ key: PriceKey; count: number; meterType: string }> {
  const placed = tally.runs.azureIR + tally.runs.selfHostedIR + tally.runs.managedVNetIR;
  const unplaced = Math.max(0, tally.billing['activity-runs'] - placed);
  const meterTypes = { azureIR: 'AzureIR', selfHostedIR: 'SelfhostedIR', managedVNetIR: 'ManagedVNetIR' } as const;
  return orchestrationKeys().map(({ runs, key }) => ({
    key,
    count: tally.runs[runs] + (runs === 'azureIR' ? unplaced : 0),
    meterType: meterTypes[runs],
  }));
}

/**
 * The price of one billed unit: the item with this product, SKU and meter, pay-as-you-go, its
 * first tier (a run's units are far below any monthly tier step), the newest effective date.
 */
export function priceOf(list: Pick<PriceList, 'items' | 'currency'>, key: PriceKey | undefined): number | undefined {
  if (!key) return undefined;
  const same = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();
  const candidates = list.items.filter(
    (i) =>
      same(i.productName, key.productName) &&
      same(i.skuName, key.skuName) &&
      same(i.meterName, key.meterName) &&
      (i.type === undefined || same(i.type, 'Consumption')) &&
      same(i.currencyCode, list.currency),
  );
  const best = candidates.sort(byTierThenNewest)[0];
  if (!best) return undefined;
  const per = unitsPerPrice(best.unitOfMeasure);
  return per === undefined ? undefined : best.retailPrice / per;
}

function byTierThenNewest(a: PriceItem, b: PriceItem): number {
  return (
    (a.tierMinimumUnits ?? 0) - (b.tierMinimumUnits ?? 0) ||
    (Date.parse(b.effectiveStartDate ?? '') || 0) - (Date.parse(a.effectiveStartDate ?? '') || 0)
  );
}

/** Four decimals: small runs cost fractions of a cent, and the text rounds for display. */
function roundAmount(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
