// The trip sheet on the real Volve P&A log (issue 11 item 13): its trips are shallow (bit
// 260-660 ft) with a trip tank that stays flat (not lined up to the well), its tanks are
// drained, refilled and transferred between. No false alarm on it, a trip-tank gain or loss
// injected while tripping is advised, and the trip sheet really judges the trips.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src-shared/config.js';
import { readCsvPackets } from '../../src-main/acquisition/csv-replay.js';
import { loadStaticKnowledgeStore } from '../../src-main/knowledge/knowledge-file.js';
import { BaseCache, runTask } from '../../src-main/eval/run-task.js';
import { SHARED_RECORDINGS } from '../../src-main/eval/recordings.js';
import { onsetFractions, type EvalSettings, type FaultRunResult } from '../../src-main/eval/tasks.js';
import { bareCoordinator } from '../support/coordinator.js';
import { DATA } from './data.js';

const settings: EvalSettings = { dataDir: DATA, recordings: SHARED_RECORDINGS, leadS: 1800, onsetFractions: onsetFractions(3) };
const cache = new BaseCache(settings);
const knowledge = loadStaticKnowledgeStore('resources/knowledge-base.json').store;

describe('trip sheet on the Volve P&A time log', () => {
  it('judges the pumps-off hours (trip tank and pits) and raises nothing: no tickets at all', async () => {
    const c = bareCoordinator(defaultConfig(), 'plug_abandonment');
    let judged = 0;
    let tripping = 0;
    let worst = 0;
    let tickets = 0;
    for await (const p of readCsvPackets(join(DATA, 'volve/F-9A_time_log_PA.csv'))) {
      const out = c.process(p);
      if (out.ticket) tickets++;
      const g = out.metrics?.tripTankGainBbl;
      if (g === null || g === undefined) continue;
      judged++;
      if (out.packet.rigState === 'TrippingIn' || out.packet.rigState === 'TrippingOut') tripping++;
      worst = Math.max(worst, Math.abs(g));
    }
    console.log(`[field] P&A trip sheet: judged on ${judged} packets (${tripping} tripping), largest unexplained trip-tank change ${worst.toFixed(2)} bbl, tickets ${tickets}`);
    expect(judged).toBeGreaterThan(30_000);
    expect(tripping).toBeGreaterThan(1000);
    expect(tickets).toBe(0);
  });

  it('stays quiet with a margin: limits at 1 bbl on the trip tank and 3 bbl on the pits still raise nothing', async () => {
    const d = defaultConfig();
    const config = {
      ...d,
      trip: { ...d.trip, gain_warning_bbl: 1, loss_warning_bbl: 1 },
      thresholds: { ...d.thresholds, well_control: { ...d.thresholds.well_control, pit_gain_warning_bbl: 3 } },
    };
    const c = bareCoordinator(config, 'plug_abandonment');
    const tickets: string[] = [];
    for await (const p of readCsvPackets(join(DATA, 'volve/F-9A_time_log_PA.csv'))) {
      const out = c.process(p);
      if (out.ticket) tickets.push(`${new Date(out.ticket.timeMs).toISOString()} ${out.ticket.description}`);
    }
    expect(tickets).toEqual([]);
  });

  for (const fault of ['trip-gain', 'trip-loss'] as const) {
    it(`a ${fault} of 5 bbl injected while tripping is advised at each of 3 onsets, within the 5-min ramp, with nothing before it`, async () => {
      const runs: FaultRunResult[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await runTask({ kind: 'fault', key: `volve-pa/${fault}/nominal/${i + 1}`, recording: 'volve-pa', fault, onsetIndex: i, size: 'nominal' }, cache, settings, knowledge);
        expect(r.kind).toBe('fault');
        runs.push(r as FaultRunResult);
      }
      console.log(`[field] P&A ${fault} 5 bbl: ${runs.map((r) => `${r.onset.slice(11, 19)} ${r.score.latencyS === null ? 'miss' : `${r.score.latencyS} s ${r.score.riskLevel}`}`).join(', ')}`);
      for (const r of runs) {
        expect(r.score.latencyS).not.toBeNull();
        expect(r.score.latencyS as number).toBeLessThanOrEqual(300);
        expect(r.score.riskLevel === 'High' || r.score.riskLevel === 'Critical').toBe(true);
        expect(r.score.preOnsetAmber).toBe(0);
      }
    });
  }
});
