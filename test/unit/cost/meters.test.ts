import { describe, expect, it } from 'vitest';
import { orchestrationKeys, PRODUCT_NAMES, priceKeyOf, unitsPerPrice } from '../../../src/cost/meters.js';
import { defaultRetailPriceItems } from '../../emulator/index.ts';

const meter = (activityType: string, meterType: string, unit: string) => ({
  'activity-type': activityType,
  'meter-type': meterType,
  unit,
});

describe('priceKeyOf: billed meter -> Retail Prices meter', () => {
  it.each([
    ['DataMovement', 'AzureIR', 'DIUHours', 'Cloud', 'Cloud Data Movement'],
    ['DataMovement', 'ManagedVNetIR', 'DIUHours', 'Azure Managed VNET', 'Azure Managed VNET Data Movement'],
    ['DataMovement', 'SelfhostedIR', 'Hours', 'Self Hosted', 'Self Hosted Data Movement'],
    ['PipelineActivity', 'AzureIR', 'Hours', 'Cloud', 'Cloud Pipeline Activity'],
    ['PipelineActivity', 'SelfhostedIR', 'Hours', 'Self Hosted', 'Self Hosted Pipeline Activity'],
    ['PipelineActivity', 'ManagedVNetIR', 'Hours', 'Azure Managed VNET', 'Azure Managed VNET Pipeline Activity'],
    ['ExternalActivity', 'AzureIR', 'Hours', 'Cloud', 'Cloud External Pipeline Activity'],
    ['ExternalActivity', 'SelfhostedIR', 'Hours', 'Self Hosted', 'Self Hosted External Pipeline Activity'],
    [
      'ExternalActivity',
      'ManagedVNetIR',
      'Hours',
      'Azure Managed VNET',
      'Azure Managed VNET External Pipeline Activity',
    ],
  ])('%s/%s/%s -> %s, %s', (activityType, meterType, unit, skuName, meterName) => {
    expect(priceKeyOf(meter(activityType, meterType, unit))).toEqual({
      productName: 'Azure Data Factory v2',
      skuName,
      meterName,
    });
  });

  it('matches the service spelling case-insensitively', () => {
    expect(priceKeyOf(meter('datamovement', 'azureir', 'diuhours'))?.meterName).toBe('Cloud Data Movement');
  });

  it.each([
    ['General', 'General Purpose'],
    ['MemoryOptimized', 'Memory Optimized'],
    ['ComputeOptimized', 'Compute Optimized'],
  ])('data flows (coreHour, %s) -> vCore of the %s product', (meterType, product) => {
    expect(priceKeyOf(meter('executedataflow', meterType, 'coreHour'))).toEqual({
      productName: `Azure Data Factory v2 Data Flow - ${product}`,
      skuName: 'vCore',
      meterName: 'vCore',
    });
  });

  it.each([
    ['the older string shape, which names no unit', meter('DataMovement', 'Managed', '')],
    ['an unknown runtime', meter('DataMovement', 'SomeNewIR', 'DIUHours')],
    ['an unknown activity type', meter('Quantum', 'AzureIR', 'Hours')],
    ['a unit the activity is not billed in', meter('PipelineActivity', 'AzureIR', 'DIUHours')],
    ['an unknown data-flow compute type', meter('executedataflow', 'Turbo', 'coreHour')],
  ])('prices nothing for %s', (_, m) => {
    expect(priceKeyOf(m)).toBeUndefined();
  });

  it('orchestration: one meter per runtime, priced per 1K activity runs', () => {
    expect(orchestrationKeys().map((o) => [o.runs, o.key.skuName, o.key.meterName])).toEqual([
      ['azureIR', 'Cloud', 'Cloud Orchestration Activity Run'],
      ['selfHostedIR', 'Self Hosted', 'Self Hosted Orchestration Activity Run'],
      ['managedVNetIR', 'Azure Managed VNET', 'Azure Managed VNET Orchestration Activity Run'],
    ]);
  });

  it('every meter it names exists in the modelled Retail Prices catalog', () => {
    const catalog = new Set(defaultRetailPriceItems().map((i) => `${i.productName}|${i.skuName}|${i.meterName}`));
    const keys = [
      ...orchestrationKeys().map((o) => o.key),
      ...['DataMovement', 'PipelineActivity', 'ExternalActivity'].flatMap((a) =>
        ['AzureIR', 'SelfhostedIR', 'ManagedVNetIR'].map((m) =>
          priceKeyOf(meter(a, m, a === 'DataMovement' && m !== 'SelfhostedIR' ? 'DIUHours' : 'Hours')),
        ),
      ),
      ...['General', 'MemoryOptimized', 'ComputeOptimized'].map((m) =>
        priceKeyOf(meter('executedataflow', m, 'coreHour')),
      ),
    ];
    for (const k of keys)
      expect(catalog.has(`${k!.productName}|${k!.skuName}|${k!.meterName}`), JSON.stringify(k)).toBe(true);
    expect(PRODUCT_NAMES).toEqual([
      'Azure Data Factory v2',
      'Azure Data Factory v2 Data Flow - General Purpose',
      'Azure Data Factory v2 Data Flow - Memory Optimized',
      'Azure Data Factory v2 Data Flow - Compute Optimized',
    ]);
  });
});

describe('unitsPerPrice', () => {
  it.each([
    ['1K', 1000],
    ['1 Hour', 1],
    ['10 Hours', 10],
    ['50K', 50_000],
    ['1M', 1_000_000],
    ['1/Hour', 1],
  ])('%s -> %d', (u, n) => expect(unitsPerPrice(u)).toBe(n));

  it.each(['', 'Hour', 'per run', '0 Hours'])('%j is not a count', (u) => expect(unitsPerPrice(u)).toBeUndefined());
});
