// The `estimated-cost` of one run, with the notice to show when there is none: the step that the
// lifecycle's end phase calls with `cost-estimate: true`. Never throws; a price that cannot be read
// is a notice, never a failed step.
import type { ServiceKind } from '../model/service-kind.js';
import type { BillingTally } from './billing.js';
import {
  estimateCost,
  fabricCapacityUnits,
  type CostEstimate,
  type EstimateResult,
  type FabricCapacityEstimate,
} from './estimate.js';
import type { RetailPrices } from './prices.js';

export const SYNAPSE_BASIS = "Synapse priced at Data Factory's meters (the same published rates)";

export interface PricedRun {
  /** The `estimated-cost` output: `{}` when there is no estimate. */
  output: CostEstimate | FabricCapacityEstimate | Record<string, never>;
  /** ADF and Synapse: the estimate with what it left unpriced (for costLine). */
  result?: EstimateResult;
  /** Fabric: the capacity-unit hours (for costLine). */
  fabric?: FabricCapacityEstimate;
  /** Why there is no estimate, for a notice. */
  notice?: string;
}

export async function priceRun(o: {
  kind: ServiceKind;
  tally: BillingTally;
  /** armRegionName: the runtime's (readRunBilling) or else the factory's location. */
  region: string;
  currency: string;
  prices: Pick<RetailPrices, 'prices'>;
}): Promise<PricedRun> {
  if (o.kind === 'fabric') {
    const fabric = fabricCapacityUnits(o.tally);
    if (fabric) return { output: fabric, fabric };
    return {
      output: {},
      notice:
        "No capacity-unit estimate: the run's copy activities do not say how long they moved data. The activity-run counts are in the billing output.",
    };
  }
  if (!o.region)
    return {
      output: {},
      notice:
        "No cost estimate: the run's region is unknown (no integration runtime reported a location, and the factory's location could not be read).",
    };
  const list = await o.prices.prices(o.region, o.currency);
  if (!list.ok)
    return {
      output: {},
      notice: `No cost estimate: ${list.reason}. The billable units are in the billing output; retail-prices-endpoint can point at a proxy of the Azure Retail Prices API if the runner cannot reach prices.azure.com.`,
    };
  const result = estimateCost(o.tally, list.list);
  // Synapse's pipeline meters in the Retail Prices API are not verified; its pricing page publishes
  // the same data-integration rates as Data Factory's, whose meters are used and named here.
  if (o.kind === 'synapse') result.estimate.basis += `; ${SYNAPSE_BASIS}`;
  return { output: result.estimate, result };
}
