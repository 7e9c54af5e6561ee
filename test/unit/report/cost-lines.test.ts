// The "Cost" lines of the job summary and the pull-request comment (src/report/cost-lines.ts).
import { describe, expect, it } from 'vitest';
import { batchCostLines, runCostLines } from '../../../src/report/cost-lines.js';

const line =
  'Cost: 3 activity runs, < 0.01 DIU-hours; about 0.0012 USD at list prices in eastus: an estimate, not your invoice';

describe('runCostLines', () => {
  it('labels the line in bold and keeps its words, Markdown-safe', () => {
    expect(runCostLines({ costLine: line })).toEqual([
      '**Cost:** 3 activity runs, &lt; 0.01 DIU-hours; about 0.0012 USD at list prices in eastus: an estimate, not your invoice',
      '',
    ]);
  });

  it('says nothing without billing', () => {
    expect(runCostLines({})).toEqual([]);
  });
});

describe('batchCostLines', () => {
  it("gives the total, then each run's line, leaving out runs without one", () => {
    const lines = batchCostLines({
      costLine: 'Cost: 5 activity runs',
      runs: [
        { pipelineName: 'a|b', costLine: 'Cost: 3 activity runs' },
        { pipelineName: 'skipped' },
        { pipelineName: 'c', costLine: 'Cost: 2 activity runs' },
      ] as never,
    });
    expect(lines).toEqual([
      '**Cost, all runs:** 5 activity runs',
      '',
      '- `a\\|b`: 3 activity runs',
      '- `c`: 2 activity runs',
      '',
    ]);
  });

  it('says nothing when no run has billing', () => {
    expect(batchCostLines({ runs: [{ pipelineName: 'a' }] as never })).toEqual([]);
  });
});
