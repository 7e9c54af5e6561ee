// Builders of the result model (src/report/model.ts) for the renderers' tests: a run with every
// required field defaulted, and a step of one run or many.
import type { RunResult, ServiceLabels, StepResult } from '../../src/model/result.ts';
import { readReturnValue } from '../../src/report/return-value.ts';

export const ADF_LABELS: ServiceLabels = {
  kind: 'data-factory',
  shortName: 'ADF',
  studioName: 'ADF Studio',
  home: { label: 'Factory', text: '`adf-prod` (resource group `rg-data`)' },
};

/** A run result; the return value is read from the run and its activities as the lifecycle does. */
export function runResult(over: Partial<RunResult> = {}): RunResult {
  const r: RunResult = {
    pipelineName: 'p1',
    runId: '',
    runUrl: '',
    started: true,
    status: '',
    parameters: {},
    failed: [],
    returnValue: { value: {}, source: '' },
    ...over,
  };
  if (!over.returnValue) r.returnValue = readReturnValue(r.run, r.activities);
  return r;
}

export function stepResult(runs: RunResult[], over: Partial<StepResult> = {}): StepResult {
  return {
    service: ADF_LABELS,
    batch: runs.length > 1,
    runs,
    stop: '',
    timeoutMs: 3_600_000,
    elapsedMs: 0,
    ...over,
  };
}
