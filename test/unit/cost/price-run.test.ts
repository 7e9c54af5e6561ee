import { describe, expect, it } from 'vitest';
import { tallyActivityRuns } from '../../../src/cost/billing.js';
import { priceRun } from '../../../src/cost/price-run.js';
import type { PriceListResult } from '../../../src/cost/prices.js';
import type { ActivityRun } from '../../../src/model/run.js';
import { defaultRetailPriceItems } from '../../emulator/index.ts';

const copy: ActivityRun = {
  activityName: 'Copy',
  activityType: 'Copy',
  status: 'Succeeded',
  output: {
    billingReference: {
      activityType: 'DataMovement',
      billableDuration: [{ meterType: 'AzureIR', duration: 2, unit: 'DIUHours' }],
    },
  },
};
const tally = tallyActivityRuns([copy]);

const pricesAnswering = (result: PriceListResult) => {
  const asked: string[] = [];
  return {
    asked,
    prices: (region: string, currency: string) => {
      asked.push(`${region}/${currency}`);
      return Promise.resolve(result);
    },
  };
};
const eastus: PriceListResult = {
  ok: true,
  list: {
    items: defaultRetailPriceItems().filter((i) => i.armRegionName === 'eastus' && i.currencyCode === 'USD'),
    region: 'eastus',
    currency: 'USD',
    source: 'prices.azure.com',
    readOn: '2026-12-08',
  },
};

describe('priceRun', () => {
  it('prices an ADF run in its region and currency', async () => {
    const prices = pricesAnswering(eastus);
    const r = await priceRun({ kind: 'data-factory', tally, region: 'eastus', currency: 'USD', prices });
    expect(prices.asked).toEqual(['eastus/USD']);
    expect(r.output).toEqual({
      amount: 0.501,
      currency: 'USD',
      region: 'eastus',
      basis: 'Azure retail list prices (prices.azure.com), read 2026-12-08',
    });
    expect(r.notice).toBeUndefined();
  });

  it("names Synapse's basis: Data Factory's meters", async () => {
    const r = await priceRun({
      kind: 'synapse',
      tally,
      region: 'eastus',
      currency: 'USD',
      prices: pricesAnswering(eastus),
    });
    expect(r.output).toMatchObject({
      amount: 0.501,
      basis:
        "Azure retail list prices (prices.azure.com), read 2026-12-08; Synapse priced at Data Factory's meters (the same published rates)",
    });
  });

  it('a price list that cannot be read is a notice and {}', async () => {
    const prices = pricesAnswering({ ok: false, reason: 'the Azure Retail Prices API answered HTTP 500' });
    const r = await priceRun({ kind: 'synapse', tally, region: 'eastus', currency: 'USD', prices });
    expect(r.output).toEqual({});
    expect(r.notice).toBe(
      'No cost estimate: the Azure Retail Prices API answered HTTP 500. The billable units are in the billing output; retail-prices-endpoint can point at a proxy of the Azure Retail Prices API if the runner cannot reach prices.azure.com.',
    );
  });

  it('no region: no request, a notice', async () => {
    const prices = pricesAnswering(eastus);
    const r = await priceRun({ kind: 'data-factory', tally, region: '', currency: 'USD', prices });
    expect(prices.asked).toEqual([]);
    expect(r).toMatchObject({ output: {}, notice: expect.stringContaining("the run's region is unknown") });
  });

  it('Fabric: capacity-unit hours, never the Retail Prices API', async () => {
    const prices = pricesAnswering(eastus);
    const r = await priceRun({ kind: 'fabric', tally, region: 'eastus', currency: 'USD', prices });
    expect(r.output).toEqual({ 'capacity-unit-hours': 3 });
    expect(prices.asked).toEqual([]);
    const counts = await priceRun({
      kind: 'fabric',
      tally: tallyActivityRuns([{ activityName: 'Copy', activityType: 'Copy', output: {} }]),
      region: '',
      currency: 'USD',
      prices,
    });
    expect(counts).toMatchObject({ output: {}, notice: expect.stringContaining('capacity-unit') });
  });
});
