import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { sharedSpecDir, vendoredSpecDir } from '../support/spec.ts';

const files = [
  'datafactory-2018-06-01.pipeline-runs.extract.json',
  ...readdirSync(path.join(vendoredSpecDir, 'examples')).map((f) => `examples/${f}`),
];

test.runIf(existsSync(sharedSpecDir))('the vendored spec examples equal ../shared/adf-spec', () => {
  for (const f of files) {
    expect(readFileSync(path.join(vendoredSpecDir, f), 'utf8'), f).toBe(
      readFileSync(path.join(sharedSpecDir, f), 'utf8'),
    );
  }
  const shared = readdirSync(path.join(sharedSpecDir, 'examples')).filter((f) => f.endsWith('.json'));
  expect(shared.map((f) => `examples/${f}`).sort()).toEqual(files.filter((f) => f.startsWith('examples/')).sort());
});
