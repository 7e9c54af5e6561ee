// Where Microsoft's REST examples and the real recordings live: the team's shared folder beside the clone
// when present, else the vendored copies (GitHub-hosted runners have no ../shared).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './action-runner.ts';

export const sharedSpecDir = path.resolve(repoRoot, '../shared/adf-spec');
export const vendoredSpecDir = path.resolve(repoRoot, 'test/fixtures/adf-spec');
export const specDir = existsSync(path.join(sharedSpecDir, 'examples')) ? sharedSpecDir : vendoredSpecDir;

export const sharedRecordingsDir = path.resolve(repoRoot, '../shared/real-recordings');
export const vendoredRecordingsDir = path.resolve(repoRoot, 'test/fixtures/real-recordings');
/** Only the vendored files are guaranteed in the shared folder's place; both hold them under the same names. */
export const recordingsDir = existsSync(sharedRecordingsDir) ? sharedRecordingsDir : vendoredRecordingsDir;
