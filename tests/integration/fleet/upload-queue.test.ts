// The fleet upload queue on a real directory: atomic files, rescan, cap policy, outcome updates.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CORRUPT_DIR, DiskUploadQueue, QUEUE_DIR } from '../../../src-main/fleet/upload-queue.js';
import { encodeRecord, fileNameFor } from '../../../src-main/fleet/queue-file.js';
import { makeFleetEvent } from '../../unit/fleet/fixtures.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-queue-'));
  cleanup.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

async function open(dataDir: string, capacity?: number, log?: (l: string) => void): Promise<DiskUploadQueue> {
  const q = await DiskUploadQueue.open({ dataDir, capacity, log });
  cleanup.push(() => q.close());
  return q;
}

describe('DiskUploadQueue', () => {
  it('keeps one compressed file per event, ignores a duplicate id, hands out the oldest unsent first', async () => {
    const dir = tempDir();
    const q = await open(dir);
    expect(await q.enqueue(makeFleetEvent(3))).toBe(true);
    expect(await q.enqueue(makeFleetEvent(1))).toBe(true);
    expect(await q.enqueue(makeFleetEvent(2, 'Critical'))).toBe(true);
    expect(await q.enqueue(makeFleetEvent(1))).toBe(false);
    const files = fs.readdirSync(path.join(dir, QUEUE_DIR)).sort();
    expect(files).toEqual([1, 2, 3].map((n) => fileNameFor(makeFleetEvent(n).id)).sort());
    expect(fs.readFileSync(path.join(dir, QUEUE_DIR, files[0])).subarray(0, 4)).toEqual(Buffer.from([0x28, 0xb5, 0x2f, 0xfd])); // zstd magic
    const pending = await q.pending(2);
    expect(pending.map((e) => e.id)).toEqual([makeFleetEvent(1).id, makeFleetEvent(2).id]);
    expect(pending[0]).toEqual(makeFleetEvent(1));
    await q.markUploaded(pending[0].id);
    expect((await q.pending(10)).map((e) => e.id)).toEqual([makeFleetEvent(2).id, makeFleetEvent(3).id]);
    const s = q.stats();
    expect(s).toMatchObject({ queued: 3, uploaded: 1, unsentCritical: 1 });
    expect(s.bytes).toBe(files.reduce((sum, f) => sum + fs.statSync(path.join(dir, QUEUE_DIR, f)).size, 0));
  });

  it('refuses an invalid event with a message naming the field', async () => {
    const q = await open(tempDir());
    const bad = { ...makeFleetEvent(1), historyWindow: [] };
    await expect(q.enqueue(bad)).rejects.toThrow(/not queued: historyWindow/);
  });

  it('applies an outcome to an unsent event, and forwards one that came after the upload', async () => {
    const q = await open(tempDir());
    const a = makeFleetEvent(1);
    const b = makeFleetEvent(2);
    await q.enqueue(a);
    await q.enqueue(b);
    expect(await q.updateOutcome(a.id, { kind: 'Resolved', action: 'circulated and reamed' }, 'back drilling')).toBe(true);
    expect(await q.updateOutcome('RIG-A-ADV-nothere', { kind: 'FalsePositive' })).toBe(false);
    const [sentA] = await q.pending(1);
    expect(sentA.outcome).toEqual({ kind: 'Resolved', action: 'circulated and reamed' });
    expect(sentA.notes).toBe('back drilling');
    await q.markUploaded(a.id);
    expect(await q.pendingOutcomes(10)).toEqual([]); // the upload carried it

    await q.pending(10);
    await q.markUploaded(b.id);
    await q.updateOutcome(b.id, { kind: 'FalsePositive' });
    expect(await q.pendingOutcomes(10)).toEqual([{ id: b.id, outcome: { kind: 'FalsePositive' }, notes: '' }]);
    await q.markOutcomeForwarded(b.id);
    expect(await q.pendingOutcomes(10)).toEqual([]);
  });

  it('does not lose an outcome that changes while an upload or a forward is in flight', async () => {
    const q = await open(tempDir());
    const a = makeFleetEvent(1);
    await q.enqueue(a);
    await q.pending(1); // the client has the event (Pending)...
    await q.updateOutcome(a.id, { kind: 'Escalated', reason: 'called town' }); // ...the outcome changes...
    await q.markUploaded(a.id); // ...then the upload succeeds with the old one
    expect(await q.pendingOutcomes(10)).toEqual([{ id: a.id, outcome: { kind: 'Escalated', reason: 'called town' }, notes: '' }]);
    await q.updateOutcome(a.id, { kind: 'Resolved', action: 'killed the well' }); // changed again mid-forward
    await q.markOutcomeForwarded(a.id);
    expect(await q.pendingOutcomes(10)).toEqual([{ id: a.id, outcome: { kind: 'Resolved', action: 'killed the well' }, notes: '' }]);
  });

  it('survives a reopen with every event and its upload state (rescan)', async () => {
    const dir = tempDir();
    const q = await open(dir);
    for (let i = 1; i <= 5; i++) await q.enqueue(makeFleetEvent(i));
    await q.pending(2);
    await q.markUploaded(makeFleetEvent(1).id);
    await q.updateOutcome(makeFleetEvent(1).id, { kind: 'FalsePositive' });
    await q.close();
    const again = await open(dir);
    expect(again.stats()).toMatchObject({ queued: 5, uploaded: 1 });
    expect((await again.pending(10)).map((e) => e.id)).toEqual([2, 3, 4, 5].map((n) => makeFleetEvent(n).id));
    expect(await again.pendingOutcomes(10)).toEqual([{ id: makeFleetEvent(1).id, outcome: { kind: 'FalsePositive' }, notes: '' }]);
    expect(await again.enqueue(makeFleetEvent(3))).toBe(false);
  });

  it('at the cap drops uploaded first, then LOW, then the oldest unsent AMBER, and reports it', async () => {
    const lines: string[] = [];
    const q = await open(tempDir(), 4, (l) => lines.push(l));
    await q.enqueue(makeFleetEvent(1, 'High'));
    await q.enqueue(makeFleetEvent(2, 'Elevated'));
    await q.enqueue(makeFleetEvent(3, 'Low'));
    await q.enqueue(makeFleetEvent(4, 'Critical'));
    await q.pending(10);
    await q.markUploaded(makeFleetEvent(2).id);
    await q.enqueue(makeFleetEvent(5, 'High')); // the uploaded one goes
    expect((await q.pending(10)).map((e) => e.id)).toEqual([1, 3, 4, 5].map((n) => makeFleetEvent(n).id));
    await q.enqueue(makeFleetEvent(6, 'High')); // then LOW
    expect(q.stats().queued).toBe(4);
    await q.enqueue(makeFleetEvent(7, 'High')); // then the oldest unsent AMBER
    const ids = (await q.pending(10)).map((e) => e.id);
    expect(ids).toEqual([4, 5, 6, 7].map((n) => makeFleetEvent(n).id));
    expect(q.health()).toMatchObject({ status: 'degraded', droppedUnsent: 1, droppedUploadedOrLow: 2 });
    expect(lines.some((l) => l.includes(`dropped unsent High event ${makeFleetEvent(1).id}`))).toBe(true);
  });

  it('never drops an unsent RED: past the cap it grows and health says so', async () => {
    const q = await open(tempDir(), 2);
    await q.enqueue(makeFleetEvent(1, 'Critical'));
    await q.enqueue(makeFleetEvent(2, 'Critical'));
    await q.enqueue(makeFleetEvent(3, 'High')); // the new AMBER is the one not kept
    await q.enqueue(makeFleetEvent(4, 'Critical'));
    expect(q.stats()).toMatchObject({ queued: 3, unsentCritical: 3 });
    expect((await q.pending(10)).map((e) => e.riskLevel)).toEqual(['Critical', 'Critical', 'Critical']);
    const h = q.health();
    expect(h).toMatchObject({ status: 'degraded', overCapBy: 1, droppedUnsent: 1 });
    expect(h.detail).toContain('1 over the cap of 2 (unsent RED are kept)');
  });

  it('on start removes temp files and moves an undecodable event file aside, reporting both', async () => {
    const dir = tempDir();
    const q = await open(dir);
    await q.enqueue(makeFleetEvent(1));
    await q.close();
    const qdir = path.join(dir, QUEUE_DIR);
    const good = encodeRecord({ event: makeFleetEvent(2), outcomeRev: 0, sentRev: null });
    fs.writeFileSync(path.join(qdir, fileNameFor(makeFleetEvent(2).id)), good.subarray(0, Math.floor(good.length / 2))); // torn
    fs.writeFileSync(path.join(qdir, `.tmp-${fileNameFor(makeFleetEvent(3).id)}-123-abcd`), good.subarray(0, 100));
    fs.writeFileSync(path.join(qdir, fileNameFor('RIG-A-ADV-x')), encodeRecord({ event: makeFleetEvent(4), outcomeRev: 0, sentRev: null })); // wrong name
    const lines: string[] = [];
    const again = await open(dir, undefined, (l) => lines.push(l));
    expect(again.stats().queued).toBe(1);
    const h = again.health();
    expect(h.discardedPartial).toBe(1);
    expect(h.movedAside).toHaveLength(2);
    expect(h.movedAside.join('\n')).toMatch(/not a complete zstd JSON file/);
    expect(h.movedAside.join('\n')).toMatch(/holds event RIG-A-ADV-00000004, not RIG-A-ADV-x/);
    expect(h.status).toBe('degraded');
    expect(fs.readdirSync(path.join(qdir, CORRUPT_DIR))).toHaveLength(2);
    expect(fs.readdirSync(qdir).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
    expect(lines.join('\n')).toContain('removed 1 partly written file');
  });
});

describe('DiskUploadQueue across kill -9', () => {
  const CHILD = path.join(import.meta.dirname, 'queue-child.ts');

  /**
   * Runs the child and SIGKILLs it once `stop(confirmedIds)` is true: checked on every line it
   * prints and every millisecond (so a kill can land in the middle of a file write).
   */
  async function runAndKill(mode: string, dir: string, stop: (ids: string[]) => boolean): Promise<string[]> {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    cleanup.push(() => void child.kill('SIGKILL'));
    const ids: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let poll: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!stop(ids)) return;
        child.kill('SIGKILL');
        resolve();
      };
      poll = setInterval(check, 1);
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        ids.push(...lines);
        check();
      });
      child.on('exit', (code) => (code === null ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`))));
    }).finally(() => clearInterval(poll));
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('close', r)));
    return ids.filter((l) => l !== 'done');
  }

  it('keeps all 100 queued events, none duplicated, after a kill -9 in the middle of rewrites', async () => {
    const dir = tempDir();
    let sinceDone = 0;
    // Killed a little after "done", in the middle of its rewrite loop.
    const ids = await runAndKill('hundred', dir, (lines) => lines.includes('done') && ++sinceDone > 20);
    expect(ids).toHaveLength(100);
    const q = await open(dir);
    expect(q.stats().queued).toBe(100);
    expect(q.health().movedAside).toEqual([]);
    const events = await q.pending(1000);
    expect(events.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(new Set(events.map((e) => e.id)).size).toBe(100);
    expect(q.stats().unsentCritical).toBe(34);
    for (const id of ids.slice(0, 10)) expect(await q.enqueue(events.find((e) => e.id === id)!)).toBe(false);
    const files = fs.readdirSync(path.join(dir, QUEUE_DIR)).filter((f) => !f.startsWith('.tmp-'));
    expect(files).toHaveLength(100);
  });

  it('detects and discards the half-written file of a kill during a write; confirmed events stay whole', async () => {
    const dir = tempDir();
    const qdir = path.join(dir, QUEUE_DIR);
    const temps = () => (fs.existsSync(qdir) ? fs.readdirSync(qdir).filter((f) => f.startsWith('.tmp-')) : []);
    // Kill the moment a temp file is being written (after a few confirmed); retry if the rename won the race.
    let confirmed: string[] = [];
    let caught = false;
    for (let attempt = 0; attempt < 8 && !caught; attempt++) {
      const done = await runAndKill('big', dir, (ids) => ids.length >= 2 && temps().length > 0);
      confirmed = [...new Set([...confirmed, ...done])];
      caught = temps().length > 0;
    }
    expect(caught).toBe(true);
    const partial = temps();
    const q = await open(dir);
    expect(temps()).toEqual([]);
    expect(q.health().discardedPartial).toBe(partial.length);
    const events = await q.pending(10_000);
    expect(events.map((e) => e.id)).toEqual(expect.arrayContaining(confirmed));
    expect(events.every((e) => e.historyWindow.length === 3600)).toBe(true);
    expect(q.health().movedAside).toEqual([]);
  }, 120_000);
});
