// The one-line "Cost" texts of the job summary and the pull-request comment. Pure. A price is
// always called an estimate at list prices, never the invoice.
import type { Billing, BillingMeter } from './billing.js';
import type { EstimateResult, FabricCapacityEstimate } from './estimate.js';

/** The billed units in words: "14 activity runs, 0.83 DIU-hours, 0.05 pipeline-activity hours". */
export function unitsText(billing: Billing): string {
  const runs = billing['activity-runs'];
  const parts = [`${runs} activity run${runs === 1 ? '' : 's'}`];
  const groups = new Map<string, number>();
  const unnamed: BillingMeter[] = [];
  for (const m of billing.meters) {
    const label = unitLabel(m);
    if (label) groups.set(label, (groups.get(label) ?? 0) + m.quantity);
    else unnamed.push(m);
  }
  for (const [label, quantity] of groups) parts.push(`${formatQuantity(quantity)} ${label}`);
  // The older string shape and meters this action does not know: shown as the service names them.
  for (const m of unnamed)
    parts.push(
      `${formatQuantity(m.quantity)} ${m['activity-type']} ${m['meter-type']}${m.unit ? ` ${m.unit}` : ' (no unit)'}`,
    );
  return parts.join(', ');
}

/**
 * "Cost: 14 activity runs, 0.83 DIU-hours, 0.05 pipeline-activity hours; about 0.42 USD at list
 * prices in eastus: an estimate, not your invoice". Without an estimate, the units alone; an
 * incomplete read says "at least"; a partial price says what it leaves out.
 */
export function costLine(billing: Billing, estimate?: EstimateResult | FabricCapacityEstimate): string {
  const incomplete = !billing.complete;
  let line = `Cost: ${incomplete ? 'at least ' : ''}${unitsText(billing)}`;
  if (estimate && 'capacity-unit-hours' in estimate) {
    line += `; about ${formatSmall(estimate['capacity-unit-hours'])} capacity-unit hours at Fabric's documented rates: an estimate, not your capacity metrics`;
  } else if (estimate) {
    const { amount, currency, region } = estimate.estimate;
    const bound = estimate.partial || incomplete ? 'at least' : 'about';
    line += `; ${bound} ${formatAmount(amount, currency)} at list prices in ${region}: an estimate, not your invoice`;
    if (estimate.partial) line += ` (${unpricedText(estimate)})`;
  }
  if (incomplete) line += '. Not every activity run could be read, so the totals are incomplete';
  return line;
}

function unpricedText(e: EstimateResult): string {
  const names = [
    ...new Set(
      e.unpriced.map((u) =>
        u.unit ? `${u['activity-type']}/${u['meter-type']}` : `${u['activity-type']}/${u['meter-type']} (no unit)`,
      ),
    ),
  ];
  return `without ${names.join(', ')}, which ${names.length === 1 ? 'has' : 'have'} no list price`;
}

/** The kind of unit, for the meters this action knows; '' for others (named as they come). */
function unitLabel(m: BillingMeter): string {
  const activity = m['activity-type'].toLowerCase();
  const unit = m.unit.toLowerCase();
  if (unit === 'corehour' || unit === 'corehours') return 'data-flow vCore-hours';
  if (activity === 'datamovement' && unit === 'diuhours') return 'DIU-hours';
  if (activity === 'datamovement' && unit === 'hours') return 'data-movement hours';
  if (activity === 'pipelineactivity' && unit === 'hours') return 'pipeline-activity hours';
  if (activity === 'externalactivity' && unit === 'hours') return 'external-activity hours';
  return '';
}

/** Two decimals, trailing zeros trimmed; a non-zero quantity below 0.01 reads "< 0.01". */
export function formatQuantity(q: number): string {
  if (q > 0 && q < 0.005) return '< 0.01';
  return String(Number(q.toFixed(2)));
}

/** "0.42 USD"; below a cent with four decimals, "0.0012 USD" (a small run costs that little). */
export function formatAmount(amount: number, currency: string): string {
  return `${formatSmall(amount)} ${currency}`;
}

/** Two decimals, or four below 0.01 (trailing zeros of those trimmed); "< 0.0001" below that. */
function formatSmall(x: number): string {
  if (x === 0 || x >= 0.01) return x.toFixed(2);
  if (x < 0.00005) return '< 0.0001';
  return String(Number(x.toFixed(4)));
}
