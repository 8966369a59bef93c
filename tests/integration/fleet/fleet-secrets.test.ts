// The fleet key and the PostgreSQL URL are secrets: never returned by getConfig, never in the
// audit log or health, never in log lines, and the placeholder posted back keeps them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REDACTED_SECRET, SECRET_CONFIG_KEYS, defaultConfig, type WellConfig } from '../../../src-shared/config.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import { DiskUploadQueue } from '../../../src-main/fleet/upload-queue.js';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { waitFor } from '../../support/fleet-ports.js';

const KEY = 'sk_fleet-secret-0123456789';
const NEW_KEY = 'sk_fleet-secret-rotated-9876';
const PG_URL = 'postgres://sairen:db-password-4711@db.example:5432/sairen';
const cleanup: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

it('keeps fleet.key and storage.postgres_url inside the engine', async () => {
  expect(SECRET_CONFIG_KEYS).toEqual(expect.arrayContaining(['server.token', 'fleet.key', 'storage.postgres_url']));
  const dir = mkdtempSync(join(tmpdir(), 'sairen-fleet-secrets-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const storage = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0 });
  cleanup.push(() => storage.dispose());
  const queue = await DiskUploadQueue.open({ dataDir: dir });
  cleanup.push(() => queue.close());
  const base = defaultConfig();
  const config: WellConfig = {
    ...base,
    storage: { ...base.storage, postgres_url: PG_URL },
    // A hub that is not there: the link fails and logs why.
    fleet: { ...base.fleet, hub_url: 'http://127.0.0.1:1', rig_id: 'RIG-S', key: KEY },
  };
  const lines: string[] = [];
  const engine = createEngine(config, {
    storage, uploadQueue: queue, dataDir: dir, healthIntervalMs: 0, log: (l) => lines.push(l),
    fleetTiming: { uploadIdleMs: 50, firstSyncMs: 0, syncJitterMs: 0 },
  });
  cleanup.push(() => engine.dispose());
  await engine.start();

  const got = await engine.call('getConfig', {});
  expect(got.ok && got.value.fleet.key).toBe(REDACTED_SECRET);
  expect(got.ok && got.value.storage.postgres_url).toBe(REDACTED_SECRET);
  expect(got.ok && got.value.fleet.rig_id).toBe('RIG-S');

  // Settings posts the whole form back: the placeholders keep the secrets.
  const echoed = got.ok ? { ...got.value, fleet: { ...got.value.fleet, sync_interval_s: 7200 } } : {};
  const kept = await engine.call('applyConfig', { config: echoed, actor: 'CM' });
  expect(kept.ok && kept.value.applied).toBe(true);
  expect(engine.config().fleet.key).toBe(KEY);
  expect(engine.config().storage.postgres_url).toBe(PG_URL);
  // A new key is taken, and audited as hidden.
  const rotated = await engine.call('applyConfig', { config: { fleet: { key: NEW_KEY } }, actor: 'CM' });
  expect(rotated.ok && rotated.value.applied).toBe(true);
  expect(engine.config().fleet.key).toBe(NEW_KEY);
  const audit = await engine.call('getAudit', { limit: 50 });
  const change = (audit.ok ? audit.value : []).find((e) => e.summary.includes('fleet.key'));
  expect(change?.after).toEqual({ 'fleet.key': REDACTED_SECRET });

  // The link to the absent hub fails, says so in health and the log, never with the key.
  await waitFor(async () => {
    const h = await engine.call('getHealth', {});
    return h.ok && h.value.fleet?.hubReachable === false;
  }, 20_000, 'the fleet link to report the hub unreachable');
  const health = await engine.call('getHealth', {});
  const everything = JSON.stringify([health, audit, got, lines]);
  for (const secret of [KEY, NEW_KEY, 'db-password-4711']) expect(everything).not.toContain(secret);
});
