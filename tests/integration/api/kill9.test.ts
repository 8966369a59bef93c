// Issue 4 durability, issue 15 crash test: kill -9 the headless process in the middle of a fast
// simulated run; PRAGMA integrity_check is ok; after restart every advisory and acknowledgement the
// API had confirmed is there, and the learned baseline resumes from baseline_state.json (locked at
// once, with the saved means and lock time) instead of learning from scratch.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveStatus } from '../../../src-shared/status.js';
import { BASELINE_FILE_NAME, parseBaselineState } from '../../../src-main/baseline/baseline-file.js';

const CLI = path.resolve(import.meta.dirname, '../../../src-main/cli/headless.ts');
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Starts `npm run headless` as a child on an OS-assigned port; resolves with its URL. */
async function startHeadless(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, '--simulate', 'kick', '--speed', '300', '--port', '0', '--data-dir', dataDir, '--quiet'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`headless did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /dashboard (http:\/\/[^\s]+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`headless exited ${code}: ${stderr}`)));
  });
  return { child, url };
}

describe('kill -9 durability of the headless process', () => {
  it('keeps every advisory and acknowledgement the API confirmed, the database is intact, the baseline resumes', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-kill9-'));
    dirs.push(dataDir);
    const first = await startHeadless(dataDir);

    const advisories = new Set<string>();
    const acks = new Set<string>();
    const deadline = Date.now() + 60_000;
    const status = async (url: string) => (await (await fetch(`${url}/api/v1/status`)).json()) as LiveStatus;
    let locked = false;
    while ((advisories.size < 3 || acks.size < 2 || !locked) && Date.now() < deadline) {
      locked = (await status(first.url)).baseline.mode === 'locked';
      const list = (await (await fetch(`${first.url}/api/v1/history?limit=1000`)).json()) as { id: string }[];
      for (const a of list) {
        if (advisories.has(a.id)) continue;
        advisories.add(a.id);
        const r = await fetch(`${first.url}/api/v1/advisory/acknowledge`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ advisoryId: a.id, actor: 'J. Driller', action: 'flow check' }),
        });
        if (r.status === 201) acks.add(((await r.json()) as { id: string }).id);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(advisories.size).toBeGreaterThanOrEqual(3);
    expect(acks.size).toBeGreaterThanOrEqual(2);
    first.child.kill('SIGKILL'); // the feed is still running: packets, metrics and saves in flight
    await new Promise((r) => first.child.once('exit', r));

    const db = new Database(path.join(dataDir, 'sairen.db'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }

    // What the dead process had saved of its baseline (written crash-safe on each lock).
    const saved = parseBaselineState(fs.readFileSync(path.join(dataDir, BASELINE_FILE_NAME), 'utf8')).state;
    expect(saved).not.toBeNull();
    const savedLocks = Object.entries(saved!.thresholds).map(([key, t]) => ({ name: key.split(':')[1], mean: t.mean, at: t.locked_timestamp ?? 0 }));
    expect(savedLocks.length).toBeGreaterThan(0);

    const second = await startHeadless(dataDir); // takes over the dead process's lock
    // Resumed, not relearned: locked from the first status on, with the first run's lock time
    // (a relearned lock would carry the new run's later data time) and the saved means.
    const resumed = (await status(second.url)).baseline;
    expect(resumed.mode).toBe('locked');
    expect(resumed.lockedAtMs).toBe(Math.min(...savedLocks.map((l) => l.at)));
    for (const l of savedLocks) {
      expect(resumed.metrics.find((m) => m.name === l.name)).toMatchObject({ locked: true, mean: l.mean });
    }
    const after = (await (await fetch(`${second.url}/api/v1/history?limit=1000`)).json()) as { id: string }[];
    const afterAcks = (await (await fetch(`${second.url}/api/v1/advisory/acknowledgements?limit=1000`)).json()) as { id: string }[];
    const haveAdv = new Set(after.map((a) => a.id));
    const haveAck = new Set(afterAcks.map((k) => k.id));
    expect([...advisories].filter((id) => !haveAdv.has(id))).toEqual([]);
    expect([...acks].filter((id) => !haveAck.has(id))).toEqual([]);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });
});
