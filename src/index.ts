import { limitYoungGeneration } from './heap.js';
import { run } from './main.js';

limitYoungGeneration();

await run();
// The step is over when run() returns. A client's socket left open after a dropped connection
// (seen with @actions/artifact's HTTP client) must not hold the job until the runner's timeout.
process.exit();
