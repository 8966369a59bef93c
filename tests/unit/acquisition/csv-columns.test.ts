import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadColumnMapFile, loadColumnMapFor } from '../../../src-main/acquisition/column-map-file.js';
import { CANONICAL_HEADER, parseCanonicalHeader, resolveColumnMap } from '../../../src-main/acquisition/csv-columns.js';
import { CHANNELS } from '../../../src-shared/wits.js';
import { CsvLayoutError, detectCsvPreset } from '../../../src-main/acquisition/csv-presets.js';
import { readCsvPackets, type CsvReadOptions, type CsvReadStats } from '../../../src-main/acquisition/csv-replay.js';
import type { WitsPacket } from '../../../src-shared/wits.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sairen-columns-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
async function readAll(path: string, opts: CsvReadOptions = {}) {
  const stats: CsvReadStats = { preset: null, rows: 0, packets: 0, skipped: 0 };
  const packets: WitsPacket[] = [];
  for await (const p of readCsvPackets(path, { ...opts, stats })) packets.push(p);
  return { packets, stats };
}

describe('canonical CSV with unit-suffixed headers', () => {
  it("reads the issue's header (oilfield units) as 'canonical'", async () => {
    const header = 'timestamp,bit_depth_ft,hole_depth_ft,rop_ft_hr,hook_load_klb,wob_klb,rpm,torque_kftlb,spp_psi,flow_in_gpm,flow_out_gpm,pit_volume_bbl,mud_weight_in_ppg,gas_units,bit_diameter_in,trip_tank_bbl';
    const p = write('canonical.csv', [header, '2024-05-01T10:00:00Z,9000,9001,55,210,22,120,14.5,3100,600,602,480.5,10.2,35,8.5,20'].join('\n'));
    const { packets, stats } = await readAll(p);
    expect(stats.preset).toBe('canonical');
    const [x] = packets;
    expect(x.timeMs).toBe(Date.UTC(2024, 4, 1, 10));
    expect(x).toMatchObject({
      bitDepthFt: 9000, holeDepthFt: 9001, ropFtHr: 55, hookLoadKlbf: 210, wobKlbf: 22, rpm: 120, torqueKftLbf: 14.5,
      sppPsi: 3100, flowInGpm: 600, flowOutGpm: 602, pitVolumeBbl: 480.5, mudWeightInPpg: 10.2, gasUnits: 35, bitDiameterIn: 8.5, tripTankBbl: 20,
    });
  });

  it('converts metric suffixes at ingest (m, m_hr, kn, knm, kpa, lpm, m3, sg, degc, mm, gas pct)', async () => {
    const header = 'time,bit_depth_m,rop_m_hr,wob_kn,torque_knm,spp_kpa,flow_in_lpm,pit_volume_m3,mud_weight_in_sg,mud_temp_out_degc,bit_diameter_mm,gas_pct,flow_out_pct,unknown_thing_xyz';
    const p = write('metric.csv', [header, '2024-05-01T10:00:00Z,1000,20,100,10,20000,2000,50,1.2,50,311.15,1,45,7'].join('\n'));
    const { packets, stats } = await readAll(p);
    expect(stats.preset).toBe('canonical');
    const [x] = packets;
    expect(x.bitDepthFt).toBeCloseTo(3280.84, 1);
    expect(x.ropFtHr).toBeCloseTo(65.6, 1);
    expect(x.wobKlbf).toBeCloseTo(22.48, 2);
    expect(x.torqueKftLbf).toBeCloseTo(7.376, 2);
    expect(x.sppPsi).toBeCloseTo(2900.8, 0);
    expect(x.flowInGpm).toBeCloseTo(528.3, 0);
    expect(x.pitVolumeBbl).toBeCloseTo(314.5, 0);
    expect(x.mudWeightInPpg).toBeCloseTo(10.01, 2);
    expect(x.mudTempOutF).toBeCloseTo(122, 5);
    expect(x.bitDiameterIn).toBeCloseTo(12.25, 3);
    expect(x.gasUnits).toBe(50);
    expect(x.flowOutPercent).toBe(45); // a percentage never becomes gpm
    expect(x.flowOutGpm).toBeNull();
  });

  it('without a time column the log is depth-indexed and time comes from depth and ROP', async () => {
    const p = write('depth.csv', ['hole_depth_m,rop_m_hr,wob_klb,rpm', '1000,36,20,120', '1000.1,36,20,120'].join('\n'));
    const { packets, stats } = await readAll(p, { startTimeMs: 0 });
    expect(stats.preset).toBe('canonical');
    expect(packets[1].timeMs - packets[0].timeMs).toBe(10_000);
    expect(packets[0].bitDepthFt).toBeCloseTo(3280.84, 1);
  });

  it('every header our canonical CSV writes is read back as its channel, in canonical units', () => {
    for (const c of CHANNELS) {
      const t = parseCanonicalHeader(CANONICAL_HEADER[c]);
      expect(t === 'timestamp' ? null : t?.channel).toBe(c);
      expect(t !== 'timestamp' && t?.convert ? t.convert(7) : 7).toBe(7);
    }
  });

  it('a unit that does not fit the channel is not read as that channel', () => {
    expect(parseCanonicalHeader('spp_m')).toBeNull();
    expect(parseCanonicalHeader('bit_depth_psi')).toBeNull();
    expect(parseCanonicalHeader('mud_weight_in_ppg')).toMatchObject({ channel: 'mudWeightInPpg' });
    expect(detectCsvPreset(['a', 'b', 'c'])).toBeNull();
  });
});

