import { MemoryStore } from '../../../src-main/storage/memory-store.js';
import { persistenceContract } from './persistence-contract.js';
import { reportQueriesContract } from './report-queries-contract.js';

persistenceContract('MemoryStore', async (opts) => new MemoryStore(opts));
reportQueriesContract('MemoryStore', async (opts) => new MemoryStore(opts));
