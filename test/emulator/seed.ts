// The standard world: one tenant, one app registration (secret + federated credential), one factory
// and a handful of pipelines covering success, failure, long runs and child runs.
import type { PipelineSpec } from './types.ts';

export const DEFAULTS = {
  tenantId: '8d3f1c2a-5b6e-4f70-9a81-b2c3d4e5f601',
  clientId: '0c4e7a1b-2d3f-4a5b-8c6d-7e8f9a0b1c2d',
  objectId: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
  clientSecret: 'Emu8Q~local.emulator.secret-0123456789abc',
  subscriptionId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  resourceGroup: 'rg-data-emulator',
  factoryName: 'adf-emulator',
  audience: 'api://AzureADTokenExchange',
} as const;

export const DEFAULT_PIPELINES = {
  /** ~4 s, typed parameters, 4 activities, succeeds */
  dailyLoad: 'daily-load',
  /** ~2 s, fails in 'Copy sales' */
  nightlyFail: 'nightly-fail',
  /** ~60 s */
  longRunning: 'long-running',
  /** ~0.5 s, no parameters */
  quick: 'quick',
  /** runs 'child-load' through an ExecutePipeline activity */
  parentWithChild: 'parent-with-child',
  childLoad: 'child-load',
} as const;

export const BLOB_MISSING_ERROR =
  "ErrorCode=UserErrorSourceBlobNotExist,'Type=Microsoft.DataTransfer.Common.Shared.HybridDeliveryException,Message=The required Blob is missing. ContainerName: https://emulatorstorage.blob.core.windows.net/raw, ContainerExist: True, BlobPrefix: sales/2024-01-01.csv, BlobCount: 0.,Source=Microsoft.DataTransfer.ClientLibrary,'";

export function defaultPipelines(): Array<Omit<PipelineSpec, 'subscriptionId' | 'resourceGroup' | 'factoryName'>> {
  const copyOutput = (rows: number) => ({
    dataRead: rows * 120,
    dataWritten: rows * 120,
    rowsRead: rows,
    rowsCopied: rows,
    copyDuration: 2,
    throughput: 12.5,
    errors: [],
    effectiveIntegrationRuntime: 'AutoResolveIntegrationRuntime (East US)',
    usedDataIntegrationUnits: 4,
    usedParallelCopies: 1,
  });
  return [
    {
      name: DEFAULT_PIPELINES.dailyLoad,
      description: 'Loads the daily extracts',
      parameters: {
        sourcePath: { type: 'String', defaultValue: 'raw/daily' },
        batchSize: { type: 'Int', defaultValue: 500 },
        threshold: { type: 'Float', defaultValue: 0.5 },
        fullRefresh: { type: 'Bool', defaultValue: false },
        tables: { type: 'Array', defaultValue: ['customers', 'orders'] },
        options: { type: 'Object', defaultValue: { mode: 'append' } },
        apiKey: { type: 'SecureString', defaultValue: 'not-a-real-secret' },
      },
      script: {
        phases: [
          { status: 'Queued', ms: 500 },
          { status: 'InProgress', ms: 3500 },
        ],
        final: 'Succeeded',
        activities: [
          { name: 'Lookup watermark', type: 'Lookup', output: { firstRow: { watermark: '2024-01-01T00:00:00Z' } } },
          { name: 'Copy customers', type: 'Copy', output: copyOutput(1200) },
          { name: 'Copy orders', type: 'Copy', output: copyOutput(5400) },
          { name: 'Update watermark', type: 'SqlServerStoredProcedure', output: {} },
        ],
      },
    },
    {
      name: DEFAULT_PIPELINES.nightlyFail,
      parameters: { runDate: { type: 'String', defaultValue: '2024-01-01' } },
      script: {
        phases: [
          { status: 'Queued', ms: 300 },
          { status: 'InProgress', ms: 1700 },
        ],
        final: 'Failed',
        activities: [
          { name: 'Lookup config', type: 'Lookup', output: { firstRow: { enabled: true } } },
          {
            name: 'Copy sales',
            type: 'Copy',
            status: 'Failed',
            error: { errorCode: '2200', message: BLOB_MISSING_ERROR, failureType: 'UserError' },
          },
        ],
      },
    },
    {
      name: DEFAULT_PIPELINES.longRunning,
      script: {
        phases: [
          { status: 'Queued', ms: 1000 },
          { status: 'InProgress', ms: 59000 },
        ],
        activities: [
          { name: 'Wait for upstream', type: 'Wait', startMs: 0, durationMs: 30000 },
          { name: 'Copy big table', type: 'Copy', startMs: 30000, durationMs: 28500, output: copyOutput(1_000_000) },
        ],
      },
    },
    {
      name: DEFAULT_PIPELINES.quick,
      script: {
        phases: [
          { status: 'Queued', ms: 100 },
          { status: 'InProgress', ms: 400 },
        ],
        activities: [{ name: 'Noop', type: 'Wait' }],
      },
    },
    {
      name: DEFAULT_PIPELINES.childLoad,
      parameters: { table: { type: 'String', defaultValue: 'customers' } },
      script: {
        phases: [
          { status: 'Queued', ms: 100 },
          { status: 'InProgress', ms: 700 },
        ],
        activities: [{ name: 'Copy table', type: 'Copy', output: copyOutput(300) }],
      },
    },
    {
      name: DEFAULT_PIPELINES.parentWithChild,
      script: {
        activities: [
          { name: 'Prepare', type: 'SetVariable', durationMs: 200 },
          {
            name: 'Run child',
            type: 'ExecutePipeline',
            child: { pipelineName: DEFAULT_PIPELINES.childLoad, parameters: { table: 'orders' } },
          },
        ],
      },
    },
  ];
}

