// ncc writes into its output folder without emptying it, and chunk file names change with the
// code: start each build from empty folders so no stale chunk is committed.
import { rmSync } from 'node:fs';

for (const dir of ['dist/main', 'dist/post']) rmSync(dir, { recursive: true, force: true });
