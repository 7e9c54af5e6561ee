// Where Microsoft's REST examples live: the team's shared folder beside the clone when present,
// else the vendored copy (GitHub-hosted runners have no ../shared).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './action-runner.ts';

export const sharedSpecDir = path.resolve(repoRoot, '../shared/adf-spec');
export const vendoredSpecDir = path.resolve(repoRoot, 'test/fixtures/adf-spec');
export const specDir = existsSync(path.join(sharedSpecDir, 'examples')) ? sharedSpecDir : vendoredSpecDir;
