// Issue 9 item 8: setSource calls at once are taken one at a time, whole: the feed that runs,
// the source saved for the next start and the last audit entry all name the same source, and a
// switch to a dead TCP feed leaves no simulator running behind it.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../src-shared/source.js';
import { defaultConfig } from '../../src-shared/config.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import { RuntimeSettingsFile } from '../../src-main/config/runtime-settings.js';
import { MemoryStore } from '../../src-main/storage/memory-store.js';

const cleanup: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const sim = (seed: number): SourceConfig => ({ kind: 'simulator', scenario: 'normal', seed, speed: 50 });

describe('concurrent setSource', () => {
  for (let attempt = 1; attempt <= 4; attempt++) {
    it(`try ${attempt}: the running feed, the saved source and the last audit entry agree; nothing hidden keeps feeding`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-race-'));
      cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), settingsFile: new RuntimeSettingsFile(dir), healthIntervalMs: 0 });
      cleanup.push(() => engine.dispose());
      await engine.start();
      const dead: SourceConfig = { kind: 'tcp', host: '127.0.0.1', port: await deadPort() };
      // Two simulators and the dead feed, the dead feed last on even tries.
      const order = attempt % 2 === 0 ? [sim(1), sim(2), dead] : [dead, sim(1), sim(2 + attempt)];
      const results = await Promise.all(order.map((source) => engine.call('setSource', { source, sameRig: attempt > 2, actor: `tech-${JSON.stringify(source)}` })));
      expect(results.every((r) => r.ok)).toBe(true);
      const last = order[order.length - 1];

      const running = engine.status().source;
      expect(running.kind).toBe(last.kind);
      const saved = JSON.parse(fs.readFileSync(path.join(dir, 'runtime_settings.json'), 'utf8')) as { source: SourceConfig };
      expect(saved.source).toEqual(last);
      const audit = await engine.call('getAudit', { kind: 'source-change', limit: 1 });
      expect(audit.ok && audit.value[0].after).toMatchObject(last);
      expect(audit.ok && audit.value[0].summary).toContain(running.description);
      // Each switch's "before" is the feed the previous switch left running.
      const all = await engine.call('getAudit', { kind: 'source-change' });
      const chain = all.ok ? [...all.value].reverse() : [];
      expect(chain).toHaveLength(3);
      for (let i = 1; i < chain.length; i++) {
        const { units: _u, ...prev } = chain[i - 1].after as SourceConfig & { units: string };
        expect(chain[i].before).toEqual(prev);
      }

      const before = engine.status().counts.packets;
      await new Promise((r) => setTimeout(r, 1000));
      const received = engine.status().counts.packets - before;
      if (last.kind === 'tcp') expect(received).toBe(0); // no simulator left running behind the dead feed
      else expect(received).toBeLessThan(75); // one simulator at 50x: ~50 packets a second, two would be ~100
    });
  }
});
