// Finding recordings in a data directory: small CSVs written here in our canonical layout (the
// simulator's writer), a drilling log, a trip with a trip tank, logs too short or idle for onsets,
// files that are no recording, and a shared file known by name (never read).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyChannels, type Channel, type ChannelValues } from '../../../src-shared/wits.js';
import { LONGEST_FAULT_S, MIN_HISTORY_S, MIN_ONSET_SECONDS, classifyBase, recordingId } from '../../../src-main/eval/classify.js';
import { recordingsProblem } from '../../../src-main/eval/args.js';
import { csvFilesUnder, discoverRecordings, type Discovery } from '../../../src-main/eval/discover.js';
import { DRILLING_FAULTS, SHARED_RECORDINGS, TRIP_FAULTS } from '../../../src-main/eval/recordings.js';
import { BaseCache, runTask } from '../../../src-main/eval/run-task.js';
import type { EvalSettings } from '../../../src-main/eval/tasks.js';
import { loadStaticKnowledgeStore } from '../../../src-main/knowledge/knowledge-file.js';
import { expandTo1Hz } from '../../../src-main/simulator/base-recording.js';
import { canonicalCsvHeader, formatCanonicalCsvRow } from '../../../src-main/simulator/wire.js';

const T0 = Date.UTC(2024, 2, 1);
const DRILLING: Partial<ChannelValues> = { holeDepthFt: 9000, bitDepthFt: 9000, ropFtHr: 60, wobKlbf: 25, rpm: 120, torqueKftLbf: 12, sppPsi: 2800, flowInGpm: 650 };

/** A canonical CSV of `hours` at one row per 10 s; `at(t)` gives the channels at second t. */
function csv(hours: number, at: (t: number) => Partial<ChannelValues>, extra: Channel[] = []): string {
  const channels: Channel[] = ['bitDepthFt', 'holeDepthFt', 'ropFtHr', 'wobKlbf', 'rpm', 'torqueKftLbf', 'sppPsi', 'flowInGpm', 'tripTankBbl', ...extra];
  const rows = [canonicalCsvHeader(channels)];
  for (let t = 0; t <= hours * 3600; t += 10) rows.push(formatCanonicalCsvRow({ timeMs: T0 + t * 1000, values: { ...emptyChannels(), ...at(t) } }, channels));
  return `${rows.join('\n')}\n`;
}

let dir: string;
let found: Discovery;
const progress: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sairen-discover-'));
  const put = (rel: string, text: string) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  put('other-rig/WELL_X.csv', csv(2, (t) => ({ ...DRILLING, holeDepthFt: 9000 + t / 60, bitDepthFt: 9000 + t / 60 })));
  put('other-rig/Well X.csv', csv(2, () => ({ ...DRILLING, bitDiameterIn: 12.25 }), ['bitDiameterIn']));
  // Pulling out of hole at 1 ft/s, pumps and rotary off, the trip tank read.
  put('pa/trip.csv', csv(2, (t) => ({ holeDepthFt: 12000, bitDepthFt: 11000 - t, rpm: 0, flowInGpm: 0, tripTankBbl: 40 - t / 1000 })));
  put('idle/circulating.csv', csv(2, () => ({ ...DRILLING, ropFtHr: 0, wobKlbf: 0 })));
  put('short.csv', csv(0.75, () => DRILLING));
  put('notes/readings.csv', 'operator,shift,remark\nA,day,ok\n');
  put('empty.csv', '\n\n');
  // A shared file known by name keeps its entry and is not read (this one is not even a CSV).
  put('usrop/USROP_A1_F-7_depth.csv', 'not read\n');
  put('README.md', '# not a recording\n');
  put('.cache/hidden.csv', csv(2, () => DRILLING));
  found = await discoverRecordings(dir, { bitDiameterIn: 6, onProgress: (l) => progress.push(l) });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recording ids from paths', () => {
  it('lower case, anything not a letter or digit to "-", unique against those taken', () => {
    expect(recordingId('other-rig/WELL_X.csv', new Set())).toBe('other-rig-well-x');
    expect(recordingId('other-rig/Well X.CSV', new Set(['other-rig-well-x']))).toBe('other-rig-well-x-2');
    expect(recordingId('sim.csv', new Set(['sim', 'sim-2']))).toBe('sim-3');
    expect(recordingId('__Ølje.csv', new Set())).toBe('lje');
    expect(recordingId('___.csv', new Set())).toBe('recording');
  });
});

