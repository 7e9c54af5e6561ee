import { describe, expect, it } from 'vitest';
import { tallyActivityRuns, type BillingTally } from '../../../src/cost/billing.js';
import { addEstimates, estimateCost, fabricCapacityUnits, priceOf } from '../../../src/cost/estimate.js';
import type { PriceItem, PriceList } from '../../../src/cost/prices.js';
import type { ActivityRun } from '../../../src/model/run.js';
import { defaultRetailPriceItems } from '../../emulator/index.ts';

const list = (region = 'eastus', currency = 'USD', items?: PriceItem[]): PriceList => ({
  items: items ?? defaultRetailPriceItems().filter((i) => i.armRegionName === region && i.currencyCode === currency),
  region,
  currency,
  source: 'prices.azure.com',
  readOn: '2026-12-08',
});

const billed = (activityType: string, meterType: string, duration: number, unit: string) => ({
  billingReference: { activityType, billableDuration: [{ meterType, duration, unit }] },
});
const act = (name: string, over: Partial<ActivityRun> = {}): ActivityRun => ({
  activityName: name,
  status: 'Succeeded',
  output: {},
  ...over,
});

/** 1,000 activity runs on the Azure IR, 2 DIU-hours of copy, 10 pipeline-activity hours. */
const thousand = (): BillingTally =>
  tallyActivityRuns([
    act('Copy', { activityType: 'Copy', output: billed('DataMovement', 'AzureIR', 2, 'DIUHours') }),
    act('Lookup', { activityType: 'Lookup', output: billed('PipelineActivity', 'AzureIR', 10, 'Hours') }),
    ...Array.from({ length: 998 }, (_, i) => act(`Wait ${i}`, { activityType: 'Wait' })),
  ]);

describe('estimateCost', () => {
  it('prices each meter at its list price: 1K runs x 1.00 + 2 DIU-h x 0.25 + 10 h x 0.005 = 1.55 USD', () => {
    const r = estimateCost(thousand(), list());
    expect(r.estimate).toEqual({
      amount: 1.55,
      currency: 'USD',
      region: 'eastus',
      basis: 'Azure retail list prices (prices.azure.com), read 2026-12-08',
    });
    expect(Object.keys(r.estimate)).toEqual(['amount', 'currency', 'region', 'basis']);
    expect(r.partial).toBe(false);
    expect(r.unpriced).toEqual([]);
  });

  it("uses the region's and currency's prices", () => {
    expect(estimateCost(thousand(), list('westeurope')).estimate.amount).toBe(1.705);
    expect(estimateCost(thousand(), list('eastus', 'EUR')).estimate).toMatchObject({ amount: 1.395, currency: 'EUR' });
  });

  it('prices orchestration at the rate of the runtime each activity ran on', () => {
    const t = tallyActivityRuns([
      act('Copy', { activityType: 'Copy', output: billed('DataMovement', 'SelfhostedIR', 1, 'Hours') }),
      act('Lookup', { output: billed('PipelineActivity', 'AzureIR', 1, 'Hours') }),
    ]);
    // 1 self-hosted run (1.50/1K) + 1 Azure IR run (1.00/1K) + 1 h self-hosted copy (0.10) + 1 h lookup (0.005)
    expect(estimateCost(t, list()).estimate.amount).toBe(0.1075);
  });

  it('lists meters without a price as unpriced and says the amount is partial', () => {
    const t = tallyActivityRuns([
      act('Old copy', {
        output: { billingReference: '{"activityType":"DataMovement","billableDuration":[{"Managed":11.73}]}' },
      }),
      act('Lookup', { output: billed('PipelineActivity', 'AzureIR', 2, 'Hours') }),
    ]);
    const r = estimateCost(t, list());
    expect(r.partial).toBe(true);
    expect(r.unpriced).toEqual([
      { 'activity-type': 'DataMovement', 'meter-type': 'Managed', unit: '', quantity: 11.73 },
    ]);
    expect(r.estimate.amount).toBe(0.012); // 2 runs x 0.001 + 2 h x 0.005
    expect(r.estimate.basis).toBe(
      'Azure retail list prices (prices.azure.com), read 2026-12-08; partial: 1 billed meter(s) have no list price',
    );
  });

  it('lists orchestration as unpriced when the list lacks its meter', () => {
    const items = list().items.filter((i) => i.meterName !== 'Cloud Orchestration Activity Run');
    const r = estimateCost(tallyActivityRuns([act('Wait')]), list('eastus', 'USD', items));
    expect(r.unpriced).toEqual([
      { 'activity-type': 'Orchestration', 'meter-type': 'AzureIR', unit: 'ActivityRuns', quantity: 1 },
    ]);
    expect(r.estimate.amount).toBe(0);
  });

  it('carries the read being incomplete', () => {
    expect(estimateCost(tallyActivityRuns([act('Wait')], false), list()).complete).toBe(false);
  });
});

