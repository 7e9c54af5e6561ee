import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { sharedRecordingsDir, sharedSpecDir, vendoredRecordingsDir, vendoredSpecDir } from '../support/spec.ts';

const exampleDirs = ['examples', 'synapse/examples', 'fabric/examples'];
const files = [
  'datafactory-2018-06-01.pipeline-runs.extract.json',
  'fabric/fabric-job-scheduler.extract.json',
  ...exampleDirs.flatMap((d) => readdirSync(path.join(vendoredSpecDir, d)).map((f) => `${d}/${f}`)),
];

test.runIf(existsSync(sharedSpecDir))('the vendored spec examples equal ../shared/adf-spec', () => {
  for (const f of files) {
    expect(readFileSync(path.join(vendoredSpecDir, f), 'utf8'), f).toBe(
      readFileSync(path.join(sharedSpecDir, f), 'utf8'),
    );
  }
  for (const d of exampleDirs) {
    const shared = readdirSync(path.join(sharedSpecDir, d)).filter((f) => f.endsWith('.json'));
    expect(shared.map((f) => `${d}/${f}`).sort(), d).toEqual(files.filter((f) => f.startsWith(`${d}/`)).sort());
  }
});

test.runIf(existsSync(sharedRecordingsDir))('the vendored recordings equal ../shared/real-recordings', () => {
  const vendored = readdirSync(vendoredRecordingsDir).filter((f) => f.endsWith('.json'));
  // Every Synapse and Fabric recording is vendored (the ADF ones are not used by the contract tests).
  const wanted = readdirSync(sharedRecordingsDir).filter((f) =>
    /^(azure-cli__synapse|azure-sdk-for-net__synapse|fabric-cli__)/.test(f),
  );
  expect(vendored.sort()).toEqual(wanted.sort());
  for (const f of vendored) {
    expect(readFileSync(path.join(vendoredRecordingsDir, f), 'utf8'), f).toBe(
      readFileSync(path.join(sharedRecordingsDir, f), 'utf8'),
    );
  }
});
