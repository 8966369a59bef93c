// The engine the API tests run against: the real composition root (createEngine) over a real
// SqliteStore in a temp dir, fed by the simulator through ingest() at full speed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../../src-shared/config.js';
import { makePacket } from '../../../src-shared/wits.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import type { Engine } from '../../../src-main/app/engine.js';
import { createSimulation, type ScenarioName } from '../../../src-main/simulator/index.js';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';

export interface EngineUnderTest {
  engine: Engine;
  dataDir: string;
  /** Feeds a simulator scenario packet by packet; resolves once advisories are committed. */
  feed(scenario: ScenarioName, seed?: number, durationS?: number): Promise<{ packets: number; firstMs: number; lastMs: number }>;
  dispose(): Promise<void>;
}

export async function makeEngine(): Promise<EngineUnderTest> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-api-'));
  const storage = SqliteStore.open({ dataDir, metricsFlushMs: 200 });
  const engine = createEngine(defaultConfig(), { storage, dataDir, healthIntervalMs: 0 });
  await engine.start();
  return {
    engine,
    dataDir,
    async feed(scenario, seed = 1, durationS) {
      const sim = createSimulation({ scenario, seed, durationS });
      let packets = 0;
      let firstMs = NaN;
      let lastMs = NaN;
      for (const s of sim) {
        engine.ingest(makePacket(s.timeMs, s.values));
        if (packets === 0) firstMs = s.timeMs;
        lastMs = s.timeMs;
        packets++;
      }
      // Advisories are published after their save resolves: let those promises settle.
      await new Promise((r) => setTimeout(r, 50));
      await storage.flushMetrics();
      return { packets, firstMs, lastMs };
    },
    async dispose() {
      await engine.dispose();
      await storage.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