describe('column map (--column-map FILE)', () => {
  const csv = ['Zeit,Tiefe,Meissel,Drehmoment,Pumpendruck', '2024-05-01 10:00:00,1500.5,12,8,150', '2024-05-01 10:00:01,1500.6,12.5,8.2,151'].join('\n');
  const map = {
    Zeit: 'timestamp',
    Tiefe: { channel: 'bit_depth', unit: 'm' },
    Meissel: { channel: 'wobKlbf', unit: 'kN' },
    Drehmoment: 'torque_knm',
    Pumpendruck: { channel: 'spp', unit: 'bar' },
  };

  it('maps headers to channels with their units', async () => {
    const p = write('german.csv', csv);
    const { packets, stats } = await readAll(p, { columns: map });
    expect(stats.preset).toBe('custom');
    expect(packets).toHaveLength(2);
    expect(packets[0].bitDepthFt).toBeCloseTo(4922.9, 1);
    expect(packets[0].wobKlbf).toBeCloseTo(2.698, 3);
    expect(packets[0].torqueKftLbf).toBeCloseTo(5.9, 2);
    expect(packets[0].sppPsi).toBeCloseTo(2175.6, 0);
  });

  it('says what is wrong with each entry', () => {
    const r = resolveColumnMap({ A: 'timestamp', B: { channel: 'spp', unit: 'm' }, C: 'nonsense', D: { channel: 'wob' }, E: 'wob_klb', F: 'time' });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^"B": unit "m" does not fit spp \(use one of psi, kpa/);
    expect(errors[1]).toMatch(/^"C": "nonsense" is neither "timestamp" nor a channel/);
    expect(errors[2]).toMatch(/^"E": wobKlbf is already fed by "D"/);
    expect(errors[3]).toMatch(/^"F": timestamp is already fed by "A"/);
    const noIndex = resolveColumnMap({ W: 'wob' });
    expect(noIndex.ok ? '' : noIndex.errors[0]).toMatch(/needs a "timestamp" column, or a depth column/);
  });

  it('a map naming columns the CSV lacks is a layout error, not a crash', async () => {
    const p = write('german2.csv', csv);
    await expect(readAll(p, { columns: { ...map, Hakenlast: 'hook_load_klb' } })).rejects.toThrow(CsvLayoutError);
    await expect(readAll(p, { columns: { ...map, Hakenlast: 'hook_load_klb' } })).rejects.toThrow(/"Hakenlast"/);
  });

  it('loads a JSON file: bad JSON, wrong shape and bad entries each get one clear message', async () => {
    expect(loadColumnMapFile(write('ok.json', JSON.stringify(map)))).toEqual({ ok: true, columns: map });
    const bad = (text: string) => {
      const r = loadColumnMapFile(write('bad.json', text));
      return r.ok ? '' : r.error;
    };
    expect(bad('{ nope')).toMatch(/is not valid JSON/);
    expect(bad('[1, 2]')).toMatch(/expected \{"CSV header"/);
    expect(bad('{"A": 5}')).toMatch(/"A": .*expected/);
    expect(bad('{"A": "timestamp", "B": {"channel": "spp", "unit": "furlong"}}')).toMatch(/"B": unit "furlong" does not fit spp/);
    const missing = loadColumnMapFile(join(dir, 'missing.json'));
    expect(missing.ok ? '' : missing.error).toMatch(/cannot read column map .*ENOENT/);
    const mismatch = await loadColumnMapFor(write('german3.csv', csv), write('other.json', JSON.stringify({ Time: 'timestamp', Depth: 'bit_depth_m' })));
    expect(mismatch.ok ? '' : mismatch.error).toMatch(/column map names columns the CSV does not have: "Time", "Depth"/);
  });
});
