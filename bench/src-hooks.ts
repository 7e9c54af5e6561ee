// Lets the bench import the action's sources in process on Node 24 without a build: src/ imports
// its siblings as `./x.js` (as the TypeScript compiler and ncc want), which Node's type stripping
// does not map to `./x.ts`. Imported for its side effect, before any module of src/ is loaded.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.includes('/src/')) {
      const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (existsSync(fileURLToPath(ts)) && !existsSync(fileURLToPath(new URL(specifier, context.parentURL))))
        return next(ts.href, context);
    }
    return next(specifier, context);
  },
});
