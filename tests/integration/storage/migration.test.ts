// A database made by the release before alarm events (schema version 1: tests/fixtures/db, written
// by that release's engine on the simulated kick, with three acknowledgements by a person) opens
// in today's store: every migration applies, nothing a person acknowledged is lost, and the old
// advisories and acknowledgements read back next to the new records.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src-main/storage/migrations.js';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';

const FIXTURE = new URL('../../fixtures/db/sairen-v1.db', import.meta.url).pathname;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrating a version-1 database', () => {
  it('keeps every acknowledgement, advisory and audit entry and accepts new records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sairen-migrate-'));
    dirs.push(dir);
    copyFileSync(FIXTURE, join(dir, 'sairen.db'));
    const store = SqliteStore.open({ dataDir: dir });
    try {
      const acks = await store.listAcknowledgements({ limit: 100 });
      expect(acks).toHaveLength(3);
      expect(acks.every((a) => a.actor === 'Day driller Ø. Ås' && a.action === 'flow check')).toBe(true);
      for (const a of acks) expect(await store.getAdvisory(a.advisoryId)).not.toBeNull();
      expect(acks.every((a) => a.eventId === undefined)).toBe(true);
      expect(await store.listAdvisories({ limit: 1000 })).toHaveLength(25);
      const audit = await store.listAudit({ limit: 100 });
      expect(audit.filter((e) => e.kind === 'acknowledgement')).toHaveLength(3);
      expect(audit.some((e) => e.kind === 'campaign-switch')).toBe(true);
      // New records beside the old ones.
      await store.appendAudit({ timeMs: Date.now(), actor: 'system', kind: 'alarm-event', summary: 'raised', subject: 'EVT-1' });
      expect((await store.listAudit({ subject: 'EVT-1' }))).toHaveLength(1);
      expect(await store.listEvents({})).toEqual([]);
      // The append-only rule still holds on the migrated tables.
      expect(() => (store as unknown as { db: { exec(s: string): void } }).db.exec('DELETE FROM acknowledgements')).toThrow(/append-only/);
    } finally {
      await store.dispose();
    }
    // Reopening applies nothing twice.
    const again = SqliteStore.open({ dataDir: dir });
    expect(await again.listAcknowledgements({})).toHaveLength(3);
    await again.dispose();
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(3);
  });
});
