// `npm run demo`: starts the local ADF emulator, runs the built action (dist/) against a scripted
// pipeline exactly as a workflow step would, and prints the step's log, its outputs and the job
// summary. `npm run demo -- nightly-fail` shows a failing run instead.
// `npm run demo -- fabric [pipeline]` runs the same against the emulated Microsoft Fabric workspace.
import { DEFAULTS } from '../test/emulator/index.ts';
import { runStep, type StepResult } from '../test/support/action-runner.ts';
import { startWorld, type World } from '../test/support/scenario.ts';

// service: fabric — the workspace and pipeline by display name, Fabric's API at the emulator.
const fabric = process.argv[2] === 'fabric';
const fabricInputs = (w: World): Record<string, string> => ({
  service: 'fabric',
  workspace: DEFAULTS.fabricWorkspaceName,
  'service-endpoint': w.emu.fabricUrl,
  'authority-host': w.emu.entraUrl,
});
const pipeline = (fabric ? process.argv[3] : process.argv[2]) ?? 'daily-load';
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

const w = await startWorld();
try {
  const inputs = {
    ...(fabric ? fabricInputs(w) : w.base),
    ...w.oidcAuth,
    'pipeline-name': pipeline,
    parameters:
      pipeline === 'daily-load'
        ? 'batchSize: 250\nfullRefresh: "true"\ntables: [customers, orders, invoices]\napiKey: s3cr3t-demo-value'
        : '',
    timeout: '2m',
  };
  rule(`Workflow step: run ${fabric ? 'Fabric' : 'ADF'} pipeline '${pipeline}' (OIDC sign-in, local emulator)`);
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
