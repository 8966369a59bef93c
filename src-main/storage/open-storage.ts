// The engine's store on PostgreSQL (storage.kind = "postgres"), for rigs that report on their
// record in SQL. The data directory is still held by one engine at a time (it keeps the
// baseline, settings, recall index and upload queue); the lock goes when the store closes.
import type { WellConfig } from '../../src-shared/config.js';
import { acquireInstanceLock } from './instance-lock.js';
import type { PersistenceLayer } from './persistence.js';
import { PostgresStore } from './postgres-store.js';

export async function openPostgresStorage(config: WellConfig, dataDir: string): Promise<PersistenceLayer> {
  const s = config.storage;
  if (!s.postgres_url) throw new Error('storage.kind is "postgres" but storage.postgres_url is empty');
  const lock = acquireInstanceLock(dataDir);
  try {
    return await PostgresStore.open({ url: s.postgres_url, metricsFlushMs: s.metrics_flush_ms, metricsRetentionDays: s.metrics_retention_days, onClose: () => lock.release() });
  } catch (e) {
    lock.release();
    throw e;
  }
}
