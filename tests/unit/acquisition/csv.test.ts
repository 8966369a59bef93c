import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { countCsvRows, CsvReplaySource, readCsvPackets, type CsvReadStats } from '../../../src-main/acquisition/csv-replay.js';
import { parseCsvLine, parseTimestamp } from '../../../src-main/acquisition/csv-presets.js';
import { StdinSource, packetFromJson } from '../../../src-main/acquisition/stdin.js';
import { createSource } from '../../../src-main/acquisition/source-factory.js';
import { buildChannelMap } from '../../../src-main/acquisition/channel-map.js';
import { formatWitsFrame } from '../../../src-main/acquisition/wits0-writer.js';
import { backoffMs } from '../../../src-main/acquisition/data-source.js';
import { listSerialPorts } from '../../../src-main/acquisition/serial.js';
import type { WitsPacket } from '../../../src-shared/wits.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sairen-csv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
async function readAll(path: string, opts = {}): Promise<{ packets: WitsPacket[]; stats: CsvReadStats }> {
  const stats: CsvReadStats = { preset: null, rows: 0, packets: 0, skipped: 0 };
  const packets: WitsPacket[] = [];
  for await (const p of readCsvPackets(path, { ...opts, stats })) packets.push(p);
  return { packets, stats };
}

const SIMPLE_HEADER =
  'timestamp,bit_depth,hole_depth,rop,hook_load,wob,rpm,torque,spp,pump_spm,flow_in,flow_out,pit_volume,mud_weight_in,mud_weight_out,ecd,gas_units,mud_temp_in,mud_temp_out,casing_pressure,h2s,co2';

