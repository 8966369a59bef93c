import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseDuration } from '../../../src-main/cli/simulate.js';
import { CSV_HEADER } from '../../../src-main/simulator/wire.js';

const CLI = 'src-main/cli/simulate.ts';
const run = (args: string[]): ReturnType<typeof spawnSync> =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('simulate CLI arguments', () => {
  it('parses durations, speeds and outputs', () => {
    expect(parseDuration('2h')).toBe(7200);
    expect(parseDuration('90m')).toBe(5400);
    expect(parseDuration('3600s')).toBe(3600);
    expect(parseDuration('45')).toBe(45);
    const o = parseCliArgs(['--scenario', 'kick', '--seed', '5', '--port', '5000', '--speed', '10', '--units', 'metric', '--channel-map', 'reference']);
    expect(o).toMatchObject({ scenario: 'kick', seed: 5, speed: 10, units: 'metric', channelMap: 'reference', output: { kind: 'port', port: 5000 } });
    expect(parseCliArgs(['--format', 'csv', '--out', 'x.csv']).speed).toBe('max');
    expect(parseCliArgs([]).output.kind).toBe('stdout');
    expect(parseCliArgs(['--port', '5000', '--from', '45m']).fromS).toBe(2700);
    expect(parseCliArgs([]).fromS).toBe(0);
    expect(parseCliArgs(['--port', '5000', '--wits-time']).witsTime).toBe(true);
    expect(parseCliArgs([]).witsTime).toBe(false);
  });

  const bad: string[][] = [
    ['--scenario', 'nope'],
    ['--wits-time', '--format', 'csv', '--out', 'x.csv'],
    ['--wits-time', '--channel-map', 'reference'],
    ['--duration', '2 days'],
    ['--speed', '-3'],
    ['--seed', 'abc'],
    ['--port', '5000', '--stdout'],
    ['--format', 'csv'],
    ['--format', 'csv', '--out', 'x.csv', '--units', 'metric'],
    ['--channel-map', 'other'],
    ['--bogus'],
    ['--from', '10m'],
    ['--port', '5000', '--duration', '1h', '--from', '2h'],
  ];
  for (const args of bad) {
    it(`rejects ${args.join(' ')}`, () => {
      expect(() => parseCliArgs(args)).toThrow();
    });
  }

  it('bad arguments: one-line error on stderr, exit code 2, no stack trace', () => {
    const r = run(['--scenario', 'nope']);
    expect(r.status).toBe(2);
    const err = String(r.stderr).trim();
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toContain("unknown scenario 'nope'");
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
    expect(String(r.stdout)).toBe('');
  });

  it('writes a CSV with the simple header and a ground-truth JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-sim-'));
    try {
      const csv = path.join(dir, 'kick.csv');
      const gt = path.join(dir, 'gt.json');
      const r = run(['--scenario', 'kick', '--seed', '2', '--duration', '30m', '--format', 'csv', '--out', csv, '--ground-truth', gt]);
      expect(r.status).toBe(0);
      const lines = fs.readFileSync(csv, 'utf8').trim().split('\n');
      expect(lines[0]).toBe(CSV_HEADER);
      expect(lines).toHaveLength(1 + 1800);
      const cols = lines[0].split(',');
      expect(cols).toHaveLength(22);
      const row = lines[1].split(',');
      expect(row).toHaveLength(22);
      expect(row[0]).toBe('2025-01-01T00:00:00.000Z');
      const rec = Object.fromEntries(cols.map((c, i) => [c, row[i]]));
      expect(Number(rec.bit_depth)).toBeGreaterThan(9990);
      expect(Number(rec.flow_in)).toBeGreaterThan(500);
      expect(Number(rec.mud_weight_in)).toBeCloseTo(12, 1);
      const truth = JSON.parse(fs.readFileSync(gt, 'utf8'));
      expect(truth).toMatchObject({ scenario: 'kick', seed: 2 });
      expect(truth.faults[0].category).toBe('kick');
      const onsetRow = Math.round((Date.parse(truth.faults[0].onset) - Date.parse(row[0])) / 1000) + 1;
      const bal = (l: string): number => {
        const c = l.split(',');
        return Number(c[11]) - Number(c[10]);
      };
      expect(bal(lines[onsetRow - 60])).toBeLessThan(5);
      expect(bal(lines[Math.min(onsetRow + 300, lines.length - 1)])).toBeGreaterThan(30);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sensor-dropout CSV leaves absent channels as empty cells', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-sim-'));
    try {
      const csv = path.join(dir, 'd.csv');
      const r = run(['--scenario', 'sensor-dropout', '--duration', '1h', '--format', 'csv', '--out', csv]);
      expect(r.status).toBe(0);
      const rows = fs.readFileSync(csv, 'utf8').trim().split('\n').slice(1);
      expect(rows.some((l) => l.includes(',,'))).toBe(true);
      expect(rows.every((l) => l.split(',').length === 22)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
