// What the billing read adds at a run's end (issue 20): for a run of 10, 100 and 1,000 activity
// runs, the HTTP pages it reads (ADF pages hold 100 activity runs, as observed) and its wall time,
// in process against the emulator (real HTTPS, the real Data Factory client). Alone:
// `node bench/billing.ts` (Node 24; `npx tsx bench/billing.ts` on older Node). Not the action's whole end phase: the lifecycle reads a failed run's
// activities anyway, and passes them in (`known`), which saves the first page.
import { Agent } from 'node:https';
import { readRunBilling, stepReadBudget } from '../src/cost/read-billing.ts';
import { RestClient } from '../src/http/rest-client.ts';
import { factoryResourceId } from '../src/services/data-factory/ids.ts';
import { API_VERSION, parseArmError } from '../src/services/data-factory/client.ts';
import { DataFactoryService } from '../src/services/data-factory/service.ts';
import { isFinal } from '../src/model/run.ts';
import { DEFAULTS, startEmulator } from '../test/emulator/index.ts';

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

const rows: string[] = [
  '| activity runs | pages read | complete | median ms | max ms |',
  '| ---: | ---: | :---: | ---: | ---: |',
];
try {
  for (const n of [10, 100, 1000]) {
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
    await readRunBilling(service, run, stepReadBudget()); // warm-up: connection, token
    const times: number[] = [];
    let reads = 0;
    let complete = true;
    for (let k = 0; k < 7; k++) {
      const t0 = performance.now();
      const r = await readRunBilling(service, run, stepReadBudget());
      times.push(performance.now() - t0);
      reads = r.reads;
      complete = r.tally.billing.complete;
    }
    times.sort((a, b) => a - b);
    rows.push(`| ${n} | ${reads} | ${complete ? 'yes' : 'no'} | ${times[3]!.toFixed(1)} | ${times[6]!.toFixed(1)} |`);
  }
} finally {
  agent.destroy();
  await emu.close();
}
console.log(rows.join('\n'));
