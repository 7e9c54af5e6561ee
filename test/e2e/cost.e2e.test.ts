import { AsyncLocalStorage } from 'node:async_hooks';
// Issue 20: what a run cost. The billable units of every ended run (`billing`), its price at list
// prices on request (`cost-estimate`, the emulated Azure Retail Prices API), and the "Cost" lines of
// the job summary, asserted on the built action's outputs, notices, summary and on the requests the
// emulator got.
import { describe, expect, test } from 'vitest';
import { DEFAULTS, type ActivityScript, type RecordedRequest } from '../emulator/index.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { expectSuccess, factoryPath, log, step, type Step } from './helpers.ts';

// Each test runs against an emulator of its own (its requests, runs, faults and settings), so the
// tests of this file run concurrently: they mostly wait for emulated runs.
const current = new AsyncLocalStorage<World>();
/** The running test's world. */
const w = new Proxy({} as World, { get: (_t, key) => Reflect.get(current.getStore()!, key) });

/** A test in a world of its own, run concurrently with the others of its file. */
const it = (name: string, fn: () => Promise<void>, timeoutMs?: number) =>
  test.concurrent(
    name,
    async () => {
      const world = await startWorld();
      try {
        await current.run(world, async () => {
          const short = [{ status: 'InProgress' as const, ms: 900 }];
          w.emu.addPipeline({
            ...f(),
            name: 'cost-child',
            script: {
              phases: short,
              activities: [
                { name: 'Copy rows', type: 'Copy', durationMs: 300 },
                { name: 'Call API', type: 'WebActivity', durationMs: 200 },
              ],
            },
          });
          w.emu.addPipeline({
            ...f(),
            name: 'cost-nested',
            script: { phases: [{ status: 'InProgress', ms: 2_000 }], activities: nested() },
          });
          w.emu.addPipeline({
            ...f(),
            name: 'cost-westeurope',
            script: {
              phases: [{ status: 'InProgress', ms: 2_000 }],
              activities: nested({ name: 'ir-weu', type: 'Managed', location: 'West Europe' }),
            },
          });
          w.emu.addPipeline({
            ...f(),
            name: 'cost-string',
            script: {
              phases: short,
              activities: [
                { name: 'Copy old', type: 'Copy', durationMs: 300, billing: 'string' },
                { name: 'Lookup new', type: 'Lookup', durationMs: 300 },
              ],
            },
          });
          w.emu.addPipeline({
            ...f(),
            name: 'cost-returns',
            script: {
              phases: short,
              runExtra: { pipelineReturnValue: { rows: 3 } },
              activities: [{ name: 'Web', type: 'WebActivity' }],
            },
          });
          for (let i = 1; i <= 6; i++)
            w.emu.addPipeline({ ...f(), name: `cost-cap-${i}`, script: { phases: short, activities: many(50) } });
          w.emu.faults.clear();
          w.emu.config.activityPageSize = 100;
          w.emu.prices.config.pageSize = 100;
          await fn();
        });
      } finally {
        await world.emu.close();
      }
    },
    timeoutMs,
  );
const f = () => ({
  subscriptionId: w.seed.subscriptionId,
  resourceGroup: w.seed.resourceGroup,
  factoryName: w.seed.factoryName,
});

/** A Copy (4 DIU for one started minute), a Lookup (one minute) and the child below: 3 + 2 activity runs. */
const nested = (runtime?: ActivityScript['runtime']): ActivityScript[] => [
  { name: 'Copy', type: 'Copy', durationMs: 300, ...(runtime && { runtime }) },
  { name: 'Lookup', type: 'Lookup', durationMs: 300, ...(runtime && { runtime }) },
  { name: 'Run child', type: 'ExecutePipeline', child: { pipelineName: 'cost-child' } },
];
const many = (n: number): ActivityScript[] =>
  Array.from({ length: n }, (_, i) => ({ name: `Web ${i}`, type: 'WebActivity', startMs: 0, durationMs: 50 }));

