// `simulate --base`, `replay --column-map` and `headless --column-map` as a user runs them:
// real processes, real files; bad input ends with one line and exit code 2.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvPackets, type CsvReadStats } from '../../../src-main/acquisition/csv-replay.js';
import { parseCliArgs } from '../../../src-main/cli/simulate.js';
import type { BaseGroundTruth } from '../../../src-main/simulator/base-run.js';
import type { WitsPacket } from '../../../src-shared/wits.js';

const tsx = (cli: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', timeout: 90_000 });
const simulate = (args: string[]) => tsx('src-main/cli/simulate.ts', args);

let dir: string;
let usrop: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-base-'));
  // A USROP-style depth log: 0.05 m rows at 36 m/h = one row per 5 s, 2 h of drilling.
  const header = ',Measured Depth m,Weight on Bit kkgf,Average Standpipe Pressure kPa,Average Surface Torque kN.m,Rate of Penetration m/h,Average Rotary Speed rpm,Mud Flow In L/min,Mud Density In g/cm3,Diameter mm,Average Hookload kkgf,Hole Depth (TVD) m,USROP Gamma gAPI';
  const rows = [header];
  for (let i = 0; i <= 1440; i++) rows.push(`${i},${(1000 + i * 0.05).toFixed(3)},10,20000,8,36,120,2500,1.2,311.15,100,${999 + i * 0.05},50`);
  usrop = path.join(dir, 'usrop.csv');
  fs.writeFileSync(usrop, rows.join('\n'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readBack(file: string) {
  const stats: CsvReadStats = { preset: null, rows: 0, packets: 0, skipped: 0 };
  const packets: WitsPacket[] = [];
  for await (const p of readCsvPackets(file, { stats })) packets.push(p);
  return { packets, stats };
}

describe('simulate --base FILE', () => {
  it('writes the recording at 1 Hz with made-up channels and the kick in them, as canonical CSV, plus ground truth', async () => {
    const out = path.join(dir, 'kick.csv');
    const gt = path.join(dir, 'kick.json');
    const r = simulate(['--base', usrop, '--scenario', 'kick', '--onset', '3000', '--size', '40', '--ramp', '120', '--hold', '600', '--format', 'csv', '--out', out, '--ground-truth', gt]);
    expect(r.stderr).toContain('kick 40 gpm at 3000 s');
    expect(r.status).toBe(0);
    const truth = JSON.parse(fs.readFileSync(gt, 'utf8')) as BaseGroundTruth;
    expect(truth.base).toMatchObject({ preset: 'usrop', rows: 1441, lengthS: 7201, synthesised: ['flowOutGpm', 'pitVolumeBbl', 'gasUnits', 'pumpSpm', 'mudWeightOutPpg'] });
    expect(truth.fault).toMatchObject({ fault: 'kick', size: 40, onsetS: 3000, fullSizeS: 3120, endS: 3780, onset: '2000-01-01T00:50:00.000Z', end: '2000-01-01T01:03:00.000Z' });
    const { packets, stats } = await readBack(out);
    expect(stats.preset).toBe('canonical');
    expect(packets).toHaveLength(7201);
    expect(packets[1].timeMs - packets[0].timeMs).toBe(1000);
    expect(packets[0].bitDiameterIn).toBeCloseTo(12.25, 3);
    const balance = (k: number) => (packets[k].flowOutGpm as number) - (packets[k].flowInGpm as number);
    const mean = (from: number, to: number) => {
      let s = 0;
      for (let k = from; k < to; k++) s += balance(k);
      return s / (to - from);
    };
    expect(Math.abs(mean(2000, 2990))).toBeLessThan(5);
    expect(mean(3200, 3700)).toBeGreaterThan(33);
    expect(mean(3200, 3700)).toBeLessThan(47);
    expect((packets[3700].pitVolumeBbl as number) - (packets[2990].pitVolumeBbl as number)).toBeGreaterThan(5);
  });

  it('parses the base options and refuses bad ones', () => {
    expect(parseCliArgs(['--base', 'x.csv', '--scenario', 'trip-gain', '--onset', '2h', '--size', '3', '--format', 'csv', '--out', 'o.csv']).base).toMatchObject({
      file: 'x.csv', fault: 'trip-gain', onsetS: 7200, size: 3, rampS: null, synthesise: true,
    });
    expect(parseCliArgs(['--base', 'x.csv']).base).toMatchObject({ fault: null });
    for (const [args, msg] of [
      [['--onset', '10'], /--onset goes with --base FILE/],
      [['--base', 'x.csv', '--scenario', 'kick'], /needs --onset SECONDS/],
      [['--base', 'x.csv', '--scenario', 'mse-inefficiency', '--onset', '5'], /with --base the scenario is normal or one of kick, loss/],
      [['--base', 'x.csv', '--scenario', 'kick', '--onset', '5', '--size', '5000'], /bad --size '5000' for kick \(1-1000 gpm\)/],
      [['--base', 'x.csv', '--scenario', 'kick', '--onset', 'soon'], /bad --onset 'soon'/],
      [['--base', 'x.csv', '--size', '5'], /--size needs a fault/],
    ] as Array<[string[], RegExp]>) {
      expect(() => parseCliArgs(args)).toThrow(msg);
    }
  });

  it('a fault the recording cannot carry, or a missing file: one line, exit 2', () => {
    const trip = simulate(['--base', usrop, '--scenario', 'trip-gain', '--onset', '100', '--format', 'csv', '--out', path.join(dir, 't.csv')]);
    expect(trip.status).toBe(2);
    expect(trip.stderr.trim().split('\n').pop()).toMatch(/^sairen simulate: .*trip-gain needs tripTankBbl, which this recording does not have \(npm run simulate -- --help\)$/);
    const missing = simulate(['--base', path.join(dir, 'nope.csv'), '--stdout']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^sairen simulate: cannot read .*nope\.csv/);
  });
});

describe('--column-map FILE', () => {
  const csv = ['Zeit,Tiefe,Meissel,Drehzahl,Drehmoment,Pumpendruck,Spuelung', ...Array.from({ length: 120 }, (_, i) => `2024-05-01T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z,${1500 + i * 0.01},100,120,10,150,2000`)].join('\n');
  const map = { Zeit: 'timestamp', Tiefe: 'bit_depth_m', Meissel: { channel: 'wob', unit: 'kN' }, Drehzahl: 'rpm', Drehmoment: 'torque_knm', Pumpendruck: { channel: 'spp', unit: 'bar' }, Spuelung: 'flow_in_lpm' };

  it('replay reads a foreign CSV through the map', () => {
    const file = path.join(dir, 'foreign.csv');
    const mapFile = path.join(dir, 'map.json');
    const report = path.join(dir, 'report.json');
    fs.writeFileSync(file, csv);
    fs.writeFileSync(mapFile, JSON.stringify(map));
    const r = tsx('src-main/cli/replay.ts', ['--csv', file, '--column-map', mapFile, '--report', report]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(report, 'utf8'))).toMatchObject({ preset: 'custom', packets: 120, skippedRows: 0 });
    // Without the map the header is not ours: a clear message, exit 2.
    const refused = tsx('src-main/cli/replay.ts', ['--csv', file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/unrecognised CSV header \(Zeit, Tiefe, Meissel, Drehzahl…\): give a column map \(--column-map FILE\)/);
  });

  it('a bad map: one line and exit 2, in replay and in headless CSV mode', () => {
    const file = path.join(dir, 'foreign2.csv');
    fs.writeFileSync(file, csv);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...map, Meissel: { channel: 'wob', unit: 'psi' } }));
    const replay = tsx('src-main/cli/replay.ts', ['--csv', file, '--column-map', bad]);
    expect(replay.status).toBe(2);
    expect(replay.stderr.split('\n')[0]).toMatch(/^sairen replay: column map .*bad\.json: "Meissel": unit "psi" does not fit wob/);
    const headless = tsx('src-main/cli/headless.ts', ['--csv', file, '--column-map', bad, '--port', '0']);
    expect(headless.status).toBe(2);
    expect(headless.stderr.trim()).toMatch(/^sairen headless: column map .*bad\.json: "Meissel": unit "psi" does not fit wob \(use one of klb/);
  });
});