describe('CSV presets on inline fixtures', () => {
  it('parses quoted CSV cells and both timestamp forms as UTC', () => {
    expect(parseCsvLine('a,"b, c","x"""')).toEqual(['a', 'b, c', 'x"']);
    expect(parseTimestamp('1700000000')).toBe(1_700_000_000_000);
    expect(parseTimestamp('2024-01-01T00:00:01Z')).toBe(Date.UTC(2024, 0, 1, 0, 0, 1));
    expect(parseTimestamp('2024-01-01 00:00:01')).toBe(Date.UTC(2024, 0, 1, 0, 0, 1));
    expect(parseTimestamp('garbage')).toBeNaN();
  });

  it('simple: ISO and Unix time, empty cell = absent, junk rows skipped and counted', async () => {
    const p = write(
      'simple.csv',
      [
        SIMPLE_HEADER,
        '2024-01-01T00:00:00Z,9000,9010,60,250,25,120,12,3000,100,600,,500,10,10.1,10.5,20,100,120,0,0,0',
        '1704067201,9000.5,9010,60,250,25,120,12,3000,100,600,598,500,10,10.1,10.5,20,100,120,0,0,0',
        'not-a-time,1,2,3',
        '1704067202,,,,,,,,,,,,,,,,,,,,,',
      ].join('\n'),
    );
    const { packets, stats } = await readAll(p);
    expect(stats).toEqual({ preset: 'simple', rows: 4, packets: 2, skipped: 2 });
    expect(packets[0].timeMs).toBe(Date.UTC(2024, 0, 1));
    expect(packets[0].flowOutGpm).toBeNull();
    expect(packets[1].timeMs).toBe(Date.UTC(2024, 0, 1, 0, 0, 1));
    expect(packets[1].flowOutGpm).toBe(598);
    expect(packets[1].co2Percent).toBe(0);
    expect(await countCsvRows(p)).toBe(4);
  });

  it('usrop: metric -> canonical and time derived from depth steps and ROP, clamped', async () => {
    const header = ',Measured Depth m,Weight on Bit kkgf,Average Standpipe Pressure kPa,Average Surface Torque kN.m,Rate of Penetration m/h,Average Rotary Speed rpm,Mud Flow In L/min,Mud Density In g/cm3,Diameter mm,Average Hookload kkgf,Hole Depth (TVD) m,USROP Gamma gAPI';
    const p = write(
      'usrop.csv',
      [header, '0,300,10,10000,5,36,120,2000,1.2,215.9,100,299,40', '1,300.1,10,10000,5,36,120,2000,1.2,215.9,100,299.1,40', '2,310,10,10000,5,36,120,2000,1.2,215.9,100,309,40', '3,310.1,,,,,,,,,,,'].join('\n'),
    );
    const { packets, stats } = await readAll(p, { startTimeMs: 1000 });
    expect(stats.preset).toBe('usrop');
    expect(stats.skipped).toBe(1); // depth only
    const [a, b, c] = packets;
    expect(a.bitDepthFt).toBeCloseTo(984.25, 1);
    expect(a.holeDepthFt).toBeCloseTo(984.25, 1); // the TVD column is not the hole depth
    expect(a.wobKlbf).toBeCloseTo(22.05, 1);
    expect(a.sppPsi).toBeCloseTo(1450.4, 0);
    expect(a.torqueKftLbf).toBeCloseTo(3.69, 2);
    expect(a.ropFtHr).toBeCloseTo(118.1, 0);
    expect(a.flowInGpm).toBeCloseTo(528.3, 0);
    expect(a.mudWeightInPpg).toBeCloseTo(10.01, 2);
    expect(a.flowOutGpm).toBeNull();
    expect(a.bitDiameterIn).toBeCloseTo(8.5, 3); // Diameter 215.9 mm
    expect(a.timeMs).toBe(1000);
    expect(b.timeMs - a.timeMs).toBe(10_000); // 0.1 m at 36 m/h = 10 s
    expect(c.timeMs - b.timeMs).toBe(60_000); // 9.9 m would be 990 s: clamped to 60
  });

  it('volve-depth: sparse channels, gas % -> units, flow-out % never becomes flow-out gpm', async () => {
    const header = ',Measured Depth m,Average Hookload kkgf,Weight on Bit kkgf,Mud Flow In L/min,Mud Flow Out % %,Gas %,Rate of Penetration m/h,Bit Depth m,Active Tank Volume m3,MWD Equivalent Circulating Density g/cm3,Mud Temperature In degC,nameWellbore';
    const p = write('volve.csv', [header, '0,0,,,,,,,,,,,w', '1,500,100,5,3000,40,0.5,20,499,50,1.3,40,w'].join('\n'));
    const { packets, stats } = await readAll(p);
    expect(stats.preset).toBe('volve-depth');
    expect(stats.skipped).toBe(1);
    const [x] = packets;
    expect(x.flowOutGpm).toBeNull();
    expect(x.flowOutPercent).toBe(40);
    expect(x.gasUnits).toBe(25);
    expect(x.bitDepthFt).toBeCloseTo(1637.1, 0);
    expect(x.holeDepthFt).toBeCloseTo(1640.4, 0);
    expect(x.pitVolumeBbl).toBeCloseTo(314.5, 0);
    expect(x.ecdPpg).toBeCloseTo(10.85, 2);
    expect(x.mudTempInF).toBeCloseTo(104, 5);
  });

  it('volve-depth holds a sparse channel over a short depth gap only', async () => {
    const header = ',Measured Depth m,Average Rotary Speed rpm,Mud Flow In L/min,Gas %,nameWellbore';
    const p = write('sparse.csv', [header, '1,500,120,2000,,w', '2,501,,,0.2,w', '3,520,,,0.3,w', '4,521,,,,w'].join('\n'));
    const { packets, stats } = await readAll(p);
    expect(stats.skipped).toBe(1); // row 4 has nothing of its own
    expect(packets.map((x) => x.rpm)).toEqual([120, 120, null]); // 1 m later held, 20 m later not
    const off = await readAll(p, { holdDepthFt: 0 });
    expect(off.packets.map((x) => x.rpm)).toEqual([120, null, null]);
  });

  it('volve-pa-time: SI units, torque 32767 and flow-out absent, blank = absent', async () => {
    const header = 'timestamp,src,hole_depth_m,bit_depth_m,rop_m_per_s,hookload_N,wob_N,rpm_c_per_s,torque_N_m,spp_Pa,pump_stroke_rate_Hz,flow_in_m3_per_s,flow_out_m3_per_s,pit_volume_active_m3,mud_density_in_kg_per_m3,temp_in_K';
    const p = write('pa.csv', [header, '2016-09-29T00:06:28Z,x,1206,1000,0,1000000,0,2,32767,1e6,1,0.05,0.04,40,1200,', '2016-09-29T00:06:30Z,x,1206,1000,,,,,5000,,,,,,,300'].join('\n'));
    const { packets, stats } = await readAll(p);
    expect(stats.preset).toBe('volve-pa-time');
    const [a, b] = packets;
    expect(a.timeMs).toBe(Date.UTC(2016, 8, 29, 0, 6, 28));
    expect(a.torqueKftLbf).toBeNull();
    expect(a.flowOutGpm).toBeNull();
    expect(a.rpm).toBe(120);
    expect(a.pumpSpm).toBe(60);
    expect(a.hookLoadKlbf).toBeCloseTo(224.8, 1);
    expect(a.sppPsi).toBeCloseTo(145.0, 1);
    expect(a.flowInGpm).toBeCloseTo(792.5, 1);
    expect(a.bitDepthFt).toBeCloseTo(3280.84, 2);
    expect(a.mudTempInF).toBeNull();
    expect(b.torqueKftLbf).toBeCloseTo(3.688, 3);
    expect(b.mudTempInF).toBeCloseTo(80.33, 2);
    expect(b.wobKlbf).toBeNull();
  });

  it('an unknown header is a clear error, not a crash mid-way', async () => {
    const p = write('unknown.csv', 'foo,bar\n1,2\n');
    await expect(readAll(p)).rejects.toThrow(/unrecognised CSV header/);
  });
});