const inputs = (more: Record<string, string>) => ({
  ...w.base,
  ...w.secretAuth,
  'poll-interval': '1s',
  'retail-prices-endpoint': w.emu.pricesUrl,
  ...more,
});
const run = (more: Record<string, string>) => step(w, { inputs: inputs(more), env: w.caEnv });
/** On a pull request, with `pr-comment`: the comment is in the emulator's GitHub afterwards. */
const onPullRequest = (more: Record<string, string>) =>
  step(w, {
    inputs: inputs({ ...more, 'pr-comment': 'true', 'github-token': w.emu.github.config.token }),
    env: { ...w.emu.githubEnv({ pullNumber: 1 }), GITHUB_WORKFLOW: 'CI', GITHUB_JOB: 'cost' },
  });
const lastComment = () => w.emu.github.comments('octo-org', 'octo-repo', 1).at(-1)?.body ?? '';
const json = (s: Step, name: string) => JSON.parse(s.r.outputs[name] || 'null') as Record<string, unknown>;
const activityReads = (s: Step) => s.ops('queryActivityRuns', 'arm');
const pricesReqs = (s: Step) => s.ops('retailPrices', 'prices');
const notices = (s: Step) => s.r.annotations.filter((a) => a.level === 'notice').map((a) => a.message);

// The emulator's eastus USD list prices (1.00 per 1K orchestration runs, 0.25 per DIU-hour, 0.005
// per pipeline-activity hour, 0.00025 per external-activity hour), and what cost-nested bills:
// 5 activity runs, 2 copies of 4 DIU for one minute, a Lookup and a Web activity of one minute each.
const NESTED_METERS = [
  { 'activity-type': 'DataMovement', 'meter-type': 'AzureIR', unit: 'DIUHours', quantity: 0.1333333333 },
  { 'activity-type': 'ExternalActivity', 'meter-type': 'AzureIR', unit: 'Hours', quantity: 0.01666666667 },
  { 'activity-type': 'PipelineActivity', 'meter-type': 'AzureIR', unit: 'Hours', quantity: 0.01666666667 },
];
const NESTED_USD_EASTUS = 5 * (1 / 1000) + (8 / 60) * 0.25 + (1 / 60) * 0.005 + (1 / 60) * 0.00025;

