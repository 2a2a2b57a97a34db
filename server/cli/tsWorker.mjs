// Entry point for worker threads: Node 20 does not pass tsx's loader hooks on to workers, so
// each thread registers tsx itself and then loads the TypeScript module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
