// The engine's store as configured: the SQLite file in the data directory (default), or a
// PostgreSQL database (storage.kind = "postgres") for rigs that report on it in SQL. Either way
// the data directory is held by one engine at a time (it also keeps the baseline and settings).
import type { WellConfig } from '../../src-shared/config.js';
import { acquireInstanceLock } from './instance-lock.js';
import type { PersistenceLayer } from './persistence.js';
import { PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';

export async function openStorage(config: WellConfig, dataDir: string): Promise<PersistenceLayer> {
  const s = config.storage;
  if (s.kind !== 'postgres') {
    return SqliteStore.open({ dataDir, metricsFlushMs: s.metrics_flush_ms, metricsRetentionDays: s.metrics_retention_days });
  }
  if (!s.postgres_url) throw new Error('storage.kind is "postgres" but storage.postgres_url is empty');
  const lock = acquireInstanceLock(dataDir);
  try {
    return await PostgresStore.open({ url: s.postgres_url, metricsFlushMs: s.metrics_flush_ms, metricsRetentionDays: s.metrics_retention_days, onClose: () => lock.release() });
  } catch (e) {
    lock.release();
    throw e;
  }
}
