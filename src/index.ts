import { limitYoungGeneration } from './heap.js';
import { run } from './main.js';

limitYoungGeneration();

await run();
