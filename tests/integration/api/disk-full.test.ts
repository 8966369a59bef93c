// Issue 9 item 9: with the record full (SQLite at its page limit: the same SQLITE_FULL a full
// disk gives) or the saved settings unwritable, a change happens completely (audited, saved,
// applied) or not at all, and the answer says so: HTTP 503 with the reason, never a 500, and
// nothing left switched in memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import type { Engine } from '../../../src-main/app/engine.js';
import { RuntimeSettingsFile } from '../../../src-main/config/runtime-settings.js';
import { startApiServer, type ApiServer } from '../../../src-main/headless/server.js';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { makeAdvisory } from '../../unit/storage/fixtures.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

interface Rig {
  engine: Engine;
  server: ApiServer;
  dir: string;
  db: Database.Database;
  storage: SqliteStore;
  advisoryId: string;
  /** Fills the database to its page limit: every further write gets SQLITE_FULL. */
  fill(): void;
}

async function rig(): Promise<Rig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-full-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  let db: Database.Database | null = null;
  const storage = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0, onOpen: (d) => (db = d) });
  const engine = createEngine(defaultConfig(), { storage, dataDir: dir, settingsFile: new RuntimeSettingsFile(dir), healthIntervalMs: 0, source: { kind: 'simulator', scenario: 'normal', seed: 1, speed: 1 } });
  await engine.start();
  const server = await startApiServer(engine, { host: '127.0.0.1', port: 0 });
  cleanup.push(async () => {
    await server.close();
    await engine.dispose();
    await storage.dispose();
  });
  const a = makeAdvisory({ timeMs: Date.UTC(2025, 0, 1) });
  await storage.saveAdvisory(a);
  const handle = db as unknown as Database.Database;
  return {
    engine, server, dir, db: handle, storage, advisoryId: a.id,
    fill() {
      handle.pragma(`max_page_count = ${handle.pragma('page_count', { simple: true }) as number}`);
      const put = handle.prepare("INSERT INTO audit (time_ms, actor, kind, summary, before_json, after_json) VALUES (0, 'filler', 'llm-mode', ?, 'null', 'null')");
      for (let i = 0; i < 100_000; i++) {
        try {
          put.run('x'.repeat(2000));
        } catch {
          return; // SQLITE_FULL: the page limit is reached
        }
      }
      throw new Error('could not fill the database');
    },
  };
}

const post = (r: Rig, p: string, body: unknown) =>
  fetch(`${r.server.url}/api/v1${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const realAudit = (r: Rig) => (r.db.prepare("SELECT kind, summary FROM audit WHERE actor != 'filler' ORDER BY seq").all() as { kind: string; summary: string }[]);
const saved = (r: Rig) => {
  const f = path.join(r.dir, 'runtime_settings.json');
  return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, unknown>) : null;
};

describe('the record is full (SQLITE_FULL)', () => {
  it('POST /campaign: 503 saying not switched; the campaign, the saved settings and the audit are unchanged', async () => {
    const r = await rig();
    r.fill();
    const res = await post(r, '/campaign', { campaign: 'pa', actor: 'CM' });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'unavailable', message: expect.stringMatching(/campaign not switched: .*disk full/) });
    expect(r.engine.status().campaign).toBe('production');
    expect(saved(r)?.campaign ?? null).toBeNull();
    expect(realAudit(r)).toEqual([]);
  });

  it('POST /config: 503 saying not applied; the configuration is unchanged', async () => {
    const r = await rig();
    r.fill();
    const res = await post(r, '/config', { config: { thresholds: { well_control: { pit_gain_warning_bbl: 7 } } }, actor: 'CM' });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { message: string }).message).toMatch(/configuration not changed: .*disk full/);
    expect(r.engine.config().thresholds.well_control.pit_gain_warning_bbl).toBe(5);
    expect(saved(r)?.config ?? {}).toEqual({});
  });

  it('POST /advisory/acknowledge: 503 (not 500 internal), nothing stored', async () => {
    const r = await rig();
    r.fill();
    const res = await post(r, '/advisory/acknowledge', { advisoryId: r.advisoryId, actor: 'JD', action: 'flow check' });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'unavailable', message: expect.stringMatching(/acknowledgement not stored: .*disk full/) });
    expect(await r.storage.listAcknowledgements({})).toEqual([]);
  });

  it('setSource: refused with the reason; the previous feed keeps running', async () => {
    const r = await rig();
    r.fill();
    const res = await r.engine.call('setSource', { source: { kind: 'simulator', scenario: 'kick', seed: 2, speed: 1 }, actor: 'Rig IT' });
    expect(res).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/source not changed: .*disk full/) } });
    expect(r.engine.status().source.description).toMatch(/normal \(seed 1/);
    expect(r.engine.status().source.state).not.toBe('stopped');
  });
});

describe('the saved settings cannot be written', () => {
  it('POST /campaign: 503 saying not switched, the campaign unchanged, and the audit says the change was not applied', async () => {
    const r = await rig();
    // A directory where the file goes: the crash-safe save cannot rename its temporary file into place.
    const target = path.join(r.dir, 'runtime_settings.json');
    fs.rmSync(target, { force: true });
    fs.mkdirSync(target);
    const res = await post(r, '/campaign', { campaign: 'pa', actor: 'CM' });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { message: string }).message).toMatch(/campaign not switched: the change could not be saved/);
    expect(r.engine.status().campaign).toBe('production');
    const entries = realAudit(r);
    expect(entries.at(-1)?.summary).toMatch(/^NOT APPLIED: campaign switched from production to plug_abandonment/);
    // Once the file can be written again the same change goes through whole.
    fs.rmdirSync(target);
    expect((await post(r, '/campaign', { campaign: 'pa', actor: 'CM' })).status).toBe(200);
    expect(saved(r)?.campaign).toBe('plug_abandonment');
    expect(r.engine.status().campaign).toBe('plug_abandonment');
  });
});

describe('the record is full: the LLM choice', () => {
  it('setLlmModel: refused with the reason and the model left as it was', async () => {
    const r = await rig();
    const before = r.engine.status().llm;
    r.fill();
    const res = await r.engine.call('setLlmModel', { path: '', enabled: false, actor: 'CM' });
    expect(res).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/model not changed: .*disk full/) } });
    expect(r.engine.status().llm).toEqual(before);
  });
});
