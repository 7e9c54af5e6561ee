// The cold trigger per service: `wait: false` with client-secret sign-in against the emulated ADF,
// Synapse and Fabric, each run a fresh process as on a runner (warm compile cache), with the
// requests each service's start costs.
import { startWorld, type World } from '../test/support/scenario.ts';
import { DEFAULTS } from '../test/emulator/index.ts';
import {
  ACTION_MAIN,
  NODE,
  StepDir,
  countOps,
  describeOps,
  fail,
  log,
  ms,
  runProcess,
  summarize,
  table,
  type Summary,
} from './common.ts';

export interface ServiceTrigger {
  service: string;
  wall: Summary;
  requests: string;
  requestCount: number;
}

function inputsFor(w: World, service: string): Record<string, string> {
  const common = { ...w.secretAuth, 'pipeline-name': 'daily-load', wait: 'false', 'authority-host': w.emu.entraUrl };
  switch (service) {
    case 'synapse':
      return { ...common, service, workspace: DEFAULTS.synapseWorkspace, 'service-endpoint': w.emu.synapseEndpoint() };
    case 'fabric':
      return { ...common, service, workspace: DEFAULTS.fabricWorkspaceName, 'service-endpoint': w.emu.fabricUrl };
    default:
      return { ...common, ...w.base };
  }
}

export async function benchServices(o: { runs: number; warmups: number }): Promise<ServiceTrigger[]> {
  const w = await startWorld();
  const results: ServiceTrigger[] = [];
  try {
    for (const service of ['data-factory', 'synapse', 'fabric']) {
      const walls: number[] = [];
      let ops: Record<string, number> = {};
      for (let i = 0; i < o.warmups + o.runs; i++) {
        const step = new StepDir();
        w.emu.clearRequests();
        const r = await runProcess(NODE, [ACTION_MAIN], { env: step.env(inputsFor(w, service), w.caEnv) });
        step.remove();
        if (r.exitCode !== 0) fail(`${service} trigger`, r);
        if (i >= o.warmups) walls.push(r.wallMs);
        ops = countOps(w.emu.requests.filter((q) => q.service !== 'oidc'));
      }
      results.push({
        service,
        wall: summarize(walls),
        requests: describeOps(ops),
        requestCount: Object.values(ops).reduce((a, b) => a + b, 0),
      });
      log(`services: ${service} median ${ms(summarize(walls).median)}`);
    }
  } finally {
    await w.emu.close();
  }
  return results;
}

export function renderServices(rows: ServiceTrigger[]): string {
  return [
    '## 1b. Cold trigger per service (`wait: false`, client-secret sign-in, warm compile cache)\n',
    table(
      ['service', 'median', 'min', 'max', 'requests', 'which'],
      rows.map((r) => [r.service, ms(r.wall.median), ms(r.wall.min), ms(r.wall.max), r.requestCount, r.requests]),
    ),
    '',
    'Synapse needs the same requests as ADF (read the definition, createRun, read the run); Fabric has no definition to read; instead it looks up the workspace and the pipeline by display name (none with IDs).',
    '',
  ].join('\n');
}
