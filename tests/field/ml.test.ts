// The ML engine on the real recordings in ../shared/data (issue 14): hourly reports on the
// recordings' own time, per formation segment; every optimum plausible (inside the WOB and RPM
// actually run, ROP at or above the segment's median); every failure with its DOMAIN §10 code.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type WellConfig } from '../../src-shared/config.js';
import type { MlReport, MlSample, MlSkip } from '../../src-shared/ml.js';
import { readCsvPackets } from '../../src-main/acquisition/csv-replay.js';
import { dysfunctionFilter } from '../../src-main/ml/dysfunction-filter.js';
import { qualityFilter } from '../../src-main/ml/quality-filter.js';
import { InlineMlRunner } from '../../src-main/ml/runner.js';
import { mlSampleOf } from '../../src-main/ml/sample.js';
import { MlScheduler } from '../../src-main/ml/scheduler.js';
import { largestSegment, segmentByDExponent } from '../../src-main/ml/segmentation.js';
import { median } from '../../src-main/ml/statistics.js';
import { collectWindow } from '../../src-main/ml/collect.js';
import { replayCsv } from '../../src-main/pipeline/replay.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import { summariseMlReport } from '../../src-main/ml/report-summary.js';
import { MemoryStore } from '../../src-main/storage/memory-store.js';
import { bareCoordinator } from '../support/coordinator.js';
import { DATA } from './data.js';

const withBit = (bitIn: number): WellConfig => {
  const c = defaultConfig();
  return { ...c, well: { ...c.well, bit_diameter_inches: bitIn } };
};

async function hourlyReports(file: string, config: WellConfig, campaign: 'production' | 'plug_abandonment' = 'production') {
  const coordinator = bareCoordinator(config, campaign);
  const samples: MlSample[] = [];
  const reports: MlReport[] = [];
  const skips: MlSkip[] = [];
  const scheduler = new MlScheduler({
    settings: () => ({ enabled: true, intervalS: 3600, windowS: 7200, campaign, wellId: file, field: 'Volve' }),
    runner: new InlineMlRunner(),
    onReport: (r) => reports.push(r),
    onSkip: (s) => skips.push(s),
    onError: (e) => {
      throw e;
    },
  });
  for await (const p of readCsvPackets(join(DATA, file), { units: config.acquisition.units })) {
    const out = coordinator.process(p);
    const s = mlSampleOf(out.packet, out.metrics, out.detected);
    if (!s) continue;
    samples.push(s);
    scheduler.observe(s);
  }
  return { samples, reports, skips };
}

/** The analysed segment of a report, rebuilt from the same window with the same stages. */
function segmentOf(samples: MlSample[], r: MlReport): MlSample[] {
  const kept = dysfunctionFilter(qualityFilter(collectWindow(samples, r.timeMs, 7200))).kept;
  const ranges = segmentByDExponent(kept);
  const [a, b] = ranges[largestSegment(ranges)];
  return kept.slice(a, b);
}

const f1 = (x: number) => x.toFixed(1);

