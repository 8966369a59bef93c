// What the PostgreSQL store adds beyond the shared contract: one engine per database, an
// append-only record enforced by the server, NUL-safe text, and messages that never show the
// password.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { defaultConfig } from '../../../src-shared/config.js';
import { openPostgresStorage as openStorage } from '../../../src-main/storage/open-storage.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../src-main/storage/postgres-store.js';
import { makeAdvisory } from '../../unit/storage/fixtures.js';
import { freshDatabase, type TestDatabase } from '../../support/pg.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase('pg_store');
});
afterAll(async () => {
  await db?.drop();
});

const schema = () => `s_${randomBytes(4).toString('hex')}`;

describe('PostgresStore', () => {
  it('lets one engine at a time use a database, and the next one after it closes', async () => {
    const s = schema();
    const a = await PostgresStore.open({ url: db.url, schema: s, metricsFlushMs: 0 });
    await expect(PostgresStore.open({ url: db.url, schema: s, metricsFlushMs: 0 })).rejects.toThrow(/another SAIREN engine is using this database/);
    await a.dispose();
    const b = await PostgresStore.open({ url: db.url, schema: s, metricsFlushMs: 0 });
    await b.dispose();
  });

  it('refuses to change or delete acknowledgements and audit entries (server-side triggers)', async () => {
    const s = schema();
    const store = await PostgresStore.open({ url: db.url, schema: s, metricsFlushMs: 0 });
    await store.appendAudit({ timeMs: 1, actor: 'eng', kind: 'config-change', summary: 'x' });
    await store.acknowledge({ advisoryId: 'ADV-1', timeMs: 2, actor: 'JD', action: 'flow check', notes: '' });
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await expect(c.query(`UPDATE ${s}.audit SET summary = 'edited'`)).rejects.toThrow(/append-only/);
      await expect(c.query(`DELETE FROM ${s}.acknowledgements`)).rejects.toThrow(/append-only/);
    } finally {
      await c.end();
      await store.dispose();
    }
  });

  it('keeps text with NUL characters (PostgreSQL cannot store them) and keeps JSON documents queryable', async () => {
    const s = schema();
    const store = await PostgresStore.open({ url: db.url, schema: s, metricsFlushMs: 0 });
    const a = makeAdvisory({ timeMs: 5000 });
    a.template.diagnosis = 'kick\u0000suspected';
    await store.saveAdvisory(a);
    expect((await store.getAdvisory(a.id))?.template.diagnosis).toBe('kick\uFFFDsuspected');
    const ack = await store.acknowledge({ advisoryId: a.id, timeMs: 6000, actor: 'J\u0000D', action: 'flow check', notes: '' });
    expect((await store.listAcknowledgements({ advisoryId: a.id }))[0]).toMatchObject({ id: ack.id, actor: 'J\uFFFDD' });
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      const r = await c.query(`SELECT doc->'template'->>'recommendation' AS rec FROM ${s}.advisories WHERE id = $1`, [a.id]);
      expect(r.rows[0].rec).toBe(a.template.recommendation);
    } finally {
      await c.end();
      await store.dispose();
    }
  });

  it('says where it could not connect without showing the password', async () => {
    const u = new URL(db.url);
    u.password = 'sup3r-secret';
    u.port = '1'; // nothing listens there
    const err = await PostgresStore.open({ url: u.toString(), metricsFlushMs: 0 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^cannot open PostgreSQL storage 127\.0\.0\.1:1\//);
    expect((err as Error).message).not.toContain('sup3r-secret');
  });

  it('reports the database going away in health, and keeps an advisory in memory until it can be written', async () => {
    const s = schema();
    const store = await PostgresStore.open({ url: db.url, schema: s, metricsFlushMs: 0 });
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      // Take the table away under the store: the write fails, the advisory is kept and readable.
      await c.query(`ALTER TABLE ${s}.advisories RENAME TO advisories_away`);
      const a = makeAdvisory({ timeMs: 7000 });
      await expect(store.saveAdvisory(a)).rejects.toThrow(/kept in memory/);
      expect(store.health()).toMatchObject({ status: 'unhealthy', pendingAdvisories: 1 });
      expect(await store.getAdvisory(a.id)).toEqual(a);
      await c.query(`ALTER TABLE ${s}.advisories_away RENAME TO advisories`);
      await store.flushMetrics();
      expect(store.health()).toMatchObject({ status: 'healthy', pendingAdvisories: 0 });
      const row = await c.query(`SELECT id FROM ${s}.advisories WHERE id = $1`, [a.id]);
      expect(row.rowCount).toBe(1);
    } finally {
      await c.end();
      await store.dispose();
    }
  });

  it('is what the engine opens when storage.kind = "postgres", holding the data directory too', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-pgboot-'));
    const base = defaultConfig();
    const config = { ...base, storage: { ...base.storage, kind: 'postgres' as const, postgres_url: db.url, metrics_flush_ms: 0 } };
    try {
      const store = await openStorage(config, dataDir);
      expect(store.kind).toBe('postgres');
      await expect(openStorage(config, dataDir)).rejects.toThrow(/already|another|lock|running/i);
      await store.saveAdvisory(makeAdvisory({ timeMs: 9000 }));
      expect(await store.listAdvisories({})).toHaveLength(1);
      await store.dispose();
      const again = await openStorage(config, dataDir);
      expect(await again.listAdvisories({})).toHaveLength(1);
      await again.dispose();
      await expect(openStorage({ ...config, storage: { ...config.storage, postgres_url: '' } }, dataDir)).rejects.toThrow('storage.postgres_url is empty');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
