// ncc emits ES modules as index.js; mark each bundle folder as ESM so Node loads them as such.
import { writeFileSync } from 'node:fs';

for (const dir of ['dist/main', 'dist/post']) {
  writeFileSync(`${dir}/package.json`, '{\n  "type": "module"\n}\n');
}
