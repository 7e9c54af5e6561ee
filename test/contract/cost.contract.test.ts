// Contract of the cost modules against the emulator: the Retail Prices client (src/cost/prices.ts)
// against the emulated Retail Prices API (paging, failure, a hang within the 10-second limit, no
// credential sent), and the billing read (src/cost/read-billing.ts) through the real Data Factory
// client against the emulated ARM, counting the HTTP pages it spends.
import { Agent } from 'node:https';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readRunBilling, stepReadBudget } from '../../src/cost/read-billing.js';
import { estimateCost } from '../../src/cost/estimate.js';
import { RetailPrices, retailPricesFilter, type PriceListResult } from '../../src/cost/prices.js';
import { RestClient } from '../../src/http/rest-client.js';
import { factoryResourceId } from '../../src/services/data-factory/ids.js';
import { API_VERSION, parseArmError } from '../../src/services/data-factory/client.js';
import { DataFactoryService } from '../../src/services/data-factory/service.js';
import { isFinal, type RunView } from '../../src/model/run.js';
import { DEFAULTS, startEmulator, type Emulator } from '../emulator/index.ts';
import { http } from './helpers.ts';

let emu: Emulator;
let agent: Agent;

beforeAll(async () => {
  emu = await startEmulator({ seed: true });
  agent = new Agent({ ca: emu.caPem, keepAlive: true });
});
afterAll(async () => {
  agent.destroy();
  await emu.close();
});
beforeEach(() => {
  emu.faults.clear();
  emu.clearRequests();
  emu.prices.config.pageSize = 100;
});

const prices = (o: { timeLimitMs?: number; endpoint?: string } = {}) =>
  new RetailPrices({ endpoint: emu.pricesUrl, agent, userAgent: 'run-adf-pipeline-action/test', ...o });
const items = (r: PriceListResult) => (r.ok ? r.list.items : []);

