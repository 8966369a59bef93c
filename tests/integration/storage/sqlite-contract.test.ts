// The shared contract over a real SQLite file in a temp dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { persistenceContract, type StoreFactory } from '../../unit/storage/persistence-contract.js';
import { reportQueriesContract } from '../../unit/storage/report-queries-contract.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const sqlite: StoreFactory = async (opts) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-contract-'));
  dirs.push(dataDir);
  return SqliteStore.open({ dataDir, metricsFlushMs: 0, metricsRetentionDays: opts?.metricsRetentionDays });
};

persistenceContract('SqliteStore', sqlite);
reportQueriesContract('SqliteStore', sqlite);
