// `npm run render-summary [-- PIPELINE OUT.png]`: runs `npm run demo` (the built action
// against the local emulator), takes the job summary it prints, renders that Markdown to HTML
// roughly as GitHub shows a job summary (marked, github-markdown-css, mermaid for the gantt chart)
// and screenshots it with headless Chromium (Debian: apt-get install -y chromium; CHROMIUM names
// another binary). Writes docs/job-summary.png by default. Not part of CI; re-run it when the
// summary's look changes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { marked } from 'marked';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pipeline = process.argv[2] ?? 'daily-load';
const out = path.resolve(root, process.argv[3] ?? 'docs/job-summary.png');
const chromium = process.env.CHROMIUM ?? 'chromium';
const WIDTH = 1100;

// 1. The summary, exactly as `npm run demo` prints it (between two of its section rules).
let demo = '';
try {
  demo = execFileSync('npm', ['run', '--silent', 'demo', '--', pipeline], { cwd: root, encoding: 'utf8' });
} catch (err) {
  demo = String((err as { stdout?: string }).stdout ?? ''); // a failing pipeline's step exits non-zero
}
// eslint-disable-next-line no-control-regex
const plain = demo.replace(/\x1b\[[0-9;]*m/g, '');
const summary = /── Job summary \(Markdown\) ─+\n([\s\S]*?)\n── /.exec(plain)?.[1];
if (!summary?.trim()) throw new Error(`npm run demo -- ${pipeline} printed no job summary:\n${plain}`);

// 2. Markdown to HTML: GitHub renders ```mermaid blocks as diagrams.
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
marked.use({
  gfm: true,
  renderer: {
    code({ text, lang }) {
      return lang === 'mermaid' ? `<pre class="mermaid">${escape(text)}</pre>\n` : false;
    },
  },
});
const body = await marked.parse(summary);
const asset = (p: string) => pathToFileURL(path.join(root, 'node_modules', p)).href;
const html = `<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="${asset('github-markdown-css/github-markdown-light.css')}">
<style>
  html, body { margin: 0; background: #f6f8fa; }
  .frame { width: ${WIDTH - 32}px; margin: 16px; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
  .title { padding: 12px 24px; border-bottom: 1px solid #d1d9e0; font: 600 14px -apple-system, 'Segoe UI', 'Liberation Sans', 'DejaVu Sans', sans-serif; color: #1f2328; }
  .markdown-body { padding: 16px 24px 8px; font-family: -apple-system, 'Segoe UI', 'Liberation Sans', 'DejaVu Sans', sans-serif, 'Noto Color Emoji'; }
  .markdown-body pre.mermaid { background: transparent; padding: 0; text-align: center; }
</style>
<script src="${asset('mermaid/dist/mermaid.min.js')}"></script>
</head><body>
<div class="frame"><div class="title">load summary</div>
<div class="markdown-body">
${body}
</div></div>
<script>
  mermaid.initialize({ startOnLoad: false, theme: 'default' });
  mermaid.run().finally(() => { document.body.dataset.height = String(Math.ceil(document.querySelector('.frame').getBoundingClientRect().bottom) + 16); });
</script>
</body></html>
`;

// 3. Chromium: once to measure the page after mermaid has drawn, once to take the picture.
const work = mkdtempSync(path.join(os.tmpdir(), 'render-summary-'));
try {
  const page = path.join(work, 'summary.html');
  writeFileSync(page, html);
  const flags = (profile: string) => [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    '--allow-file-access-from-files',
    '--force-device-scale-factor=1',
    '--virtual-time-budget=10000',
    `--user-data-dir=${path.join(work, profile)}`,
  ];
  const dom = execFileSync(chromium, [...flags('measure'), `--window-size=${WIDTH},2000`, '--dump-dom', page], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1]);
  if (!height) throw new Error('The page did not finish rendering (no data-height): is mermaid there?');
  mkdirSync(path.dirname(out), { recursive: true });
  execFileSync(chromium, [...flags('shot'), `--window-size=${WIDTH},${height}`, `--screenshot=${out}`, page], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  console.log(`Wrote ${path.relative(root, out)} (${WIDTH}×${height}) from the job summary of '${pipeline}'.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
