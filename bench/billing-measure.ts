// The measurement of section 5 of `npm run bench` (bench/billing.ts), in a process of its own: the
// action's sources run here without a build, which needs Node's type transform (parameter
// properties) and bench/src-hooks.ts (`./x.js` imports of src/ resolved to `./x.ts`). Prints the
// rows as one JSON line.
import { Agent } from 'node:https';
import { readRunBilling, stepReadBudget } from '../src/cost/read-billing.ts';
import { RestClient } from '../src/http/rest-client.ts';
import { factoryResourceId } from '../src/services/data-factory/ids.ts';
import { API_VERSION, parseArmError } from '../src/services/data-factory/client.ts';
import { DataFactoryService } from '../src/services/data-factory/service.ts';
import { isFinal, type ActivityRun, type RunView } from '../src/model/run.ts';
import { DEFAULTS, startEmulator } from '../test/emulator/index.ts';
import type { BillingRow } from './billing.ts';

const SIZES = [10, 100, 1000];
const REPEATS = 7;

async function measureBilling(): Promise<BillingRow[]> {
  const emu = await startEmulator({ seed: true });
  const agent = new Agent({ ca: emu.caPem, keepAlive: true });
  const service = new DataFactoryService(
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
      userAgent: 'bench',
      requestTimeoutMs: 30_000,
      agent,
      parseError: parseArmError,
    }),
  );

  const rows: BillingRow[] = [];
  try {
    for (const n of SIZES) {
      const run = await endedRun(emu, service, n);
      await readRunBilling(service, run, stepReadBudget()); // warm-up: connection, token
      const alone = await measure(() => readRunBilling(service, run, stepReadBudget()));
      const known: ActivityRun[] = alone.last.rows;
      const withKnown = await measure(() => readRunBilling(service, run, stepReadBudget(), { known }));
      rows.push({
        activityRuns: alone.last.tally.billing['activity-runs'],
        alone: {
          pages: alone.last.reads,
          complete: alone.last.tally.billing.complete,
          medianMs: alone.medianMs,
          maxMs: alone.maxMs,
        },
        known: { pages: withKnown.last.reads, medianMs: withKnown.medianMs },
      });
    }
  } finally {
    agent.destroy();
    await emu.close();
  }
  return rows;
}

async function endedRun(
  emu: Awaited<ReturnType<typeof startEmulator>>,
  service: DataFactoryService,
  n: number,
): Promise<RunView> {
  const name = `bench-billing-${n}`;
  emu.addPipeline({
    ...DEFAULTS,
    name,
    script: {
      activities: Array.from({ length: n }, (_, i) => ({
        name: `A${i}`,
        type: i % 3 === 0 ? 'Copy' : i % 3 === 1 ? 'Lookup' : 'Wait',
        startMs: 0,
        durationMs: 20,
      })),
    },
  });
  const { runId } = await service.startRun({ pipelineName: name, parameters: {}, flags: {} });
  let run = await service.getRun({ runId, pipelineName: name });
  while (!isFinal(run.status)) {
    await new Promise((r) => setTimeout(r, 100));
    run = await service.getRun({ runId, pipelineName: name });
  }
  return run;
}

async function measure<T>(f: () => Promise<T>): Promise<{ last: T; medianMs: number; maxMs: number }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let k = 0; k < REPEATS; k++) {
    const t0 = performance.now();
    last = await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { last: last!, medianMs: times[Math.floor(REPEATS / 2)]!, maxMs: times[REPEATS - 1]! };
}

process.stdout.write(`${JSON.stringify(await measureBilling())}\n`);