describe('Retail Prices client', () => {
  it("asks for Data Factory's pay-as-you-go prices in one region and currency, and sends no credential", async () => {
    const r = await prices().prices('eastus', 'usd');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.list).toMatchObject({ region: 'eastus', currency: 'USD', source: new URL(emu.pricesUrl).host });
    expect(r.list.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The product filter keeps the SSIS meters out; priceType keeps dev/test prices out.
    expect(new Set(r.list.items.map((i) => i.productName))).toEqual(
      new Set([
        'Azure Data Factory v2',
        'Azure Data Factory v2 Data Flow - General Purpose',
        'Azure Data Factory v2 Data Flow - Memory Optimized',
        'Azure Data Factory v2 Data Flow - Compute Optimized',
      ]),
    );
    expect(r.list.items.every((i) => i.type === 'Consumption' && i.armRegionName === 'eastus')).toBe(true);

    const [req, ...more] = emu.requestsFor('retailPrices', 'prices');
    expect(more).toEqual([]);
    expect(req!.method).toBe('GET');
    expect(req!.path).toBe('/api/retail/prices');
    expect(req!.query.currencyCode).toBe("'USD'");
    expect(req!.query.$filter).toBe(
      "serviceName eq 'Azure Data Factory v2' and armRegionName eq 'eastus' and priceType eq 'Consumption' and " +
        "(productName eq 'Azure Data Factory v2' or productName eq 'Azure Data Factory v2 Data Flow - General Purpose' or " +
        "productName eq 'Azure Data Factory v2 Data Flow - Memory Optimized' or productName eq 'Azure Data Factory v2 Data Flow - Compute Optimized')",
    );
    expect(req!.query.$filter).toBe(retailPricesFilter('eastus'));
    // Public API: no Authorization, no cookie, no key of any kind.
    const names = Object.keys(req!.headers);
    expect(names.filter((h) => /authorization|cookie|key|secret|token/i.test(h))).toEqual([]);
    expect(JSON.stringify(req!.headers)).not.toMatch(/bearer|eyJ|secret/i);
    expect(req!.headers['user-agent']).toContain('run-adf-pipeline-action/test');
  });

  it('follows NextPageLink through every page', async () => {
    emu.prices.config.pageSize = 4;
    const r = await prices().prices('westeurope', 'EUR');
    const reqs = emu.requestsFor('retailPrices', 'prices');
    // 17 Data Factory meters in the catalog: 5 pages of 4.
    expect(items(r)).toHaveLength(17);
    expect(reqs).toHaveLength(5);
    expect(reqs.map((q) => q.query.$skip)).toEqual([undefined, '4', '8', '12', '16']);
    expect(
      reqs.every((q) => q.query.$filter === retailPricesFilter('westeurope') && q.query.currencyCode === "'EUR'"),
    ).toBe(true);
    expect(items(r).every((i) => i.currencyCode === 'EUR' && i.armRegionName === 'westeurope')).toBe(true);
  });

  it('asks once per region and currency in a step', async () => {
    const p = prices();
    await Promise.all([p.prices('eastus', 'USD'), p.prices('EastUS', 'USD'), p.prices('eastus', 'usd')]);
    await p.prices('eastus', 'EUR');
    await p.prices('westeurope', 'USD');
    expect(
      emu
        .requestsFor('retailPrices', 'prices')
        .map((q) => [q.query.currencyCode, q.query.$filter?.match(/armRegionName eq '(\w+)'/)?.[1]]),
    ).toEqual([
      ["'USD'", 'eastus'],
      ["'EUR'", 'eastus'],
      ["'USD'", 'westeurope'],
    ]);
  });

  it('a failing API gives a reason, never an exception', async () => {
    emu.faults.add({ service: 'prices', op: 'retailPrices', fault: { status: 500, message: 'Something broke' } });
    await expect(prices().prices('eastus', 'USD')).resolves.toEqual({
      ok: false,
      reason: 'the Azure Retail Prices API answered HTTP 500: Something broke',
    });
  });

  it('a failure on a later page fails the whole list (no half-priced estimate)', async () => {
    emu.prices.config.pageSize = 4;
    emu.faults.add({ service: 'prices', op: 'retailPrices', skip: 2, fault: { status: 503 } });
    const r = await prices().prices('eastus', 'USD');
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('HTTP 503') });
  });

  it('an API that hangs is given up after 10 seconds', async () => {
    emu.faults.add({ service: 'prices', op: 'retailPrices', fault: { hang: true } });
    const t0 = Date.now();
    const r = await prices().prices('eastus', 'USD');
    const took = Date.now() - t0;
    expect(r).toEqual({ ok: false, reason: 'the Azure Retail Prices API did not answer within 10 s' });
    expect(took).toBeGreaterThanOrEqual(9_900);
    expect(took).toBeLessThan(12_000);
  }, 20_000);

  it('the limit covers all pages together', async () => {
    emu.prices.config.pageSize = 4;
    emu.faults.add({ service: 'prices', op: 'retailPrices', count: Infinity, fault: { latencyMs: 400 } });
    const t0 = Date.now();
    const r = await prices({ timeLimitMs: 1_000 }).prices('eastus', 'USD');
    expect(r).toEqual({ ok: false, reason: 'the Azure Retail Prices API did not answer within 1 s' });
    expect(Date.now() - t0).toBeLessThan(1_900);
  });

  it('an unreachable API, an unknown region and bad inputs give reasons', async () => {
    const refused = await prices({ endpoint: emu.unresolvableUrl('prices') }).prices('eastus', 'USD');
    expect(refused).toMatchObject({ ok: false, reason: expect.stringContaining('could not be reached (ENOTFOUND)') });
    expect(await prices().prices('marsnorth', 'USD')).toEqual({
      ok: false,
      reason: 'the Azure Retail Prices API lists no Azure Data Factory v2 prices in marsnorth (USD)',
    });
    expect(await prices().prices("eastus' or 1 eq 1", 'USD')).toMatchObject({ ok: false });
    expect(await prices().prices('eastus', 'dollars')).toEqual({
      ok: false,
      reason: "'DOLLARS' is not a currency code (three letters, such as USD or EUR)",
    });
    expect(await prices({ endpoint: 'not a url' }).prices('eastus', 'USD')).toMatchObject({ ok: false });
  });
});