describe('billable units', () => {
  it('a run and its child run: every activity run counted, meters summed, a Cost line; no page read twice', async () => {
    const s = await run({ 'pipeline-name': 'cost-nested' });
    expectSuccess(s.r);
    expect(json(s, 'billing'), log(s.r)).toEqual({ 'activity-runs': 5, meters: NESTED_METERS, complete: true });
    expect(JSON.parse(s.r.outputs.runs!)[0].billing).toEqual(json(s, 'billing'));
    expect(json(s, 'estimated-cost')).toEqual({});
    // The summary's read of both levels is the billing read: one page each, nothing more.
    expect(activityReads(s)).toHaveLength(2);
    expect(pricesReqs(s)).toEqual([]);
    expect(s.r.summary).toContain(
      '**Cost:** 5 activity runs, 0.13 DIU-hours, 0.02 external-activity hours, 0.02 pipeline-activity hours',
    );
    expect(s.r.summary).not.toContain('estimate');
  });

  it("the older string shape is counted under the service's own key, with no unit, and never priced", async () => {
    const s = await run({ 'pipeline-name': 'cost-string', 'cost-estimate': 'true' });
    expectSuccess(s.r);
    expect(json(s, 'billing')).toEqual({
      'activity-runs': 2,
      meters: [
        { 'activity-type': 'DataMovement', 'meter-type': 'Managed', unit: '', quantity: 0.0667 },
        { 'activity-type': 'PipelineActivity', 'meter-type': 'AzureIR', unit: 'Hours', quantity: 0.01666666667 },
      ],
      complete: true,
    });
    const est = json(s, 'estimated-cost');
    // Orchestration and the Lookup are priced; the string-shaped copy is not, and the basis says so.
    expect(est.amount).toBeCloseTo(2 / 1000 + (1 / 60) * 0.005, 4);
    expect(est.basis).toMatch(/partial: 1 billed meter\(s\) have no list price/);
    expect(s.r.summary).toContain('0.07 DataMovement Managed (no unit)');
    expect(s.r.summary).toMatch(/at least 0\.0021 USD at list prices in eastus: an estimate, not your invoice/);
  });

  it('billing: false reads no page the report does not need, and the outputs are {}', async () => {
    const on = await run({ pipelines: '- cost-returns' });
    expectSuccess(on.r);
    const off = await run({ pipelines: '- cost-returns', billing: 'false' });
    expectSuccess(off.r);
    // The run carries its return value: without billing no activity run is read at all.
    expect(activityReads(off)).toHaveLength(0);
    expect(json(off, 'billing')).toEqual({});
    expect(JSON.parse(off.r.outputs.runs!)[0].billing).toEqual({});
    expect(off.r.summary).not.toContain('Cost');
    expect(activityReads(on)).toHaveLength(1);
    expect(json(on, 'billing')).toMatchObject({ 'activity-runs': 1, complete: true });
  });

  it('cap per run: 20 pages, then the totals say they are incomplete', async () => {
    w.emu.config.activityPageSize = 2;
    const s = await run({ pipelines: '- cost-cap-1' });
    expectSuccess(s.r);
    // 50 activity runs in pages of 2: 25 pages, of which 20 are read.
    expect(activityReads(s)).toHaveLength(20);
    expect(json(s, 'billing')).toMatchObject({ 'activity-runs': 40, complete: false });
    expect(s.r.summary).toContain('**Cost, all runs:** at least 40 activity runs');
  });

  it('caps: 20 pages per run and 100 per step; what they leave out makes the totals incomplete', async () => {
    w.emu.config.activityPageSize = 2;
    const names = [1, 2, 3, 4, 5, 6].map((i) => `cost-cap-${i}`);
    const s = await step(w, {
      inputs: inputs({ pipelines: names.map((n) => `- ${n}`).join('\n') }),
      env: w.caEnv,
      timeoutMs: 120_000,
    });
    expectSuccess(s.r);
    // Six runs of 25 pages each: 20 per run would be 120, the step's 100 stop them first.
    expect(activityReads(s)).toHaveLength(100);
    const runs = JSON.parse(s.r.outputs.runs!) as Array<{ billing: { 'activity-runs': number; complete: boolean } }>;
    for (const r of runs) {
      expect(r.billing.complete).toBe(false);
      expect(r.billing['activity-runs']).toBeLessThanOrEqual(40);
    }
    const total = json(s, 'billing');
    expect(total).toMatchObject({ 'activity-runs': 200, complete: false });
    expect(s.r.summary).toContain('**Cost, all runs:** at least 200 activity runs');
    expect(s.r.summary).toContain('Not every activity run could be read');
  });
});

