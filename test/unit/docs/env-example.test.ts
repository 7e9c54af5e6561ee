// .env.example (a real factory, `npm run local-action -- --env .env`) and the emulator's template
// (test/emulator/local-action.env) name inputs as local-action reads them: INPUT_ + the action.yml
// name upper-cased. A renamed input would otherwise be silently ignored there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
const inputs = Object.keys((parse(read('action.yml')) as { inputs: Record<string, unknown> }).inputs);

/** Every INPUT_ name a file sets, commented-out examples included. */
function inputNames(text: string): string[] {
  return [...text.matchAll(/^#?\s*INPUT_([A-Z0-9-]+)=/gm)].map((m) => m[1]!.toLowerCase());
}

describe.each(['.env.example', 'test/emulator/local-action.env'])('%s', (file) => {
  const names = inputNames(read(file));

  it('sets inputs', () => {
    expect(names.length).toBeGreaterThan(5);
  });

  it('names only inputs action.yml declares', () => {
    expect(names.filter((n) => !inputs.includes(n))).toEqual([]);
  });
});

describe('.env.example', () => {
  const text = read('.env.example');
  it('signs in with the Azure CLI by default and shows the client-secret alternative', () => {
    expect(text).toMatch(/^INPUT_AUTH=azure-cli$/m);
    expect(text).toMatch(/^# INPUT_AUTH=client-secret$/m);
    expect(text).toContain('az login');
  });
  it('says how to run it', () => {
    expect(text).toContain('npm run local-action -- --env .env');
  });
});
