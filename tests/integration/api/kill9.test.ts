// Issue 4 durability: kill -9 the headless process in the middle of a fast simulated run;
// after restart every advisory and acknowledgement the API had confirmed is there, and
// PRAGMA integrity_check is ok.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

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
  it('keeps every advisory and acknowledgement the API confirmed, and the database is intact', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-kill9-'));
    dirs.push(dataDir);
    const first = await startHeadless(dataDir);

    const advisories = new Set<string>();
    const acks = new Set<string>();
    const deadline = Date.now() + 60_000;
    while ((advisories.size < 3 || acks.size < 2) && Date.now() < deadline) {
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

    const second = await startHeadless(dataDir); // takes over the dead process's lock
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