describe('estimate at list prices', () => {
  it("priced in the factory's region (no runtime location): amount, currency, basis, the request's $filter, no credential", async () => {
    const s = await onPullRequest({ 'pipeline-name': 'cost-nested', 'cost-estimate': 'true' });
    expectSuccess(s.r);
    const est = json(s, 'estimated-cost');
    expect(est, log(s.r)).toMatchObject({ currency: 'USD', region: 'eastus' });
    expect(est.amount).toBeCloseTo(NESTED_USD_EASTUS, 4);
    expect(est.basis).toMatch(/^Azure retail list prices \(.+\), read \d{4}-\d{2}-\d{2}$/);
    expect(JSON.parse(s.r.outputs.runs!)[0]['estimated-cost']).toEqual(est);
    // The activities name no runtime location: one read of the factory gave its region.
    expect(s.ops('getFactory', 'arm').filter((q) => q.path === factoryPath(w))).toHaveLength(1);
    const [req, ...more] = pricesReqs(s);
    expect(more).toEqual([]);
    expect(req!.query.currencyCode).toBe("'USD'");
    expect(req!.query.$filter).toContain("serviceName eq 'Azure Data Factory v2' and armRegionName eq 'eastus'");
    expect(req!.query.$filter).toContain("priceType eq 'Consumption'");
    expectNoCredential(req!, s);
    const line =
      '**Cost:** 5 activity runs, 0.13 DIU-hours, 0.02 external-activity hours, 0.02 pipeline-activity hours; about 0.04 USD at list prices in eastus: an estimate, not your invoice';
    expect(s.r.summary).toContain(line);
    expect(lastComment()).toContain(line);
  });

  it("priced in the runtime's region, in another currency", async () => {
    const s = await run({ 'pipeline-name': 'cost-westeurope', 'cost-estimate': 'true', currency: 'eur' });
    expectSuccess(s.r);
    const est = json(s, 'estimated-cost');
    // The emulator's westeurope prices are eastus x 1.1, its EUR prices USD x 0.9.
    expect(est, log(s.r)).toMatchObject({ currency: 'EUR', region: 'westeurope' });
    // The child's two activities name no runtime: most of the run's ran in West Europe.
    expect(est.amount).toBeCloseTo(NESTED_USD_EASTUS * 1.1 * 0.9, 4);
    expect(s.ops('getFactory', 'arm')).toHaveLength(0);
    expect(pricesReqs(s)[0]!.query.$filter).toContain("armRegionName eq 'westeurope'");
    expect(pricesReqs(s)[0]!.query.currencyCode).toBe("'EUR'");
  });

  it('a batch: each run priced, one prices query for the region, the sums in the outputs', async () => {
    const s = await onPullRequest({ pipelines: '- cost-nested\n- cost-string', 'cost-estimate': 'true' });
    expectSuccess(s.r);
    expect(pricesReqs(s)).toHaveLength(1);
    const runs = JSON.parse(s.r.outputs.runs!) as Array<{
      billing: { 'activity-runs': number };
      'estimated-cost': { amount: number };
    }>;
    expect(runs.map((r) => r.billing['activity-runs'])).toEqual([5, 2]);
    expect(json(s, 'billing')).toMatchObject({ 'activity-runs': 7, complete: true });
    const total = json(s, 'estimated-cost');
    expect(total).toMatchObject({ currency: 'USD', region: 'eastus' });
    expect(total.amount).toBeCloseTo(runs[0]!['estimated-cost'].amount + runs[1]!['estimated-cost'].amount, 4);
    expect(s.r.summary).toContain('**Cost, all runs:** 7 activity runs');
    expect(s.r.summary).toMatch(/- `cost-nested`: 5 activity runs.*an estimate, not your invoice/);
    expect(s.r.summary).toMatch(/- `cost-string`: 2 activity runs/);
    const comment = lastComment();
    expect(comment).toContain('pipelines=cost-nested%2Ccost-string');
    expect(comment).toMatch(
      /\*\*Cost, all runs:\*\* 7 activity runs.*; at least 0\.0\d+ USD at list prices in eastus: an estimate, not your invoice/,
    );
    expect(comment).toMatch(/- `cost-nested`: 5 activity runs/);
    expectNoCredential(pricesReqs(s)[0]!, s);
  });

  it('a prices API that fails: a notice, estimated-cost {}, the units still there, the step succeeds', async () => {
    w.emu.faults.add({ service: 'prices', op: 'retailPrices', fault: { status: 500 }, count: Infinity });
    const s = await run({ 'pipeline-name': 'cost-nested', 'cost-estimate': 'true' });
    expectSuccess(s.r);
    expect(json(s, 'estimated-cost')).toEqual({});
    expect(json(s, 'billing')).toMatchObject({ 'activity-runs': 5, complete: true });
    expect(notices(s)).toEqual([
      expect.stringMatching(/^No cost estimate: the Azure Retail Prices API answered HTTP 500/),
    ]);
    expect(s.r.summary).toContain('**Cost:** 5 activity runs');
    expect(s.r.summary).not.toContain('USD');
  });

  it('a prices API that hangs: given up after 10 seconds with a notice, the step succeeds', async () => {
    w.emu.faults.add({ service: 'prices', op: 'retailPrices', fault: { hang: true }, count: Infinity });
    const s = await run({ 'pipeline-name': 'cost-nested', 'cost-estimate': 'true' });
    expectSuccess(s.r);
    expect(json(s, 'estimated-cost')).toEqual({});
    expect(notices(s)).toEqual([expect.stringMatching(/did not answer within 10 s/)]);
    const asked = pricesReqs(s)[0]!.at;
    const ended = s.r.startedAt + s.r.durationMs;
    expect(ended - asked).toBeLessThan(12_000);
    expect(ended - asked).toBeGreaterThan(8_000);
  }, 60_000);
});

