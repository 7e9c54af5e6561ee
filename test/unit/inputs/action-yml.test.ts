// action.yml against the public contract (the Inputs and Outputs tables of action-interface.md):
// every contract input is declared with the contract's default, every contract output is declared,
// and action.yml declares nothing the contract does not name.
//
// The contract lives outside this repository (../shared/reference/action-interface.md from the repo
// root), which a clean clone does not have, so its two tables are checked in as
// test/fixtures/contract-io.json. That fixture was generated from the contract by this file:
//
//   UPDATE_CONTRACT_FIXTURE=1 npx vitest run test/unit/inputs/action-yml.test.ts
//
// (it parses the contract with parseContract below and writes the fixture). Where the contract is
// present, a further test checks that the fixture still matches it; elsewhere that test is skipped.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CONTRACT = resolve(ROOT, '../shared/reference/action-interface.md');
const FIXTURE = resolve(ROOT, 'test/fixtures/contract-io.json');

interface ContractIo {
  inputs: { name: string; default: string }[];
  outputs: string[];
}

/** A contract default as written (`''`, `auto`, `true`, `${{ github.token }}`) as action.yml holds it. */
function normaliseDefault(cell: string): string {
  let value = cell.trim();
  if (value.startsWith('`') && value.endsWith('`') && value.length >= 2) value = value.slice(1, -1);
  if (/^'.*'$/.test(value) || /^".*"$/.test(value)) value = value.slice(1, -1);
  return value;
}

/** The rows of the first Markdown table after `heading`, as cells (header and separator dropped). */
function tableRows(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`contract has no '${heading}' section`);
  const rest = markdown.slice(start + heading.length + 2);
  const end = rest.search(/^## /m);
  const lines = (end < 0 ? rest : rest.slice(0, end)).split('\n').filter((l) => l.trim().startsWith('|'));
  return lines
    .map((l) =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim()),
    )
    .slice(2);
}

/** Every backticked name in a cell: the Outputs table has one row for `run-start`, `run-end`. */
function names(cell: string): string[] {
  return [...cell.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!);
}

export function parseContract(markdown: string): ContractIo {
  const inputs = tableRows(markdown, '## Inputs').flatMap(([name, def]) =>
    names(name!).map((n) => ({ name: n, default: normaliseDefault(def!) })),
  );
  const outputs = tableRows(markdown, '## Outputs').flatMap(([name]) => names(name!));
  return { inputs, outputs };
}

function readFixture(): ContractIo {
  const { inputs, outputs } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as ContractIo;
  return { inputs, outputs };
}

interface ActionYml {
  inputs: Record<string, { description?: string; default?: unknown } | null>;
  outputs: Record<string, { description?: string } | null>;
}

const action = parse(readFileSync(resolve(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const contractPresent = existsSync(CONTRACT);

if (process.env.UPDATE_CONTRACT_FIXTURE === '1') {
  if (!contractPresent) throw new Error(`UPDATE_CONTRACT_FIXTURE=1 needs the contract at ${CONTRACT}`);
  const io = parseContract(readFileSync(CONTRACT, 'utf8'));
  const note =
    'Generated from ../shared/reference/action-interface.md (Inputs and Outputs tables) by ' +
    'UPDATE_CONTRACT_FIXTURE=1 npx vitest run test/unit/inputs/action-yml.test.ts; do not edit by hand.';
  writeFileSync(FIXTURE, JSON.stringify({ '//': note, ...io }, null, 2) + '\n');
}

describe('action.yml against the interface contract', () => {
  const contract = readFixture();
  const declaredInputs = action.inputs ?? {};
  const declaredOutputs = action.outputs ?? {};

  it('the fixture holds the whole contract, not a stub', () => {
    expect(contract.inputs.length).toBeGreaterThan(30);
    expect(contract.outputs).toEqual(expect.arrayContaining(['run-id', 'status', 'run-start', 'run-end', 'runs']));
  });

  it.each(contract.inputs.map((i) => [i.name, i.default] as const))(
    'input %s is declared with the default %j',
    (name, want) => {
      expect(Object.keys(declaredInputs), `action.yml has no input '${name}'`).toContain(name);
      const got = declaredInputs[name]?.default;
      expect(got === undefined || got === null ? '' : String(got), `default of '${name}'`).toBe(want);
    },
  );

  it.each(contract.outputs)('output %s is declared', (name) => {
    expect(Object.keys(declaredOutputs), `action.yml has no output '${name}'`).toContain(name);
  });

  it('declares no input and no output the contract does not name', () => {
    const known = new Set(contract.inputs.map((i) => i.name));
    expect(Object.keys(declaredInputs).filter((n) => !known.has(n))).toEqual([]);
    expect(Object.keys(declaredOutputs).filter((n) => !contract.outputs.includes(n))).toEqual([]);
  });

  it('describes every input and output', () => {
    const undescribed = [
      ...Object.entries(declaredInputs).map(([n, d]) => [`input ${n}`, d?.description] as const),
      ...Object.entries(declaredOutputs).map(([n, d]) => [`output ${n}`, d?.description] as const),
    ].filter(([, d]) => typeof d !== 'string' || d.trim() === '');
    expect(undescribed.map(([n]) => n)).toEqual([]);
  });

  it.skipIf(!contractPresent)(
    'the fixture matches the contract (skipped: ../shared/reference/action-interface.md is not present)',
    () => {
      expect(parseContract(readFileSync(CONTRACT, 'utf8'))).toEqual(contract);
    },
  );
});
