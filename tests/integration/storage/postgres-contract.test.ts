// The shared PersistenceLayer contract over a real PostgreSQL server: one fresh database for
// this file, a fresh schema per store (so each test starts empty), all dropped at the end.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { PostgresStore } from '../../../src-main/storage/postgres-store.js';
import { freshDatabase, type TestDatabase } from '../../support/pg.js';
import { persistenceContract } from '../../unit/storage/persistence-contract.js';
import { reportQueriesContract } from '../../unit/storage/report-queries-contract.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase('pg_contract');
});
afterAll(async () => {
  await db?.drop();
});

const factory = async (opts?: { metricsRetentionDays?: number }) =>
  PostgresStore.open({ url: db.url, schema: `s_${randomBytes(4).toString('hex')}`, metricsFlushMs: 0, metricsRetentionDays: opts?.metricsRetentionDays });
persistenceContract('PostgresStore', factory);
reportQueriesContract('PostgresStore', factory);
