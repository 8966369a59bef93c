// Issue 9 item 12: free disk space is measured when health is asked, not remembered: after 64 MB
// are written to the data directory's file system the very next health report says so. Runs on
// /dev/shm (a real tmpfs that nothing else on the machine fills) where there is one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import { MemoryStore } from '../../../src-main/storage/memory-store.js';

const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const dataDir = fs.mkdtempSync(path.join(base, 'sairen-disk-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('disk health', () => {
  it('reports the free space of the moment, on every evaluation', async () => {
    const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), dataDir, healthIntervalMs: 0 });
    await engine.start();
    try {
      const freeMb = async () => {
        const h = await engine.call('getHealth', {});
        const detail = h.ok ? (h.value.components.find((c) => c.name === 'disk')?.detail ?? '') : '';
        const m = /^(\d+) MB free in /.exec(detail);
        expect(m, detail).not.toBeNull();
        return Number(m![1]);
      };
      const before = await freeMb();
      fs.writeFileSync(path.join(dataDir, 'filler.bin'), Buffer.alloc(64 * 1024 * 1024, 1));
      const after = await freeMb();
      expect(before - after).toBeGreaterThanOrEqual(60);
      fs.rmSync(path.join(dataDir, 'filler.bin'));
      expect((await freeMb()) - after).toBeGreaterThanOrEqual(60);
    } finally {
      await engine.dispose();
    }
  });
});
