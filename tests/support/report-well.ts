// A recorded shift for the report tests: the simulator's `mixed` scenario (several faults)
// through the real engine into a real SQLite file, the engine's clock following data time.
// Along the way a person changes a threshold and switches campaign, and after it some
// advisories are acknowledged with Norwegian notes, as a night crew would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Acknowledgement, Advisory } from '../../src-shared/advisory.js';
import { defaultConfig, type WellConfig } from '../../src-shared/config.js';
import { makePacket } from '../../src-shared/wits.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import type { Engine } from '../../src-main/app/engine.js';
import { createSimulation, type ScenarioName } from '../../src-main/simulator/index.js';
import { SqliteStore } from '../../src-main/storage/sqlite-store.js';

export const WELL_NAME = 'Ærfugl Øst-3 «Brønn å»';
export const NOTES = 'Strømningssjekk ok, brønnen stengt på ringromsventil – ÆØÅ æøå';

export interface RecordedShift {
  engine: Engine;
  storage: SqliteStore;
  dataDir: string;
  firstMs: number;
  lastMs: number;
  packets: number;
  advisories: Advisory[];
  acks: Acknowledgement[];
  /** Moves the engine's clock (audit and acknowledgement stamps). */
  setClock(ms: number): void;
  dispose(): Promise<void>;
}

export interface RecordOptions {
  scenario?: ScenarioName;
  durationS?: number;
  /** Every n-th advisory is acknowledged after the run (0 = none). */
  ackEvery?: number;
  config?: (c: WellConfig) => WellConfig;
  /** A threshold change and two campaign switches at data time (default true). */
  changes?: boolean;
  startMs?: number;
  /** Leave the automatic shift report on (off by default: tests ask for reports themselves). */
  autoWrite?: boolean;
}

const yieldNow = () => new Promise((r) => setImmediate(r));

export async function recordShift(opts: RecordOptions = {}): Promise<RecordedShift> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-report-'));
  // A real SQLite file; commits are not fsynced one by one (durability is tested elsewhere),
  // which takes the 12 h recording from about 30 s to a few on a busy disk.
  const storage = SqliteStore.open({ dataDir, metricsFlushMs: 0, onOpen: (db) => db.pragma('synchronous = NORMAL') });
  let nowMs = 0;
  const base = defaultConfig();
  const config = (opts.config ?? ((c) => c))({
    ...base,
    well: { ...base.well, name: WELL_NAME, field: 'Nordsjø', rig: 'Ran Ørn', operator: 'Åsgard Drilling' },
    reports: { ...base.reports, auto_write: opts.autoWrite ?? false },
  });
  const engine = createEngine(config, { storage, dataDir, healthIntervalMs: 0, clock: () => nowMs, statusIntervalMs: 60_000 });
  await engine.start();
  const durationS = opts.durationS ?? 12 * 3600;
  const sim = createSimulation({ scenario: opts.scenario ?? 'mixed', seed: 1, durationS, ...(opts.startMs ? { startMs: opts.startMs } : {}) });
  let packets = 0;
  let firstMs = NaN;
  for (const s of sim) {
    nowMs = s.timeMs;
    if (packets === 0) firstMs = s.timeMs;
    engine.ingest(makePacket(s.timeMs, s.values));
    packets++;
    if (opts.changes !== false && packets === Math.floor(durationS / 2)) {
      await engine.call('applyConfig', { config: { thresholds: { well_control: { gas_units_warning: 120 } } }, actor: 'Kari Ødegård' });
    }
    if (opts.changes !== false && packets === durationS - 600) await engine.call('setCampaign', { campaign: 'plug_abandonment', actor: 'Kari Ødegård' });
    if (opts.changes !== false && packets === durationS - 300) await engine.call('setCampaign', { campaign: 'production', actor: 'Kari Ødegård' });
    if (packets % 2000 === 0) {
      await storage.flushMetrics();
      await yieldNow(); // lets advisory saves settle, as the live loop would
    }
  }
  const lastMs = nowMs;
  await new Promise((r) => setTimeout(r, 50));
  await storage.flushMetrics();
  const advisories = (await storage.listAdvisories({ sinceMs: firstMs, untilMs: lastMs, limit: 5000 })).reverse();
  const acks: Acknowledgement[] = [];
  const every = opts.ackEvery ?? 3;
  if (every > 0) {
    nowMs = lastMs + 60_000;
    for (const [i, a] of advisories.entries()) {
      if (i % every !== 0) continue;
      const r = await engine.call('acknowledge', { advisoryId: a.id, actor: i % 2 ? 'Ola Nordmann' : 'Kåre Bø', action: 'Flow check performed', notes: `${NOTES} #${i}` });
      if (!r.ok) throw new Error(r.error.message);
      acks.push(r.value);
    }
  }
  return {
    engine, storage, dataDir, firstMs, lastMs, packets, advisories, acks,
    setClock: (ms) => {
      nowMs = ms;
    },
    async dispose() {
      await engine.dispose();
      await storage.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