describe('ML engine on the real drilling recordings (17.5-in section)', () => {
  for (const file of ['usrop/USROP_A1_F-7_depth.csv', 'usrop/USROP_A6_F-9_depth.csv', 'volve/F-9_depth_log_raw.csv']) {
    it(file, async () => {
      const { samples, reports, skips } = await hourlyReports(file, withBit(17.5));
      const rows: string[] = [];
      let plausible = 0;
      for (const r of reports) {
        const depth = r.depthRange ? `${r.depthRange.fromFt.toFixed(0)}-${r.depthRange.toFt.toFixed(0)}` : '-';
        const seg = r.segment ? `${r.segment.label} (d ${r.segment.meanDExponent.toFixed(2)})` : '-';
        if (r.result.status === 'failure') {
          expect(['InsufficientData', 'AllDataRejected', 'UnstableFormation']).toContain(r.result.reason);
          expect(r.result.detail.length).toBeGreaterThan(10);
          rows.push(`| ${file} | ${new Date(r.timeMs).toISOString().slice(11, 16)} | ${depth} | ${seg} | ${r.result.reason}: ${r.result.detail} |`);
          continue;
        }
        const o = r.result.optimum;
        const seg2 = segmentOf(samples, r);
        const wobs = seg2.map((s) => s.wobKlbf as number);
        const rpms = seg2.map((s) => s.rpm as number);
        const ropMedian = median(seg2.map((s) => s.ropFtHr as number)) as number;
        expect(seg2.length).toBe(r.counts.segment);
        expect(o.wobKlbf.best).toBeGreaterThanOrEqual(Math.min(...wobs));
        expect(o.wobKlbf.best).toBeLessThanOrEqual(Math.max(...wobs));
        expect(o.rpm.best).toBeGreaterThanOrEqual(Math.min(...rpms));
        expect(o.rpm.best).toBeLessThanOrEqual(Math.max(...rpms));
        expect(o.expectedRopFtHr).toBeGreaterThanOrEqual(ropMedian);
        plausible++;
        rows.push(
          `| ${file} | ${new Date(r.timeMs).toISOString().slice(11, 16)} | ${depth} | ${seg} | WOB ${f1(o.wobKlbf.best)} (${f1(o.wobKlbf.min)}-${f1(o.wobKlbf.max)}) of ${f1(Math.min(...wobs))}-${f1(Math.max(...wobs))} klbf; ` +
            `RPM ${o.rpm.best.toFixed(0)} (${o.rpm.min.toFixed(0)}-${o.rpm.max.toFixed(0)}) of ${Math.min(...rpms).toFixed(0)}-${Math.max(...rpms).toFixed(0)}; ` +
            `ROP ${f1(o.expectedRopFtHr)} vs segment median ${f1(ropMedian)} ft/hr; ${o.binSamples}/${r.counts.segment} samples, ${r.result.confidence} |`,
        );
      }
      console.log(`[field-ml] ${file}: ${reports.length} reports (${plausible} with a plausible optimum), ${skips.length} skipped\n${rows.join('\n')}`);
      expect(reports.length).toBeGreaterThanOrEqual(4);
      expect(plausible).toBeGreaterThanOrEqual(1);
    });
  }
});

describe('recordings without drilling', () => {
  it('the P&A time log (no drilling) never yields an optimum: runs are skipped or fail with a reason', async () => {
    const { reports, skips } = await hourlyReports('volve/F-9A_time_log_PA.csv', defaultConfig(), 'plug_abandonment');
    console.log(`[field-ml] volve/F-9A_time_log_PA.csv: ${reports.length} reports, ${skips.length} skipped (${skips[0]?.reason ?? ''})`);
    expect(skips.length).toBeGreaterThan(20);
    expect(reports.filter((r) => r.result.status === 'success')).toEqual([]);
  });
});

describe('replay determinism on a real recording', () => {
  it('USROP A1 replayed twice gives identical ML reports', async () => {
    const file = join(DATA, 'usrop/USROP_A1_F-7_depth.csv');
    const a = await replayCsv(file, { config: withBit(17.5), speed: 'max' });
    const b = await replayCsv(file, { config: withBit(17.5), speed: 'max' });
    expect(a.ml.reports.length).toBeGreaterThanOrEqual(4);
    expect(b.ml).toEqual(a.ml);
  });
});

describe('a depth log played live (headless --csv FILE --speed max, stamped from now) and replayed', () => {
  it('USROP A1: the same reports at the same offsets from the first packet', async () => {
    const file = join(DATA, 'usrop/USROP_A1_F-7_depth.csv');
    const replayed = await replayCsv(file, { config: withBit(17.5), speed: 'max' });
    const engine = createEngine(withBit(17.5), { storage: new MemoryStore(), source: { kind: 'csv', path: file, speed: 'max' }, healthIntervalMs: 0 });
    const live: MlReport[] = [];
    engine.on('mlReport', (r) => live.push(r));
    await engine.start();
    const end = Date.now() + 300_000;
    while (live.length < replayed.ml.reports.length && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    await engine.dispose();
    // Times and ids carry the origin; everything the engine concluded must match.
    const content = (r: ReturnType<typeof summariseMlReport>) => ({ ...r, id: '', time: '' });
    expect(live.map(summariseMlReport).map(content)).toEqual(replayed.ml.reports.map(content));
  });
});