describe('billing read against the emulated Data Factory', () => {
  const service = () =>
    new DataFactoryService(
      {
        service: 'data-factory',
        resourceManager: emu.armUrl,
        subscriptionId: DEFAULTS.subscriptionId,
        resourceGroup: DEFAULTS.resourceGroup,
        factoryName: DEFAULTS.factoryName,
        studioHost: 'https://adf.azure.com',
      },
      new RestClient({
        baseUrl: `${emu.armUrl}${factoryResourceId(DEFAULTS.subscriptionId, DEFAULTS.resourceGroup, DEFAULTS.factoryName)}`,
        scope: `${emu.armUrl}/.default`,
        apiVersion: API_VERSION,
        credential: () => ({
          getToken: () =>
            Promise.resolve({
              token: emu.mintAccessToken({ audience: emu.armUrl }),
              expiresOnTimestamp: Date.now() + 3_600_000,
            }),
        }),
        userAgent: 'test',
        requestTimeoutMs: 10_000,
        agent,
        parseError: parseArmError,
      }),
    );

  async function runToEnd(s: DataFactoryService, pipelineName: string): Promise<RunView> {
    const { runId } = await s.startRun({ pipelineName, parameters: {}, flags: {} });
    for (;;) {
      const view = await s.getRun({ runId, pipelineName });
      if (isFinal(view.status)) return view;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('adds up nested runs in both billingReference shapes and prices them from the region of the runtime', async () => {
    emu.addPipeline({
      ...DEFAULTS,
      name: 'cost-child',
      script: {
        activities: [
          { name: 'Copy old', type: 'Copy', durationMs: 50, billing: 'string' },
          { name: 'Lookup', type: 'Lookup', durationMs: 50, runtime: { location: 'West Europe' } },
        ],
      },
    });
    emu.addPipeline({
      ...DEFAULTS,
      name: 'cost-parent',
      script: {
        activities: [
          {
            name: 'Copy',
            type: 'Copy',
            durationMs: 50,
            output: { usedDataIntegrationUnits: 4 },
            runtime: { location: 'West Europe' },
          },
          { name: 'Web', type: 'WebActivity', durationMs: 50 },
          { name: 'Child', type: 'ExecutePipeline', child: { pipelineName: 'cost-child' } },
        ],
      },
    });
    const s = service();
    const run = await runToEnd(s, 'cost-parent');
    emu.clearRequests();
    const r = await readRunBilling(s, run, stepReadBudget());
    expect(r.tally.billing).toEqual({
      'activity-runs': 5,
      meters: [
        // One started minute of 4 DIUs; the older shape is listed with no unit.
        { 'activity-type': 'DataMovement', 'meter-type': 'AzureIR', unit: 'DIUHours', quantity: 0.06666666667 },
        { 'activity-type': 'DataMovement', 'meter-type': 'Managed', unit: '', quantity: 0.0667 },
        { 'activity-type': 'ExternalActivity', 'meter-type': 'AzureIR', unit: 'Hours', quantity: 0.01666666667 },
        { 'activity-type': 'PipelineActivity', 'meter-type': 'AzureIR', unit: 'Hours', quantity: 0.01666666667 },
      ],
      complete: true,
    });
    expect(r.region).toBe('westeurope');
    expect(r.reads).toBe(2);
    expect(emu.requestsFor('queryActivityRuns', 'arm')).toHaveLength(2);

    const list = await prices().prices(r.region, 'USD');
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const e = estimateCost(r.tally, list.list);
    expect(e.estimate).toMatchObject({ currency: 'USD', region: 'westeurope' });
    // 5 runs x 1.10/1K + 1/15 DIU-h x 0.275 + 1/60 h x 0.000275 + 1/60 h x 0.0055 = 0.02393
    expect(e.estimate.amount).toBe(0.0239);
    expect(e.partial).toBe(true);
  });

  it('counts each page against the caps and says incomplete when they leave runs out', async () => {
    emu.config.activityPageSize = 2;
    try {
      emu.addPipeline({
        ...DEFAULTS,
        name: 'cost-many',
        script: {
          phases: [{ status: 'Queued', ms: 20 }],
          activities: Array.from({ length: 50 }, (_, i) => ({
            name: `W${i}`,
            type: 'Wait',
            startMs: 0,
            durationMs: 30,
          })),
        },
      });
      const s = service();
      const run = await runToEnd(s, 'cost-many');
      emu.clearRequests();
      const budget = stepReadBudget();
      const r = await readRunBilling(s, run, budget);
      expect(emu.requestsFor('queryActivityRuns', 'arm')).toHaveLength(20);
      expect(r.tally.billing).toMatchObject({ 'activity-runs': 40, complete: false });
      expect(budget.remaining).toBe(80);

      emu.clearRequests();
      const small = stepReadBudget(5);
      const capped = await readRunBilling(s, run, small);
      expect(emu.requestsFor('queryActivityRuns', 'arm')).toHaveLength(5);
      expect(capped.tally.billing).toMatchObject({ 'activity-runs': 10, complete: false });

      emu.clearRequests();
      const all = await readRunBilling(s, run, stepReadBudget(), { readsPerRun: 25 });
      expect(emu.requestsFor('queryActivityRuns', 'arm')).toHaveLength(25);
      expect(all.tally.billing).toMatchObject({ 'activity-runs': 50, complete: true });
    } finally {
      emu.config.activityPageSize = 100;
    }
  });
});

describe('the emulated Retail Prices API', () => {
  it('refuses a filter it does not emulate with an error body, which the client reports', async () => {
    const r = await http(
      emu,
      'GET',
      `${emu.pricesUrl}/api/retail/prices?$filter=${encodeURIComponent("contains(meterName, 'Cloud')")}`,
    );
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ Error: { Code: 'InvalidFilter', Message: expect.any(String) } });
  });

  it('answers in the documented envelope', async () => {
    const r = await http(
      emu,
      'GET',
      `${emu.pricesUrl}/api/retail/prices?currencyCode='EUR'&$filter=${encodeURIComponent("meterName eq 'Cloud Data Movement' and priceType eq 'Consumption'")}`,
    );
    expect(Object.keys(r.json)).toEqual([
      'BillingCurrency',
      'CustomerEntityId',
      'CustomerEntityType',
      'Items',
      'NextPageLink',
      'Count',
    ]);
    expect(r.json).toMatchObject({ BillingCurrency: 'EUR', NextPageLink: null, Count: 2 });
    expect(
      r.json.Items.map((i: { armRegionName: string; retailPrice: number }) => [i.armRegionName, i.retailPrice]),
    ).toEqual([
      ['eastus', 0.225],
      ['westeurope', 0.2475],
    ]);
  });

  it('integrationRuntimeLocation puts every activity on a runtime there; control activities on none', async () => {
    emu.config.integrationRuntimeLocation = 'West Europe';
    try {
      emu.addPipeline({
        ...DEFAULTS,
        name: 'cost-located',
        script: {
          activities: [
            { name: 'Lookup', type: 'Lookup', durationMs: 30 },
            { name: 'Wait', type: 'Wait', durationMs: 30 },
          ],
        },
      });
      const created = await http(
        emu,
        'POST',
        `${emu.armUrl}/subscriptions/${DEFAULTS.subscriptionId}/resourceGroups/${DEFAULTS.resourceGroup}/providers/Microsoft.DataFactory/factories/${DEFAULTS.factoryName}/pipelines/cost-located/createRun?api-version=2018-06-01`,
        { headers: { authorization: `Bearer ${emu.mintAccessToken({ audience: emu.armUrl })}` } },
      );
      const runId = created.json.runId as string;
      for (let i = 0; i < 100 && emu.runStatus(runId) !== 'Succeeded'; i++) await new Promise((r) => setTimeout(r, 50));
      const [lookup, wait] = emu.activityRuns(runId);
      expect(lookup).toMatchObject({
        executionDetails: {
          integrationRuntime: [{ name: 'AutoResolveIntegrationRuntime', type: 'Managed', location: 'West Europe' }],
        },
        output: { billingReference: { activityType: 'PipelineActivity' } },
      });
      expect(wait).not.toHaveProperty('executionDetails');
      expect(wait!.output).toEqual({});
    } finally {
      emu.config.integrationRuntimeLocation = null;
    }
  });
});
