// The README is the five-minute path: small enough to read (at most 35 KB), setup first in three
// numbered steps, one line per input that matches action.yml, and the two contributor commands.
// CONTRIBUTING.md lists what CI runs: the same commands as .ci/run, in the same order.
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { read, ROOT } from './markdown.js';

const readme = read('README.md');
const action = parse(read('action.yml')) as { inputs: Record<string, { default?: unknown }> };

/** The rows of the first table after `heading`, as trimmed cells. */
function tableAfter(markdown: string, heading: string): string[][] {
  const rest = markdown.slice(markdown.indexOf(`\n${heading}\n`) + heading.length + 2);
  const section = rest.slice(0, rest.search(/^## /m) >>> 0);
  const rows = section.split('\n').filter((l) => l.startsWith('|'));
  return rows.slice(2).map((l) =>
    l
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim()),
  );
}

describe('README.md', () => {
  it('is at most 35 KB', () => {
    expect(statSync(path.join(ROOT, 'README.md')).size).toBeLessThanOrEqual(35_000);
  });

  it('puts the numbered setup first: identity, roles, workflow', () => {
    const headings = [...readme.matchAll(/^#{2,3} .+$/gm)].map((m) => m[0]);
    expect(headings.slice(0, 4)).toEqual([
      '## Setup',
      '### 1. An identity and its federated credential',
      '### 2. Roles',
      '### 3. The workflow',
    ]);
  });

  it('has one roles table for the three services', () => {
    const [header] = readme
      .slice(readme.indexOf('### 2. Roles'))
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(header).toMatch(/Data Factory.*Synapse.*Fabric/);
  });

  it('lists every input of action.yml, in order, with its default', () => {
    const rows = tableAfter(readme, '## Inputs').map(([name, def]) => [
      name!.replace(/`/g, ''),
      def!.replace(/^`|`$/g, '').replace(/^''$/, ''),
    ]);
    const declared = Object.entries(action.inputs).map(([name, d]) => [name, String(d.default ?? '')]);
    expect(rows).toEqual(declared);
  });

  it('names the supported runners', () => {
    for (const runner of ['ubuntu-latest', 'windows-latest', 'macos-latest']) expect(readme).toContain(runner);
  });

  it('gives the two contributor commands and links CONTRIBUTING.md', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
    expect(readme).toContain('(CONTRIBUTING.md)');
  });
});

describe('CONTRIBUTING.md', () => {
  const contributing = read('CONTRIBUTING.md');

  it('gives the two commands', () => {
    expect(contributing).toContain('npm ci && npm run demo');
    expect(contributing).toContain('npm ci && npm test');
  });

  it('lists the npm commands .ci/run runs, in its order', () => {
    const ci = [...read('.ci/run').matchAll(/^\s*(?:if\s+)?(npm (?:ci|test|run [\w:-]+(?: -- [\w-]+)?))/gm)].map(
      (m) => m[1]!,
    );
    const section = contributing.slice(contributing.indexOf('## What CI runs'));
    const listed = [
      ...section.slice(0, section.indexOf('\n## ', 3)).matchAll(/`(npm (?:ci|test|run [\w:-]+(?: -- [\w-]+)?))`/g),
    ]
      .map((m) => m[1]!)
      .filter((c) => ci.includes(c));
    expect(ci.length).toBeGreaterThan(5);
    expect([...new Set(listed)]).toEqual(ci);
  });
});
