import { describe, expect, it } from 'vitest';
import type { Billing } from '../../../src/cost/billing.js';
import type { EstimateResult } from '../../../src/cost/estimate.js';
import { costLine, formatAmount, formatQuantity, unitsText } from '../../../src/cost/text.js';

const billing = (over: Partial<Billing> = {}): Billing => ({
  'activity-runs': 14,
  meters: [
    { 'activity-type': 'DataMovement', 'meter-type': 'AzureIR', unit: 'DIUHours', quantity: 0.5 },
    { 'activity-type': 'DataMovement', 'meter-type': 'ManagedVNetIR', unit: 'DIUHours', quantity: 0.333 },
    { 'activity-type': 'PipelineActivity', 'meter-type': 'AzureIR', unit: 'Hours', quantity: 0.05 },
  ],
  complete: true,
  ...over,
});
const estimate = (over: Partial<EstimateResult> = {}): EstimateResult => ({
  estimate: {
    amount: 0.4237,
    currency: 'USD',
    region: 'eastus',
    basis: 'Azure retail list prices (prices.azure.com), read 2026-12-08',
  },
  unpriced: [],
  partial: false,
  complete: true,
  ...over,
});

describe('costLine', () => {
  it('units alone', () => {
    expect(costLine(billing())).toBe('Cost: 14 activity runs, 0.83 DIU-hours, 0.05 pipeline-activity hours');
  });

  it('with an estimate, which says it is one', () => {
    expect(costLine(billing(), estimate())).toBe(
      'Cost: 14 activity runs, 0.83 DIU-hours, 0.05 pipeline-activity hours; about 0.42 USD at list prices in eastus: an estimate, not your invoice',
    );
  });

  it('a partial price is a lower bound and names what it leaves out', () => {
    const line = costLine(
      billing({ meters: [{ 'activity-type': 'DataMovement', 'meter-type': 'Managed', unit: '', quantity: 11.73 }] }),
      estimate({
        partial: true,
        unpriced: [{ 'activity-type': 'DataMovement', 'meter-type': 'Managed', unit: '', quantity: 11.73 }],
      }),
    );
    expect(line).toBe(
      'Cost: 14 activity runs, 11.73 DataMovement Managed (no unit); at least 0.42 USD at list prices in eastus: an estimate, not your invoice (without DataMovement/Managed (no unit), which has no list price)',
    );
  });

  it('an incomplete read says "at least" and why', () => {
    expect(costLine(billing({ complete: false }), estimate())).toBe(
      'Cost: at least 14 activity runs, 0.83 DIU-hours, 0.05 pipeline-activity hours; at least 0.42 USD at list prices in eastus: an estimate, not your invoice. Not every activity run could be read, so the totals are incomplete',
    );
  });

  it('Fabric: capacity-unit hours', () => {
    expect(costLine(billing({ meters: [], 'activity-runs': 1 }), { 'capacity-unit-hours': 0.0056 })).toBe(
      "Cost: 1 activity run; about 0.0056 capacity-unit hours at Fabric's documented rates: an estimate, not your capacity metrics",
    );
  });
});

describe('units and amounts', () => {
  it('names each kind of unit', () => {
    expect(
      unitsText(
        billing({
          'activity-runs': 2,
          meters: [
            { 'activity-type': 'DataMovement', 'meter-type': 'SelfhostedIR', unit: 'Hours', quantity: 1 },
            { 'activity-type': 'ExternalActivity', 'meter-type': 'AzureIR', unit: 'Hours', quantity: 0.25 },
            { 'activity-type': 'executedataflow', 'meter-type': 'General', unit: 'coreHour', quantity: 1.333 },
            { 'activity-type': 'Quantum', 'meter-type': 'QPU', unit: 'Shots', quantity: 3 },
          ],
        }),
      ),
    ).toBe(
      '2 activity runs, 1 data-movement hours, 0.25 external-activity hours, 1.33 data-flow vCore-hours, 3 Quantum QPU Shots',
    );
  });

  it('rounds for display; below a cent says so', () => {
    expect(formatQuantity(0.004)).toBe('< 0.01');
    expect(formatQuantity(0)).toBe('0');
    expect(formatAmount(0.004, 'EUR')).toBe('0.004 EUR');
    expect(formatAmount(0.00001, 'EUR')).toBe('< 0.0001 EUR');
    expect(formatAmount(0, 'USD')).toBe('0.00 USD');
    expect(formatAmount(1.555, 'USD')).toBe('1.55 USD');
    expect(formatAmount(12, 'USD')).toBe('12.00 USD');
  });
});
