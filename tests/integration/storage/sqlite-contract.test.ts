// The shared contract over a real SQLite file in a temp dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { persistenceContract } from '../../unit/storage/persistence-contract.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

persistenceContract('SqliteStore', async (opts) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-contract-'));
  dirs.push(dataDir);
  return SqliteStore.open({ dataDir, metricsFlushMs: 0, metricsRetentionDays: opts?.metricsRetentionDays });
});
