import { MemoryStore } from '../../../src-main/storage/memory-store.js';
import { persistenceContract } from './persistence-contract.js';

persistenceContract('MemoryStore', async (opts) => new MemoryStore(opts));
