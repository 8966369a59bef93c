// Issue 9 item 10, with real files: a 0-byte sairen.db and a damaged runtime_settings.json are
// set aside (renamed .corrupt-<time>) and said in health, the audit and a banner flag; a
// configuration file that fails to load is said the same way; a half-truncated or unreadable
// database stops with a message naming the file and what to do, and the engine still starts,
// without recording, and says so.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../../src-shared/health.js';
import { bootEngine, type Booted } from '../../../src-main/app/boot.js';
import { DB_FILE, SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { makeAdvisory } from '../../unit/storage/fixtures.js';

const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');
const CLI = path.resolve(import.meta.dirname, '../../../src-main/cli/headless.ts');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-corrupt-'));
  cleanup.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

async function boot(dataDir: string, lines: string[] = []): Promise<Booted> {
  const booted = await bootEngine({
    dataDir,
    configPath: null,
    source: undefined,
    campaign: null,
    units: null,
    channelMap: null,
    resourcesDir: RESOURCES,
    log: (l) => lines.push(l),
  });
  cleanup.push(() => booted.engine.dispose());
  return booted;
}

async function health(b: Booted): Promise<HealthReport> {
  const r = await b.engine.call('getHealth', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
async function auditKinds(b: Booted): Promise<string[]> {
  const r = await b.engine.call('getAudit', { limit: 100 });
  return r.ok ? r.value.map((e) => e.kind) : [];
}
const asideOf = (dir: string, name: string) => fs.readdirSync(dir).filter((f) => f.startsWith(`${name}.corrupt-`) && !/-(wal|shm)$/.test(f));

/** A real database with some pages in it, closed (checkpointed) and then cut in half. */
async function halfTruncatedDatabase(dir: string): Promise<number> {
  const s = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0 });
  for (let i = 0; i < 200; i++) await s.saveAdvisory(makeAdvisory({ timeMs: Date.UTC(2025, 0, 1) + i * 1000 }));
  await s.dispose();
  const file = path.join(dir, DB_FILE);
  const size = fs.statSync(file).size;
  fs.truncateSync(file, Math.floor(size / 2));
  return Math.floor(size / 2);
}

describe('corrupt files at start', () => {
  it('a 0-byte sairen.db is set aside, a new database records, and health, audit and the banner flag say so', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB_FILE), '');
    const b = await boot(dir);
    const aside = asideOf(dir, DB_FILE);
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^sairen\.db\.corrupt-\d{8}T\d{6}Z$/);
    const h = await health(b);
    expect(h.flags.fileSetAside).toBe(true);
    expect(h.flags.notRecording).toBe(false);
    expect(h.components.find((c) => c.name === 'files')?.detail).toContain(aside[0]);
    expect(await auditKinds(b)).toContain('file-set-aside');
    expect(fs.statSync(path.join(dir, DB_FILE)).size).toBeGreaterThan(0); // the new database, recording
  });

  it('a damaged runtime_settings.json is kept aside (not overwritten by the next change) and reported', async () => {
    const dir = tempDir();
    const damaged = '{"schema_version":1,"config":{"thresholds":{"well_control":{"pit_gain_warning_bbl":7}}},"campaign":"plug_aband';
    fs.writeFileSync(path.join(dir, 'runtime_settings.json'), damaged);
    const b = await boot(dir);
    const aside = asideOf(dir, 'runtime_settings.json');
    expect(aside).toHaveLength(1);
    const h = await health(b);
    expect(h.flags.fileSetAside).toBe(true);
    expect(h.components.find((c) => c.name === 'files')?.detail).toMatch(/runtime_settings\.json is not valid JSON: kept as .*corrupt-/);
    expect(await auditKinds(b)).toContain('file-set-aside');
    // The next change writes a new file; what the damaged one held is still there.
    expect(await b.engine.call('setCampaign', { campaign: 'pa', actor: 'CM' })).toMatchObject({ ok: true });
    expect(fs.readFileSync(path.join(dir, aside[0]), 'utf8')).toBe(damaged);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'runtime_settings.json'), 'utf8')).campaign).toBe('plug_abandonment');
  });

  it('a configuration file that fails to load (SAIREN_CONFIG) is said in health, the audit and the banner flag', async () => {
    const dir = tempDir();
    const cfg = path.join(dir, 'well_config.toml');
    fs.writeFileSync(cfg, '[storage]\nmetrics_retention_days = -1\n');
    const old = process.env.SAIREN_CONFIG;
    process.env.SAIREN_CONFIG = cfg;
    cleanup.push(() => {
      if (old === undefined) delete process.env.SAIREN_CONFIG;
      else process.env.SAIREN_CONFIG = old;
    });
    const b = await boot(dir);
    const h = await health(b);
    expect(h.flags.configRejected).toBe(true);
    const config = h.components.find((c) => c.name === 'config');
    expect(config?.status).toBe('degraded');
    expect(config?.detail).toMatch(new RegExp(`${cfg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} was not loaded .*metrics_retention_days.*built-in defaults`));
    expect(await auditKinds(b)).toContain('config-rejected');
    expect(fs.existsSync(cfg)).toBe(true); // the operator's file stays where it is (the app never writes it)
  });

  for (const [what, damage] of [
    ['half-truncated', halfTruncatedDatabase],
    ['not a database', async (dir: string) => fs.writeFileSync(path.join(dir, DB_FILE), Buffer.alloc(64 * 1024, 0x5a))],
  ] as const) {
    it(`a ${what} database: a message naming the file and what to do; the engine runs NOT RECORDING and leaves the file alone`, async () => {
      const dir = tempDir();
      await damage(dir);
      const file = path.join(dir, DB_FILE);
      const bytes = fs.readFileSync(file);
      const lines: string[] = [];
      const b = await boot(dir, lines);
      const message = lines.find((l) => l.includes(file));
      expect(message).toMatch(/cannot be used: .*WITHOUT RECORDING.*To fix: stop SAIREN, move .* aside/);
      const h = await health(b);
      expect(h.flags.notRecording).toBe(true);
      expect(h.overall).toBe('unhealthy');
      expect(h.components.find((c) => c.name === 'storage')).toMatchObject({ status: 'unhealthy', detail: expect.stringContaining(`NOT RECORDING: SAIREN database ${file}`) });
      expect(await auditKinds(b)).toContain('not-recording');
      // Still advising: packets flow and commands answer.
      expect(await b.engine.call('setCampaign', { campaign: 'pa', actor: 'CM' })).toMatchObject({ ok: true });
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
      expect(asideOf(dir, DB_FILE)).toEqual([]);
    });
  }
});

describe('the headless process on a half-truncated database', () => {
  it('starts, says which file and what to do on stderr, and /api/v1/health flags NOT RECORDING', async () => {
    const dir = tempDir();
    await halfTruncatedDatabase(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--data-dir', dir, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    cleanup.push(() => void child.kill('SIGKILL'));
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const t = setTimeout(() => reject(new Error(`no start: ${stderr}`)), 30_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /dashboard (http:\/\/[^\s]+?)\/?\s/.exec(out);
        if (m) {
          clearTimeout(t);
          resolve(m[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    expect(stderr).toContain(`SAIREN database ${path.join(dir, DB_FILE)} cannot be used: it is truncated`);
    const h = (await (await fetch(`${url}/api/v1/health`)).json()) as HealthReport;
    expect(h.flags.notRecording).toBe(true);
  });
});
