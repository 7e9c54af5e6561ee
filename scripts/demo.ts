// `npm run demo`: starts the local ADF emulator, runs the built action (dist/) against a scripted
// pipeline exactly as a workflow step would, and prints the step's log, its outputs and the job
// summary. `npm run demo -- nightly-fail` shows a failing run instead.
// `npm run demo -- synapse [pipeline]` and `npm run demo -- fabric [pipeline]` run the same against
// the emulated Azure Synapse and Microsoft Fabric workspaces. `npm run demo -- batch` runs three
// pipelines in one step (`pipelines`, `max-parallel: 2`), one of which fails. `npm run demo -- rerun`
// shows "Re-run failed jobs": a first attempt whose last activity fails, and a second attempt of the
// same workflow run (GITHUB_RUN_ATTEMPT=2) that recovers it, rerunning only what failed.
import { DEFAULTS, RERUN_PIPELINES } from '../test/emulator/index.ts';
import { runStep, type StepResult } from '../test/support/action-runner.ts';
import { startWorld, type World } from '../test/support/scenario.ts';

const service = ['synapse', 'fabric'].includes(process.argv[2] ?? '') ? process.argv[2] : 'data-factory';
const serviceInputs = (w: World): Record<string, string> => {
  switch (service) {
    // service: synapse — the workspace's development endpoint at the emulator; the Studio link
    // needs the workspace's subscription and resource group.
    case 'synapse':
      return {
        service,
        workspace: DEFAULTS.synapseWorkspace,
        'service-endpoint': w.emu.synapseEndpoint(),
        'subscription-id': w.seed.subscriptionId,
        'resource-group': w.seed.resourceGroup,
        'authority-host': w.emu.entraUrl,
      };
    // service: fabric — the workspace and pipeline by display name, Fabric's API at the emulator.
    case 'fabric':
      return {
        service,
        workspace: DEFAULTS.fabricWorkspaceName,
        'service-endpoint': w.emu.fabricUrl,
        'authority-host': w.emu.entraUrl,
      };
    default:
      return w.base;
  }
};
const serviceName = { 'data-factory': 'ADF', synapse: 'Synapse', fabric: 'Fabric' }[service];
const batch = process.argv[2] === 'batch';
const pipeline = batch ? 'batch' : ((service === 'data-factory' ? process.argv[2] : process.argv[3]) ?? 'daily-load');
const DEMO_PARAMETERS =
  'batchSize: 250\nfullRefresh: "true"\ntables: [customers, orders, invoices]\napiKey: s3cr3t-demo-value';