/** Pipelines for re-runs and retries (`emu.addRerunPipelines()`; not in the default seed). */
export const RERUN_PIPELINES = {
  /** ~1.9 s; its last activity fails with a SystemError in the first run of a run group; recoveries succeed */
  failsOnce: 'fails-once',
  /** ~1.9 s; its last activity fails with a UserError (2200) every time */
  failsAlways: 'fails-always',
  /** ~1.9 s; its last activity fails with a SystemError every time (retries run out) */
  failsAlwaysSystem: 'fails-always-system',
} as const;

/** Three activities of 500 ms each; the last one fails as the pipeline's name says. */
export function rerunPipelines(): Array<Omit<PipelineSpec, 'subscriptionId' | 'resourceGroup' | 'factoryName'>> {
  const script = (last: {
    failTimes: number;
    error?: { errorCode: string; message: string; failureType: string };
  }) => ({
    phases: [
      { status: 'Queued' as const, ms: 200 },
      { status: 'InProgress' as const, ms: 1700 },
    ],
    activities: [
      { name: 'Lookup config', type: 'Lookup', durationMs: 500, output: { firstRow: { enabled: true } } },
      { name: 'Copy sales', type: 'Copy', durationMs: 500, output: { rowsRead: 1200, rowsCopied: 1200 } },
      { name: 'Refresh model', type: 'WebActivity', durationMs: 500, ...last },
    ],
  });
  return [
    {
      name: RERUN_PIPELINES.failsOnce,
      parameters: { runDate: { type: 'String', defaultValue: '2024-01-01' } },
      script: script({ failTimes: 1 }),
    },
    {
      name: RERUN_PIPELINES.failsAlways,
      parameters: { runDate: { type: 'String', defaultValue: '2024-01-01' } },
      script: script({
        failTimes: Infinity,
        error: {
          errorCode: '2200',
          message: "The workflow parameter 'modelName' is not found",
          failureType: 'UserError',
        },
      }),
    },
    { name: RERUN_PIPELINES.failsAlwaysSystem, script: script({ failTimes: Infinity }) },
  ];
}
