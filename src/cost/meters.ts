// Which Azure Retail Prices meter prices which billed meter. Pure data and lookups.
//
// Sources (read, not copied):
// - Microsoft, "Azure Data Factory pricing" (azure.microsoft.com/pricing/details/data-factory/data-pipeline/):
//   orchestration per 1,000 activity runs, data movement per DIU-hour (self-hosted: per hour),
//   pipeline and external activities per hour, each at an Azure IR, managed VNet IR and
//   self-hosted IR rate; data flows per vCore-hour by compute type.
// - Microsoft Learn, "Plan to manage costs for Azure Data Factory" and "Copy activity monitoring":
//   the billingReference activity types (DataMovement, PipelineActivity, ExternalActivity) and
//   meter types (AzureIR, SelfhostedIR, ManagedVNetIR); data flows bill coreHour (vCore-hours).
// - infracost/infracost internal/resources/azure/data_factory_integration_runtime_*.go: the
//   Retail Prices filters `productName 'Azure Data Factory v2'`, `skuName` Cloud / Self Hosted /
//   Azure Managed VNET and meterName "<sku> Orchestration Activity Run | Data Movement | Pipeline
//   Activity | External Pipeline Activity"; data flows under `Azure Data Factory v2 Data Flow -
//   General Purpose | Memory Optimized | Compute Optimized` with skuName `vCore`.
// - Public code quoting real Retail Prices items and billing exports: `Cloud Orchestration
//   Activity Run` (unit 1K), `Cloud Data Movement` and `Cloud Pipeline Activity` (1 Hour),
//   `Self Hosted Orchestration Activity Run` (1K), `Cloud External Pipeline Activity`; data-flow
//   meterName `vCore`.
import type { BillingMeter, RunCounts } from './billing.js';

/** Identifies a Retail Prices item (serviceName is always 'Azure Data Factory v2'). */
export interface PriceKey {
  productName: string;
  skuName: string;
  meterName: string;
}

export const SERVICE_NAME = 'Azure Data Factory v2';
export const PIPELINE_PRODUCT = 'Azure Data Factory v2';

/** Data-flow compute types, billingReference meterType -> productName suffix. */
const DATA_FLOW_PRODUCTS: Record<string, string> = {
  general: 'General Purpose',
  generalpurpose: 'General Purpose',
  memoryoptimized: 'Memory Optimized',
  computeoptimized: 'Compute Optimized',
};

/**
 * The productNames the one Retail Prices query per region asks for: filtering on serviceName
 * alone returns hundreds of SSIS VM meters (a public guide to the API warns of it).
 */
export const PRODUCT_NAMES: readonly string[] = [
  PIPELINE_PRODUCT,
  ...new Set(Object.values(DATA_FLOW_PRODUCTS).map((p) => `${PIPELINE_PRODUCT} Data Flow - ${p}`)),
];

/** billingReference meterType -> the skuName (and meterName prefix) of its runtime's prices. */
const RUNTIME_SKUS: Record<string, string> = {
  azureir: 'Cloud',
  selfhostedir: 'Self Hosted',
  managedvnetir: 'Azure Managed VNET',
};

/** billingReference activityType -> meterName suffix, with the units it may be billed in. */
const ACTIVITY_METERS: Record<string, { meter: string; units: string[] }> = {
  // Azure and managed VNet runtimes bill DIU-hours; a self-hosted runtime bills hours.
  datamovement: { meter: 'Data Movement', units: ['diuhours', 'hours'] },
  pipelineactivity: { meter: 'Pipeline Activity', units: ['hours'] },
  externalactivity: { meter: 'External Pipeline Activity', units: ['hours'] },
};

/** The price of a billed meter, or undefined when none is known (then it is listed as unpriced). */
export function priceKeyOf(m: Pick<BillingMeter, 'activity-type' | 'meter-type' | 'unit'>): PriceKey | undefined {
  const unit = m.unit.toLowerCase();
  const meterType = m['meter-type'].toLowerCase();
  // The older string shape names no unit: its quantity cannot be priced safely.
  if (!unit) return undefined;
  if (unit === 'corehour' || unit === 'corehours') {
    const compute = DATA_FLOW_PRODUCTS[meterType];
    return compute
      ? { productName: `${PIPELINE_PRODUCT} Data Flow - ${compute}`, skuName: 'vCore', meterName: 'vCore' }
      : undefined;
  }
  const sku = RUNTIME_SKUS[meterType];
  const activity = ACTIVITY_METERS[m['activity-type'].toLowerCase()];
  if (!sku || !activity || !activity.units.includes(unit)) return undefined;
  return { productName: PIPELINE_PRODUCT, skuName: sku, meterName: `${sku} ${activity.meter}` };
}

/** Orchestration: per activity run, at the rate of the runtime the activity ran on. */
export function orchestrationKeys(): Array<{ runs: keyof Omit<RunCounts, 'copy'>; key: PriceKey }> {
  const key = (sku: string): PriceKey => ({
    productName: PIPELINE_PRODUCT,
    skuName: sku,
    meterName: `${sku} Orchestration Activity Run`,
  });
  return [
    { runs: 'azureIR', key: key('Cloud') },
    { runs: 'selfHostedIR', key: key('Self Hosted') },
    { runs: 'managedVNetIR', key: key('Azure Managed VNET') },
  ];
}

/**
 * How many billed units one priced unit stands for, from `unitOfMeasure`: "1K" -> 1000,
 * "1 Hour" -> 1, "10 Hours" -> 10, "1M" -> 1e6. undefined when it does not read as a count.
 */
export function unitsPerPrice(unitOfMeasure: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KM])?(?:\s|\/|$)/i.exec(unitOfMeasure);
  if (!m) return undefined;
  const scale = m[2] ? (m[2].toUpperCase() === 'K' ? 1_000 : 1_000_000) : 1;
  const n = Number(m[1]) * scale;
  return n > 0 ? n : undefined;
}
