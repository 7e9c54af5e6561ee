// The action's post entry point (runs.post): all logic lives in post.ts.
import { post } from './post.js';

await post();
process.exit();