describe('priceOf', () => {
  const item = (over: Partial<PriceItem>): PriceItem => ({
    currencyCode: 'USD',
    retailPrice: 1,
    armRegionName: 'eastus',
    meterName: 'Cloud Data Movement',
    productName: 'Azure Data Factory v2',
    skuName: 'Cloud',
    unitOfMeasure: '1 Hour',
    type: 'Consumption',
    tierMinimumUnits: 0,
    effectiveStartDate: '2021-01-01T00:00:00Z',
    ...over,
  });
  const key = { productName: 'Azure Data Factory v2', skuName: 'Cloud', meterName: 'Cloud Data Movement' };
  const priced = (items: PriceItem[]) => priceOf({ items, currency: 'USD' }, key);

  it('takes the first tier and the newest effective date, pay-as-you-go only, in the currency asked', () => {
    expect(
      priced([
        item({ retailPrice: 0.2, tierMinimumUnits: 100 }),
        item({ retailPrice: 0.3, effectiveStartDate: '2019-01-01T00:00:00Z' }),
        item({ retailPrice: 0.25, effectiveStartDate: '2024-01-01T00:00:00Z' }),
        item({ retailPrice: 0.01, type: 'DevTestConsumption', effectiveStartDate: '2025-01-01T00:00:00Z' }),
        item({ retailPrice: 0.02, currencyCode: 'EUR', effectiveStartDate: '2025-01-01T00:00:00Z' }),
      ]),
    ).toBe(0.25);
  });

  it('divides by the unit of measure and gives up on one it cannot read', () => {
    expect(priced([item({ unitOfMeasure: '1K', retailPrice: 1 })])).toBe(0.001);
    expect(priced([item({ unitOfMeasure: 'per hour-ish' })])).toBeUndefined();
    expect(priced([])).toBeUndefined();
  });
});

describe('addEstimates', () => {
  it("sums a batch's runs and names every region", () => {
    const a = estimateCost(thousand(), list());
    const b = estimateCost(thousand(), list('westeurope'));
    expect(addEstimates([a, b])?.estimate).toEqual({
      amount: 3.255,
      currency: 'USD',
      region: 'eastus, westeurope',
      basis: 'Azure retail list prices (prices.azure.com), read 2026-12-08',
    });
    expect(addEstimates([])).toBeUndefined();
  });
});

describe('fabricCapacityUnits', () => {
  it('1.5 CU-hours per data-movement hour plus 0.0056 per non-copy activity run', () => {
    const t = tallyActivityRuns([
      act('Copy', { activityType: 'Copy', output: billed('DataMovement', 'AzureIR', 2, 'DIUHours') }),
      act('Wait 1', { activityType: 'Wait' }),
      act('Wait 2', { activityType: 'Wait' }),
    ]);
    expect(fabricCapacityUnits(t)).toEqual({ 'capacity-unit-hours': 3.0112 });
  });

  it('only non-copy runs: orchestration alone', () => {
    expect(fabricCapacityUnits(tallyActivityRuns([act('Wait', { activityType: 'Wait' })]))).toEqual({
      'capacity-unit-hours': 0.0056,
    });
  });

  it('gives up (counts only) when copies carry no billed hours', () => {
    expect(fabricCapacityUnits(tallyActivityRuns([act('Copy', { activityType: 'Copy' })]))).toBeUndefined();
  });
});
