import { describe, expect, it } from 'vitest';
import { addBillings, addTallies, parseBillingReference, tallyActivityRuns } from '../../../src/cost/billing.js';
import type { ActivityRun } from '../../../src/model/run.js';

const act = (name: string, over: Partial<ActivityRun> = {}): ActivityRun => ({
  activityName: name,
  activityType: 'Lookup',
  status: 'Succeeded',
  pipelineRunId: 'run-1',
  output: {},
  ...over,
});

const ref = (activityType: string, ...meters: Array<[string, number, string]>) => ({
  activityType,
  billableDuration: meters.map(([meterType, duration, unit]) => ({ meterType, duration, unit })),
});

describe('parseBillingReference', () => {
  it('reads the object shape (the real response of azure-cli-extensions#8940)', () => {
    expect(
      parseBillingReference({
        activityType: 'PipelineActivity',
        billableDuration: [{ meterType: 'AzureIR', duration: 0.049999999999999996, unit: 'Hours' }],
      }),
    ).toEqual([
      { activityType: 'PipelineActivity', meterType: 'AzureIR', unit: 'Hours', quantity: 0.049999999999999996 },
    ]);
  });

  it('reads the older JSON string shape, whose meter names no unit', () => {
    expect(parseBillingReference('{"activityType":"DataMovement","billableDuration":[{"Managed":11.73}]}')).toEqual([
      { activityType: 'DataMovement', meterType: 'Managed', unit: '', quantity: 11.73 },
    ]);
  });

  it.each([
    ['no value', undefined],
    ['a string that is not JSON', 'DataMovement 11.73'],
    ['an array', [1, 2]],
    ['no activityType', { billableDuration: [] }],
    ['billableDuration not an array', { activityType: 'DataMovement', billableDuration: 3 }],
  ])('skips %s without failing', (_, value) => {
    expect(parseBillingReference(value)).toEqual([]);
  });

  it('skips entries without a usable quantity and keeps the others', () => {
    expect(
      parseBillingReference({
        activityType: 'DataMovement',
        billableDuration: [
          { meterType: 'AzureIR', duration: 'a lot', unit: 'DIUHours' },
          { meterType: 'AzureIR', duration: -1, unit: 'DIUHours' },
          null,
          { meterType: 'AzureIR', duration: 0.25, unit: 'DIUHours' },
        ],
      }),
    ).toEqual([{ activityType: 'DataMovement', meterType: 'AzureIR', unit: 'DIUHours', quantity: 0.25 }]);
  });
});

describe('tallyActivityRuns', () => {
  it('counts every activity run and sums units per activity type, meter type and unit', () => {
    const rows = [
      act('Lookup', { output: { billingReference: ref('PipelineActivity', ['AzureIR', 0.0167, 'Hours']) } }),
      act('Copy a', {
        activityType: 'Copy',
        output: { billingReference: ref('DataMovement', ['AzureIR', 0.0667, 'DIUHours']) },
      }),
      act('Copy b', {
        activityType: 'Copy',
        output: { billingReference: ref('DataMovement', ['AzureIR', 0.1333, 'DIUHours']) },
      }),
      act('Copy c', {
        activityType: 'Copy',
        output: { billingReference: ref('DataMovement', ['SelfhostedIR', 0.5, 'Hours']) },
      }),
      // ForEach and its iterations: each iteration is an activity run of its own.
      act('ForEach tables', { activityType: 'ForEach' }),
      act('Wait', { activityType: 'Wait' }),
      act('Wait', { activityType: 'Wait' }),
      act('Old copy', {
        activityType: 'Copy',
        output: { billingReference: '{"activityType":"DataMovement","billableDuration":[{"Managed":11.73}]}' },
      }),
    ];
    const { billing, runs } = tallyActivityRuns(rows);
    expect(billing).toEqual({
      'activity-runs': 8,
      meters: [
        { 'activity-type': 'DataMovement', 'meter-type': 'AzureIR', unit: 'DIUHours', quantity: 0.2 },
        { 'activity-type': 'DataMovement', 'meter-type': 'Managed', unit: '', quantity: 11.73 },
        { 'activity-type': 'DataMovement', 'meter-type': 'SelfhostedIR', unit: 'Hours', quantity: 0.5 },
        { 'activity-type': 'PipelineActivity', 'meter-type': 'AzureIR', unit: 'Hours', quantity: 0.0167 },
      ],
      complete: true,
    });
    expect(runs).toEqual({ azureIR: 7, selfHostedIR: 1, managedVNetIR: 0, copy: 4 });
  });

  it('leaves out skipped activities, which did not run', () => {
    expect(tallyActivityRuns([act('a'), act('b', { status: 'Skipped' })]).billing['activity-runs']).toBe(1);
  });

  it('says incomplete when asked, with whatever was read', () => {
    expect(tallyActivityRuns([act('a')], false).billing).toEqual({ 'activity-runs': 1, meters: [], complete: false });
  });

  it('keeps the contract shape and nothing else', () => {
    const { billing } = tallyActivityRuns([
      act('Copy', { output: { billingReference: ref('DataMovement', ['AzureIR', 1, 'DIUHours']) } }),
    ]);
    expect(Object.keys(billing)).toEqual(['activity-runs', 'meters', 'complete']);
    expect(Object.keys(billing.meters[0]!)).toEqual(['activity-type', 'meter-type', 'unit', 'quantity']);
  });
});

describe('adding billings', () => {
  const a = tallyActivityRuns([
    act('Copy', {
      activityType: 'Copy',
      output: { billingReference: ref('DataMovement', ['AzureIR', 0.1, 'DIUHours']) },
    }),
  ]);
  const b = tallyActivityRuns(
    [
      act('Copy', {
        activityType: 'Copy',
        output: { billingReference: ref('DataMovement', ['AzureIR', 0.2, 'DIUHours']) },
      }),
      act('Web', { output: { billingReference: ref('ExternalActivity', ['AzureIR', 0.01, 'Hours']) } }),
    ],
    false,
  );

  it('sums counts and meters; complete only when every part is', () => {
    const sum = addTallies([a, b]);
    expect(sum.billing).toEqual({
      'activity-runs': 3,
      meters: [
        { 'activity-type': 'DataMovement', 'meter-type': 'AzureIR', unit: 'DIUHours', quantity: 0.3 },
        { 'activity-type': 'ExternalActivity', 'meter-type': 'AzureIR', unit: 'Hours', quantity: 0.01 },
      ],
      complete: false,
    });
    expect(sum.runs).toEqual({ azureIR: 3, selfHostedIR: 0, managedVNetIR: 0, copy: 2 });
    expect(addTallies([a, a]).billing.complete).toBe(true);
  });

  it('adds bare billing outputs the same way', () => {
    expect(addBillings([a.billing, b.billing])).toEqual(addTallies([a, b]).billing);
    expect(addBillings([])).toEqual({ 'activity-runs': 0, meters: [], complete: true });
  });
});