/** Each item of a batch is checked against its own pipeline: daily-load's parameters are its own. */
const BATCH = `- name: daily-load\n  parameters:\n${DEMO_PARAMETERS.split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}\n- quick\n- nightly-fail`;
const rule = (title: string) =>
  console.log(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`);

function renderLog(r: StepResult): string {
  // Show the log as GitHub does: commands become annotations, masks are applied.
  return r.stdout
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('::add-mask::') && !l.startsWith('::debug::'))
    .map((l) => {
      const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(l);
      if (!m) return l;
      const title = /title=([^,]*)/.exec(m[2] ?? '')?.[1];
      const text = m[3].replace(/%0A/g, '\n').replace(/%25/g, '%');
      const label = { error: '\x1b[31mError', warning: '\x1b[33mWarning', notice: '\x1b[36mNotice' }[m[1]];
      return `${label}${title ? ` (${decodeURIComponent(title.replace(/%3A/g, ':').replace(/%2C/g, ','))})` : ''}:\x1b[0m ${text}`;
    })
    .join('\n');
}

/** Two attempts of one job's step, as the runner gives them: the same run, the attempt raised. */
async function rerunDemo(w: World): Promise<void> {
  w.emu.addRerunPipelines();
  const inputs = {
    ...w.base,
    ...w.oidcAuth,
    'pipeline-name': RERUN_PIPELINES.failsOnce,
    'poll-interval': '1s',
    timeout: '2m',
  };
  const runnerEnv = (attempt: number) => ({
    ...w.oidcEnv,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_RUN_ID: '7300000001',
    GITHUB_JOB: 'load',
    GITHUB_ACTION: 'run-pipeline',
    GITHUB_RUN_ATTEMPT: String(attempt),
  });
  rule(`Workflow step: run ADF pipeline '${RERUN_PIPELINES.failsOnce}' (its last activity fails once)`);
  for (const [k, v] of Object.entries(inputs)) {
    if (!['resource-manager-endpoint', 'authority-host'].includes(k)) console.log(`  ${k}: ${v}`);
  }
  const attempts: StepResult[] = [];
  for (const n of [1, 2]) {
    rule(`Attempt ${n}: GITHUB_RUN_ATTEMPT=${n}${n > 1 ? ' ("Re-run failed jobs")' : ''}, log`);
    const r = await runStep({ inputs, env: runnerEnv(n) });
    attempts.push(r);
    console.log(renderLog(r));
    rule(`Attempt ${n}: exit code ${r.exitCode}${r.exitCode === 0 ? ' (step succeeded)' : ' (step failed)'}`);
    for (const k of ['run-id', 'status', 'started', 'earlier-run-id', 'tries'])
      console.log(`  ${k} = ${r.outputs[k] ?? ''}`);
  }
  const [first, second] = attempts as [StepResult, StepResult];
  rule('Attempt 2: job summary (Markdown)');
  console.log(second.summary);
  // What the recovery run left out: the activities that had succeeded in attempt 1's run.
  const firstId = first.outputs['run-id']!;
  const recoveryId = second.outputs['run-id']!;
  const rerun = new Set(w.emu.activityRuns(recoveryId).map((a) => a.activityName));
  const skipped = w.emu.activityRuns(firstId).filter((a) => a.status === 'Succeeded' && !rerun.has(a.activityName));
  const savedMs = skipped.reduce((sum, a) => sum + (a.durationInMs ?? 0), 0);
  const took = (id: string) => (w.emu.runView(id)?.durationInMs ?? 0) / 1000;
  rule('What the recovery saved');
  console.log(
    `  The recovery run ${recoveryId} reran ${[...rerun].map((n) => `'${n}'`).join(', ')} and skipped ${skipped.length} ` +
      `activities that had succeeded (${skipped.map((a) => `'${a.activityName}'`).join(', ')}): ` +
      `${(savedMs / 1000).toFixed(1)} s of activity time not spent again.`,
  );
  console.log(
    `  Run ${firstId} took ${took(firstId).toFixed(1)} s; the recovery run took ${took(recoveryId).toFixed(1)} s.`,
  );
}

const w = await startWorld();
if (process.argv[2] === 'rerun') {
  try {
    await rerunDemo(w);
  } finally {
    await w.emu.close();
  }
  process.exit(0);
}
try {
  const inputs = {
    ...serviceInputs(w),
    ...w.oidcAuth,
    ...(batch
      ? { pipelines: BATCH, 'max-parallel': '2' }
      : { 'pipeline-name': pipeline, parameters: pipeline === 'daily-load' ? DEMO_PARAMETERS : '' }),
    timeout: '2m',
  };
  rule(
    `Workflow step: run ${batch ? `three ${serviceName} pipelines in one step` : `${serviceName} pipeline '${pipeline}'`} (OIDC sign-in, local emulator)`,
  );
  for (const [k, v] of Object.entries(inputs)) {
    if (!['resource-manager-endpoint', 'authority-host', 'service-endpoint'].includes(k))
      console.log(`  ${k}: ${v.includes('\n') ? `|\n    ${v.split('\n').join('\n    ')}` : v}`);
  }
  rule('Log');
  const r = await runStep({ inputs, env: w.oidcEnv });
  console.log(renderLog(r));
  rule(`Exit code ${r.exitCode}${r.exitCode === 0 ? ' (step succeeded)' : ' (step failed)'}`);
  rule('Outputs');
  for (const [k, v] of Object.entries(r.outputs)) console.log(`  ${k} = ${v.length > 160 ? `${v.slice(0, 160)}…` : v}`);
  rule('Job summary (Markdown)');
  console.log(r.summary);
  rule('What reached "Azure"');
  for (const q of w.emu.requests)
    console.log(`  ${q.service.padEnd(6)} ${q.method.padEnd(4)} ${q.op.padEnd(20)} → ${q.status}`);
  const post = await runStep({ inputs, env: w.oidcEnv, entry: 'post', state: r.state });
  rule(`Post step: exit code ${post.exitCode}`);
  console.log(renderLog(post) || '  (nothing to clean up: the main step finished with the run)');
} finally {
  await w.emu.close();
}
