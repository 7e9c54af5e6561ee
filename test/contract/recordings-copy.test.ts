import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { RECORDING_FILES, sharedRecordingsDir, vendoredRecordingsDir } from '../support/recordings.ts';

test.runIf(existsSync(sharedRecordingsDir))('the vendored recordings equal ../shared/real-recordings', () => {
  for (const f of RECORDING_FILES) {
    expect(readFileSync(path.join(vendoredRecordingsDir, f), 'utf8'), f).toBe(
      readFileSync(path.join(sharedRecordingsDir, f), 'utf8'),
    );
  }
});

test('every recording the contract tests use is vendored', () => {
  for (const f of RECORDING_FILES) expect(existsSync(path.join(vendoredRecordingsDir, f)), f).toBe(true);
});
