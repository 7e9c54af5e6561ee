import { describe, expect, it } from 'vitest';
import { armRegionName, regionOfActivities, runRegion } from '../../../src/cost/region.js';
import type { ActivityRun } from '../../../src/model/run.js';

describe('armRegionName', () => {
  it.each([
    ['East US', 'eastus'],
    ['East US 2', 'eastus2'],
    ['West Europe', 'westeurope'],
    ['UK South', 'uksouth'],
    ['eastus', 'eastus'],
    ['  North Central US ', 'northcentralus'],
  ])('%j -> %s', (name, arm) => expect(armRegionName(name)).toBe(arm));

  it.each([undefined, null, '', 'AutoResolve', "eastus' or serviceName eq 'x", 'East-US'])('%j is no region', (name) =>
    expect(armRegionName(name)).toBe(''),
  );
});

const act = (over: Partial<ActivityRun>): ActivityRun => ({ activityName: 'a', ...over });
const ir = (location: string) => ({ integrationRuntime: [{ name: 'ir', type: 'Managed', location }] });

describe('regionOfActivities', () => {
  it("takes the runtimes' location (executionDetails beside output), the most frequent one", () => {
    expect(
      regionOfActivities([
        act({ executionDetails: ir('West Europe') }),
        act({ executionDetails: ir('East US') }),
        act({ executionDetails: ir('East US') }),
        act({ activityType: 'Wait' }),
      ]),
    ).toBe('eastus');
  });

  it("reads a copy's effectiveIntegrationRuntime when no executionDetails says", () => {
    expect(
      regionOfActivities([
        act({ output: { effectiveIntegrationRuntime: 'AutoResolveIntegrationRuntime (West Europe)' } }),
      ]),
    ).toBe('westeurope');
  });

  it("is '' when nothing says, and the factory's location then applies", () => {
    expect(regionOfActivities([act({ output: {} }), act({ executionDetails: null })])).toBe('');
    expect(runRegion('', 'westeurope')).toBe('westeurope');
    expect(runRegion('eastus', 'westeurope')).toBe('eastus');
    expect(runRegion('', undefined)).toBe('');
  });
});
