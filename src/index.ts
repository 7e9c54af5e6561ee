// The action's main entry point: all logic lives in main.ts, loaded once start-up is prepared.
import { dropFormDataGlobal, enableCompileCache } from './runtime/startup.js';

enableCompileCache();
dropFormDataGlobal();
const { run } = await import('./main.js');
await run();
// Keep-alive sockets must not hold the step open once the work is done.
process.exit();
