// The action's main entry point: all logic lives in main.ts.
import { run } from './main.js';

await run();
// Keep-alive sockets must not hold the step open once the work is done.
process.exit();
