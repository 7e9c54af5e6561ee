// The action's post entry point (runs.post): all logic lives in post.ts, loaded once start-up is
// prepared.
import { dropFormDataGlobal, enableCompileCache } from './runtime/startup.js';

enableCompileCache();
dropFormDataGlobal();
const { post } = await import('./post.js');
await post();
process.exit();
