import { describe, expect, it } from 'vitest';
import { readRunBilling, stepReadBudget, batchTally } from '../../../src/cost/read-billing.js';
import type { ActivityRun, RunRef } from '../../../src/model/run.js';
import type { PagedCallOptions, PipelineService } from '../../../src/services/service.js';

/** Activity runs served in pages of `pageSize`; every page asks the gate first, as the real clients do. */
class PagingService {
  readonly kind = 'data-factory' as const;
  pages: string[] = [];
  failing = new Set<string>();
  constructor(
    readonly levels: Record<string, ActivityRun[]>,
    readonly pageSize = 100,
  ) {}
  async listActivityRuns(ref: RunRef & { runStart?: string }, o?: PagedCallOptions): Promise<ActivityRun[]> {
    const all = this.levels[ref.runId] ?? [];
    const out: ActivityRun[] = [];
    for (let i = 0; i === 0 || i < all.length; i += this.pageSize) {
      if (o?.pages && !o.pages.next()) break;
      this.pages.push(ref.runId);
      if (this.failing.has(ref.runId)) throw new Error('HTTP 500');
      out.push(...all.slice(i, i + this.pageSize));
    }
    return out;
  }
  asService(): PipelineService {
    return this as unknown as PipelineService;
  }
}

const acts = (runId: string, n: number, over: Partial<ActivityRun> = {}): ActivityRun[] =>
  Array.from({ length: n }, (_, i) => ({
    activityName: `A${i}`,
    activityType: 'Lookup',
    pipelineRunId: runId,
    status: 'Succeeded',
    output: {
      billingReference: {
        activityType: 'PipelineActivity',
        billableDuration: [{ meterType: 'AzureIR', duration: 0.5, unit: 'Hours' }],
      },
    },
    ...over,
  }));
const exec = (runId: string, child: string): ActivityRun => ({
  activityName: `Run ${child}`,
  activityType: 'ExecutePipeline',
  pipelineRunId: runId,
  status: 'Succeeded',
  output: { pipelineRunId: child, pipelineName: `p-${child}` },
});
const RUN = { runId: 'root', pipelineName: 'main', runStart: '2026-12-08T00:00:00Z', raw: {} };

describe('readRunBilling', () => {
  it("adds up the run's and its child pipeline runs' activities, grandchildren included", async () => {
    const s = new PagingService({
      root: [...acts('root', 2), exec('root', 'c1')],
      c1: [...acts('c1', 3), exec('c1', 'g1')],
      g1: acts('g1', 1),
    });
    const r = await readRunBilling(s.asService(), RUN, stepReadBudget());
    expect(r.tally.billing).toEqual({
      'activity-runs': 8,
      meters: [{ 'activity-type': 'PipelineActivity', 'meter-type': 'AzureIR', unit: 'Hours', quantity: 3 }],
      complete: true,
    });
    expect(s.pages).toEqual(['root', 'c1', 'g1']);
    expect(r.reads).toBe(3);
  });

  it('counts every page against the 20 reads of a run, and says incomplete past them', async () => {
    const s = new PagingService({ root: acts('root', 250) }, 10);
    const r = await readRunBilling(s.asService(), RUN, stepReadBudget());
    expect(s.pages).toHaveLength(20);
    expect(r.tally.billing['activity-runs']).toBe(200);
    expect(r.tally.billing.complete).toBe(false);
  });

  it('exactly 20 pages are complete', async () => {
    const s = new PagingService({ root: acts('root', 200) }, 10);
    const r = await readRunBilling(s.asService(), RUN, stepReadBudget());
    expect(r.tally.billing).toMatchObject({ 'activity-runs': 200, complete: true });
  });

  it("shares the step's budget of 100 reads between runs", async () => {
    const budget = stepReadBudget();
    const levels: Record<string, ActivityRun[]> = {};
    for (let i = 0; i < 6; i++) levels[`r${i}`] = acts(`r${i}`, 200);
    const s = new PagingService(levels, 10);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await readRunBilling(s.asService(), { ...RUN, runId: `r${i}` }, budget));
    expect(s.pages).toHaveLength(100);
    expect(budget.remaining).toBe(0);
    expect(results.map((r) => r.tally.billing.complete)).toEqual([true, true, true, true, true, false]);
    expect(results[5]!.tally.billing['activity-runs']).toBe(0);
    expect(batchTally(results).billing).toMatchObject({ 'activity-runs': 1000, complete: false });
  });

  it('an unreadable level is left out, the others still count', async () => {
    const s = new PagingService({
      root: [...acts('root', 1), exec('root', 'c1'), exec('root', 'c2')],
      c1: acts('c1', 5),
      c2: acts('c2', 2),
    });
    s.failing.add('c1');
    const r = await readRunBilling(s.asService(), RUN, stepReadBudget());
    expect(r.tally.billing).toMatchObject({ 'activity-runs': 5, complete: false });
  });

  it('reads no level it was given, and follows their children', async () => {
    const s = new PagingService({ c1: acts('c1', 4) });
    const known = [...acts('root', 2), exec('root', 'c1')];
    const r = await readRunBilling(s.asService(), RUN, stepReadBudget(), { known });
    expect(s.pages).toEqual(['c1']);
    expect(r.tally.billing).toMatchObject({ 'activity-runs': 7, complete: true });
  });

  it("gives the region most activities' runtimes ran in", async () => {
    const ir = (location: string) => ({ integrationRuntime: [{ name: 'ir', type: 'Managed', location }] });
    const s = new PagingService({
      root: [
        ...acts('root', 2, { executionDetails: ir('West Europe') }),
        ...acts('root', 1, { executionDetails: ir('East US') }),
      ],
    });
    expect((await readRunBilling(s.asService(), RUN, stepReadBudget())).region).toBe('westeurope');
  });
});
