// Starts the TypeScript report worker when the engine runs from source (tsx, vitest): a
// worker thread does not inherit the parent's loader, so it registers tsx itself first.
// The compiled desktop build starts pdf-worker.js directly and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
