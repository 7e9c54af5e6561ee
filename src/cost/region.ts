// Which Azure region a run's prices come from: the location of the integration runtime its
// activities ran on (`executionDetails.integrationRuntime[].location`, a display name such as
// "East US"), else the factory's `location` (already an armRegionName such as `eastus`).
import type { ActivityRun } from '../model/run.js';

/**
 * A region's display name as the Retail Prices API's `armRegionName`: "East US 2" -> `eastus2`,
 * "West Europe" -> `westeurope`. Azure's region names are their display names lower-cased without
 * spaces (`az account list-locations`); an ARM name passes through unchanged. '' for anything that
 * is no region (e.g. "AutoResolve", or text with other characters).
 */
export function armRegionName(location: string | undefined | null): string {
  const name = (location ?? '').trim().toLowerCase().replace(/\s+/g, '');
  if (!/^[a-z]+[a-z0-9]*$/.test(name) || name === 'autoresolve') return '';
  return name;
}

/** The region most of these activities' runtimes report ('' when none does). */
export function regionOfActivities(rows: readonly ActivityRun[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const region = runtimeRegion(row);
    if (region) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  let best = '';
  for (const [region, n] of counts) if (n > (counts.get(best) ?? 0)) best = region;
  return best;
}

/** The run's region: its runtimes' (see regionOfActivities), else the factory's location. */
export function runRegion(activityRegion: string, factoryLocation?: string): string {
  return activityRegion || armRegionName(factoryLocation);
}

function runtimeRegion(row: ActivityRun): string {
  // Top level on ADF's activity runs (recorded, Azure/azure-cli-extensions#8940), also seen in output.
  for (const details of [row.executionDetails, row.output?.executionDetails]) {
    const runtimes = (details as { integrationRuntime?: unknown } | null | undefined)?.integrationRuntime;
    if (!Array.isArray(runtimes)) continue;
    for (const ir of runtimes) {
      const region = armRegionName((ir as { location?: unknown })?.location as string | undefined);
      if (region) return region;
    }
  }
  // "AutoResolveIntegrationRuntime (East US)": copies name their runtime's region this way.
  const effective = row.output?.effectiveIntegrationRuntime;
  const m = typeof effective === 'string' ? /\(([^()]+)\)\s*$/.exec(effective) : null;
  return m ? armRegionName(m[1]) : '';
}