/** No Authorization header, token, client secret or cookie reached the prices API. */
function expectNoCredential(req: RecordedRequest, s: Step): void {
  const headerNames = Object.keys(req.headers);
  expect(headerNames.filter((h) => /authorization|cookie|key|secret|token/i.test(h))).toEqual([]);
  const sent = JSON.stringify({ headers: req.headers, query: req.query, path: req.path });
  expect(sent).not.toMatch(/bearer|eyJ/i);
  expect(sent).not.toContain(w.seed.clientSecret);
  expect(sent).not.toContain(w.emu.github.config.token);
  for (const q of s.requests.filter((r) => r.service === 'arm'))
    expect(sent).not.toContain(/^Bearer\s+(\S+)$/i.exec(q.headers.authorization ?? '')?.[1] ?? '\u0000');
}

describe('Fabric', () => {
  const fabric = (more: Record<string, string>) =>
    step(w, {
      inputs: {
        service: 'fabric',
        workspace: DEFAULTS.fabricWorkspaceName,
        'service-endpoint': w.emu.fabricUrl,
        'authority-host': w.emu.entraUrl,
        ...w.secretAuth,
        'pipeline-name': 'daily-load',
        'poll-interval': '1s',
        'retail-prices-endpoint': w.emu.pricesUrl,
        'cost-estimate': 'true',
        ...more,
      },
      env: w.caEnv,
    });

  it("capacity-unit hours at Fabric's documented rates, no prices API", async () => {
    w.emu.config.fabricActivityBilling = true;
    try {
      const s = await fabric({});
      expectSuccess(s.r);
      const billing = json(s, 'billing') as {
        'activity-runs': number;
        meters: Array<{ 'activity-type': string; quantity: number }>;
      };
      expect(billing['activity-runs'], log(s.r)).toBe(4);
      // 1.5 CU-hours per data-movement hour, 0.0056 per non-copy activity run (2 of the 4).
      const movement = billing.meters
        .filter((m) => m['activity-type'] === 'DataMovement')
        .reduce((t, m) => t + m.quantity, 0);
      expect(movement).toBeGreaterThan(0);
      expect(json(s, 'estimated-cost')['capacity-unit-hours']).toBeCloseTo(movement * 1.5 + 2 * 0.0056, 4);
      expect(pricesReqs(s)).toEqual([]);
      expect(s.r.summary).toMatch(/capacity-unit hours at Fabric's documented rates: an estimate/);
    } finally {
      w.emu.config.fabricActivityBilling = false;
    }
  });

  it('without billed copy hours: the counts alone, and a notice', async () => {
    const s = await fabric({});
    expectSuccess(s.r);
    expect(json(s, 'billing')).toEqual({ 'activity-runs': 4, meters: [], complete: true });
    expect(json(s, 'estimated-cost')).toEqual({});
    expect(notices(s)).toEqual([expect.stringMatching(/^No capacity-unit estimate/)]);
    expect(s.r.summary).toContain('**Cost:** 4 activity runs');
  });
});

describe('Synapse', () => {
  it("priced at Data Factory's meters, in the runtime's region, and says so", async () => {
    const s = await step(w, {
      inputs: {
        service: 'synapse',
        workspace: w.seed.synapseWorkspace,
        'service-endpoint': w.emu.synapseEndpoint(),
        'authority-host': w.emu.entraUrl,
        ...w.secretAuth,
        'pipeline-name': 'daily-load',
        'poll-interval': '1s',
        'retail-prices-endpoint': w.emu.pricesUrl,
        'cost-estimate': 'true',
      },
      env: w.caEnv,
    });
    expectSuccess(s.r);
    expect(json(s, 'billing'), log(s.r)).toMatchObject({ 'activity-runs': 4, complete: true });
    const est = json(s, 'estimated-cost');
    // The copies ran on "AutoResolveIntegrationRuntime (East US)"; Synapse has no factory to read.
    expect(est).toMatchObject({ currency: 'USD', region: 'eastus' });
    expect(est.amount).toBeGreaterThan(0);
    expect(est.basis).toContain("Synapse priced at Data Factory's meters");
    expect(s.ops('getFactory', 'arm')).toEqual([]);
    expect(pricesReqs(s)).toHaveLength(1);
    expect(s.r.summary).toMatch(
      /\*\*Cost:\*\* 4 activity runs, .*about 0\.\d+ USD at list prices in eastus: an estimate, not your invoice/,
    );
  });
});