describe('CSV replay source', () => {
  const rows = (n: number) =>
    [SIMPLE_HEADER, ...Array.from({ length: n }, (_, i) => `${1_700_000_000 + i},${9000 + i * 0.1},9100,60,250,25,120,12,3000,100,600,600,500,10,10,10.5,20,100,120,0,0,0`)].join('\n');

  it("'max' replays every row with progress", async () => {
    const p = write('replay.csv', rows(1000));
    const progress: Array<[number, number]> = [];
    const src = new CsvReplaySource(p, { units: 'imperial' }, { speed: 'max', onProgress: (d, t) => progress.push([d, t]) });
    let n = 0;
    src.onPacket(() => n++);
    src.start();
    await src.finished();
    expect(n).toBe(1000);
    expect(progress.at(-1)).toEqual([1000, 1000]);
    expect(src.status().state).toBe('offline');
    expect(src.status().detail).toMatch(/replay finished: 1000 packets/);
    await src.dispose();
  });

  it('a speed factor paces rows at N× the recording (1 s rows at 20× ≈ 50 ms)', async () => {
    const p = write('paced.csv', rows(5));
    const src = new CsvReplaySource(p, { units: 'imperial' }, { speed: 20 });
    const times: number[] = [];
    src.onPacket(() => times.push(performance.now()));
    src.start();
    await src.finished();
    expect(times).toHaveLength(5);
    const elapsed = times[4] - times[0];
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(3000); // generous: CI cores are shared
  });

  it('createSource builds a csv source and refuses the simulator without a factory', () => {
    const map = buildChannelMap('wits-record01');
    const s = createSource({ kind: 'csv', path: 'x.csv', speed: 'max' }, { channelMap: map, units: 'imperial' });
    expect(s.status().kind).toBe('csv');
    expect(() => createSource({ kind: 'simulator', scenario: 'normal', seed: 1, speed: 1 }, { channelMap: map, units: 'imperial' })).toThrow(/simulatorFactory/);
  });
});

describe('stdin source', () => {
  it('takes WITS frames and JSON lines (snake_case and camelCase), counts bad lines', async () => {
    const map = buildChannelMap('wits-record01');
    const input = new PassThrough();
    const src = new StdinSource({ channelMap: map, units: 'imperial', now: () => 42 }, input);
    const got: WitsPacket[] = [];
    src.onPacket((p) => got.push(p));
    src.start();
    const frame = formatWitsFrame({ bitDepthFt: 100, rpm: 50 }, map);
    input.write(frame.slice(0, 7));
    input.write(frame.slice(7) + '  {"timestamp": 1700000000, "bit_depth": 200, "flow_in": 500}\n{"bitDepthFt": 300, "timeMs": 5}\n{bad json\n');
    input.end('{"nothing": 1}');
    await new Promise((r) => setImmediate(r));
    expect(got.map((p) => p.bitDepthFt)).toEqual([100, 200, 300]);
    expect(got[0].timeMs).toBe(42);
    expect(got[1].timeMs).toBe(1_700_000_000_000);
    expect(got[1].flowInGpm).toBe(500);
    expect(got[2].timeMs).toBe(5);
    expect(src.status().badLines).toBe(2);
    expect(src.status().packets).toBe(3);
    await src.dispose();
  });

  it('JSON in metric units is converted', () => {
    const p = packetFromJson('{"bit_depth": 1000}', { channelMap: buildChannelMap('reference'), units: 'metric' }, 1);
    expect(p?.bitDepthFt).toBeCloseTo(3280.84, 2);
  });
});

describe('backoff', () => {
  it('doubles from 2 s to a 60 s cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffMs(n, 2000, 60_000) / 1000)).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
  });
});

describe('listSerialPorts', () => {
  it('says why when the OS lister fails', async () => {
    const r = await listSerialPorts(() => Promise.reject(new Error('udevadm not found')));
    expect(r.ports).toEqual([]);
    expect(r.note).toMatch(/udevadm not found.*type the port path/);
    const ok = await listSerialPorts(() => Promise.resolve([{ path: '/dev/ttyS0' }]));
    expect(ok.ports.map((p) => p.path)).toEqual(['/dev/ttyS0']);
  });
});
