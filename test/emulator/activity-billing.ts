// What an ended activity run bills, as ADF writes it into `output.billingReference`, and the
// integration runtime it ran on (`executionDetails.integrationRuntime`). Shapes from real responses
// (Azure/azure-cli-extensions#8940: object shape, `executionDetails` beside `output`) and the older
// copy-activity-monitoring doc (the JSON string `{"activityType":"DataMovement","billableDuration":[{"Managed":11.73}]}`).
// Quantities follow the pricing page: billed per started minute, DIU-hours for copies, vCore-hours
// (8 cores) for data flows. Which activity is which type is the pricing page's grouping.
import type { ActivityScript, EmulatorConfig } from './types.ts';

export type BillingShape = 'object' | 'string' | 'none';

export interface RuntimeSpec {
  name?: string;
  /** 'Managed' (Azure IR), 'SelfHosted', ... as ADF reports it */
  type?: string;
  /** a display name, e.g. 'East US' */
  location: string;
}

export const BILLING_CONFIG_DEFAULTS: Pick<
  EmulatorConfig,
  'activityBilling' | 'integrationRuntimeLocation' | 'fabricActivityBilling'
> = {
  activityBilling: 'object',
  integrationRuntimeLocation: null,
  fabricActivityBilling: false,
};

/** Control activities run on no runtime and bill only as activity runs (orchestration). */
const CONTROL = new Set(
  [
    'ExecutePipeline',
    'ForEach',
    'IfCondition',
    'Switch',
    'Until',
    'Wait',
    'SetVariable',
    'AppendVariable',
    'Filter',
    'Fail',
    'Validation',
  ].map((t) => t.toLowerCase()),
);
/** Activities that run on an integration runtime (pricing page: "pipeline activities"). */
const PIPELINE_ACTIVITIES = new Set(['Lookup', 'GetMetadata', 'Delete', 'Script'].map((t) => t.toLowerCase()));

/** The billingReference of an ended activity, or undefined for control activities. */
export function billingReference(
  a: ActivityScript,
  durationMs: number,
  shape: BillingShape,
  output: Record<string, unknown>,
): unknown {
  if (shape === 'none') return undefined;
  const type = a.type.toLowerCase();
  if (CONTROL.has(type)) return undefined;
  const hours = Math.max(1, Math.ceil(durationMs / 60_000)) / 60;
  const meterType = runtimeMeter(a.runtime?.type);
  let ref: { activityType: string; meterType: string; duration: number; unit: string };
  if (type === 'copy') {
    const dius = typeof output.usedDataIntegrationUnits === 'number' ? output.usedDataIntegrationUnits : 4;
    const selfHosted = meterType === 'SelfhostedIR';
    ref = {
      activityType: 'DataMovement',
      meterType,
      duration: selfHosted ? hours : dius * hours,
      unit: selfHosted ? 'Hours' : 'DIUHours',
    };
  } else if (type === 'executedataflow') {
    ref = { activityType: 'executedataflow', meterType: 'General', duration: 8 * hours, unit: 'coreHour' };
  } else if (PIPELINE_ACTIVITIES.has(type)) {
    ref = { activityType: 'PipelineActivity', meterType, duration: hours, unit: 'Hours' };
  } else {
    ref = { activityType: 'ExternalActivity', meterType, duration: hours, unit: 'Hours' };
  }
  if (shape === 'string') {
    // The older shape: the meter type as key ('Managed' for the Azure runtime), no unit.
    const key = meterType === 'AzureIR' ? 'Managed' : meterType;
    return JSON.stringify({ activityType: ref.activityType, billableDuration: [{ [key]: round(ref.duration) }] });
  }
  return {
    activityType: ref.activityType,
    billableDuration: [{ meterType: ref.meterType, duration: ref.duration, unit: ref.unit }],
  };
}

/** `executionDetails` of an activity that ran on a runtime (undefined for control activities). */
export function executionDetails(a: ActivityScript, config: EmulatorConfig): Record<string, unknown> | undefined {
  if (CONTROL.has(a.type.toLowerCase())) return undefined;
  const location = a.runtime?.location ?? config.integrationRuntimeLocation;
  if (!location) return undefined;
  return {
    integrationRuntime: [
      { name: a.runtime?.name ?? 'AutoResolveIntegrationRuntime', type: a.runtime?.type ?? 'Managed', location },
    ],
  };
}

function runtimeMeter(type: string | undefined): string {
  const t = (type ?? 'Managed').toLowerCase();
  if (t === 'selfhosted') return 'SelfhostedIR';
  if (t === 'managedvnet') return 'ManagedVNetIR';
  return 'AzureIR';
}

const round = (x: number) => Number(x.toFixed(4));