describe('discovering recordings in a data directory', () => {
  it('walks every *.csv below the directory in path order, hidden entries skipped', () => {
    expect(csvFilesUnder(dir)).toEqual(['empty.csv', 'idle/circulating.csv', 'notes/readings.csv', 'other-rig/WELL_X.csv', 'other-rig/Well X.csv', 'pa/trip.csv', 'short.csv', 'usrop/USROP_A1_F-7_depth.csv']);
  });

  it('the shared file keeps its entry; a drilling log is scored as drilling, a trip with a trip tank as P&A', () => {
    expect(found.recordings.map((r) => r.id)).toEqual(['usrop-f7', 'other-rig-well-x', 'other-rig-well-x-2', 'pa-trip']);
    expect(found.recordings[0]).toBe(SHARED_RECORDINGS[0]);
    const [, upper, spaced, trip] = found.recordings;
    expect(upper).toMatchObject({ file: 'other-rig/WELL_X.csv', campaign: 'production', synthesise: true, faults: DRILLING_FAULTS, bitDiameterIn: 6, discovered: { layout: 'canonical', bit: 'assumed' } });
    expect(spaced).toMatchObject({ file: 'other-rig/Well X.csv', discovered: { bit: 'file' } });
    expect(trip).toMatchObject({ file: 'pa/trip.csv', campaign: 'plug_abandonment', synthesise: false, faults: TRIP_FAULTS, discovered: { layout: 'canonical', bit: 'assumed' } });
    // Onsets can sit from 30 min in to the longest fault (21 min) before the end of 2 h (7201 s): 69 min of drilling.
    expect(upper.discovered?.onsetSeconds).toBe(7201 - MIN_HISTORY_S - LONGEST_FAULT_S);
    expect(LONGEST_FAULT_S).toBe(1260);
  });

  it('lists what it cannot score with why: not a layout the replay reads, empty, idle, too short', () => {
    const why = Object.fromEntries(found.ignored.map((x) => [x.file, x.reason]));
    expect(Object.keys(why).sort()).toEqual(['empty.csv', 'idle/circulating.csv', 'notes/readings.csv', 'short.csv']);
    expect(why['notes/readings.csv']).toBe('not a CSV layout the replay reads (header: operator, shift, remark)');
    expect(why['empty.csv']).toBe('empty');
    expect(why['idle/circulating.csv']).toMatch(/^no drilling or tripping long enough for onsets \(0 min drilling, 0 min tripping/);
    expect(why['short.csv']).toMatch(/^no drilling or tripping long enough for onsets/);
    expect(found.ignored.find((x) => x.file === 'short.csv')?.id).toBe('short');
  });

  it('says what it is doing while it reads, file by file', () => {
    expect(progress).toContain('usrop/USROP_A1_F-7_depth.csv: usrop-f7 (a shared recording known by name)');
    expect(progress.some((l) => /^other-rig\/WELL_X\.csv: reading \(canonical layout, 0\.\d MB\)\.\.\.$/.test(l))).toBe(true);
    expect(progress.some((l) => /^other-rig\/WELL_X\.csv: other-rig-well-x, drilling \(1\.\d h where an onset can sit, bit 6 in assumed; \d+\.\d s\)$/.test(l))).toBe(true);
  });

  it('a fault whose channels the log lacks is skipped with why (no flow in to make flow out and pits from)', async () => {
    const own = mkdtempSync(join(tmpdir(), 'sairen-discover-noflow-'));
    try {
      writeFileSync(join(own, 'noflow.csv'), csv(2, () => ({ ...DRILLING, flowInGpm: null })));
      const { recordings } = await discoverRecordings(own, { bitDiameterIn: 8.5 });
      expect(recordings.map((r) => [r.id, r.campaign])).toEqual([['noflow', 'production']]);
      const settings: EvalSettings = { dataDir: own, recordings, leadS: 1800, onsetFractions: [0.5] };
      const knowledge = loadStaticKnowledgeStore('resources/knowledge-base.json').store;
      const r = await runTask({ kind: 'fault', key: 'noflow/kick/nominal/1', recording: 'noflow', fault: 'kick', onsetIndex: 0, size: 'nominal' }, new BaseCache(settings), settings, knowledge);
      expect(r).toEqual({ kind: 'skipped', key: 'noflow/kick/nominal/1', recording: 'noflow', fault: 'kick', reason: 'kick needs flowOutGpm or pitVolumeBbl, which this recording does not have (let the simulator synthesise them)' });
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('a drilling time log in SI `<channel>_<unit>` columns (the Volve P&A export layout) is scored as drilling, read in oilfield units', async () => {
    const own = mkdtempSync(join(tmpdir(), 'sairen-discover-si-'));
    try {
      // 2 h on bottom at 10 s rows: 2743.2 m, 3 mm/s, 111.2 kN, 2 rev/s, 16.27 kN.m, 19.31 MPa, 0.041 m3/s.
      const rows = ['timestamp,src,hole_depth_m,bit_depth_m,rop_m_per_s,wob_N,rpm_c_per_s,torque_N_m,spp_Pa,flow_in_m3_per_s'];
      for (let t = 0; t <= 7200; t += 10) {
        const depthM = 2743.2 + t * 0.005;
        rows.push(`${new Date(T0 + t * 1000).toISOString()},GenTime,${depthM},${depthM},0.005,111205,2,16270,19305000,0.041`);
      }
      writeFileSync(join(own, 'WELL_Z_time.csv'), `${rows.join('\n')}\n`);
      const { recordings } = await discoverRecordings(own, { bitDiameterIn: 12.25 });
      expect(recordings).toHaveLength(1);
      expect(recordings[0]).toMatchObject({ id: 'well-z-time', campaign: 'production', synthesise: true, faults: DRILLING_FAULTS, discovered: { layout: 'volve-pa-time', bit: 'assumed' } });
      expect(recordings[0].discovered?.onsetSeconds).toBe(7201 - MIN_HISTORY_S - LONGEST_FAULT_S);
      const settings: EvalSettings = { dataDir: own, recordings, leadS: 1800, onsetFractions: [0.5] };
      const rec = await new BaseCache(settings).get(recordings[0]);
      const at = (c: Channel) => (rec.channels[c] as Float64Array)[3600];
      expect(at('wobKlbf')).toBeCloseTo(25, 1);
      expect(at('rpm')).toBeCloseTo(120, 5);
      expect(at('torqueKftLbf')).toBeCloseTo(12, 1);
      expect(at('sppPsi')).toBeCloseTo(2800, 0);
      expect(at('flowInGpm')).toBeCloseTo(650, 0);
      expect(at('ropFtHr')).toBeCloseTo(59.06, 1);
      // flow out and pits made up around it, as for the shared logs, so kick and loss can be injected
      expect(rec.synthesised).toEqual(expect.arrayContaining(['flowOutGpm', 'pitVolumeBbl']));
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('reads only the files asked for (the others keep their ids), still naming files that are no recording', async () => {
    const asked = await discoverRecordings(dir, { bitDiameterIn: 8.5, wanted: ['pa-trip'] });
    expect(asked.recordings.map((r) => r.id)).toEqual(['usrop-f7', 'pa-trip']);
    expect(asked.ignored.map((x) => x.file)).toEqual(['empty.csv', 'notes/readings.csv']);
    // The recognised files not read stay valid names for --recordings.
    expect(asked.unread.length).toBeGreaterThan(0);
    expect(asked.unread).not.toContain('pa-trip');
    expect(recordingsProblem(['nope'], [...asked.recordings.map((r) => r.id), ...asked.unread], asked.ignored)).toContain(asked.unread[0]);
  });
});

describe('classifying a recording by its content', () => {
  /** One row every 10 s from 0 to lastS (and one at lastS), all with the same channels. */
  const base = (lastS: number, v: Partial<ChannelValues>) => {
    const times = Array.from({ length: Math.floor(lastS / 10) + 1 }, (_, i) => i * 10).concat(lastS);
    return expandTo1Hz(times.map((t) => ({ timeMs: T0 + t * 1000, values: { ...emptyChannels(), ...v } })));
  };
  const TRIPPING = { holeDepthFt: 12000, bitDepthFt: 11000, rpm: 0, flowInGpm: 0, tripTankBbl: 40 };
  it('drilling on bottom; pumps off on bottom or circulating is neither', () => {
    expect(classifyBase(base(7200, DRILLING))).toEqual({ kind: 'drilling', onsetSeconds: 4141 });
    expect(classifyBase(base(7200, { ...DRILLING, flowInGpm: 0 })).kind).toBe('ignored');
    expect(classifyBase(base(7200, { ...DRILLING, ropFtHr: 0 })).kind).toBe('ignored');
  });
  it('needs 10 min where an onset can sit: 30 min of history before, the longest fault after', () => {
    const justEnough = MIN_HISTORY_S + MIN_ONSET_SECONDS + LONGEST_FAULT_S - 1;
    expect(classifyBase(base(justEnough, DRILLING))).toEqual({ kind: 'drilling', onsetSeconds: 600 });
    expect(classifyBase(base(justEnough - 1, DRILLING)).kind).toBe('ignored');
  });
  it('a moving string with the trip tank read is tripping; without the trip tank it is nothing', () => {
    const pulling = (tank: boolean) => {
      const times = Array.from({ length: 721 }, (_, i) => i * 10);
      return expandTo1Hz(times.map((t) => ({ timeMs: T0 + t * 1000, values: { ...emptyChannels(), ...TRIPPING, bitDepthFt: 11000 - t, tripTankBbl: tank ? 40 : null } })));
    };
    expect(classifyBase(pulling(true)).kind).toBe('tripping');
    expect(classifyBase(pulling(false))).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/0 min tripping with the trip tank read/) });
  });
});
