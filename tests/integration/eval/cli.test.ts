// `npm run eval` refusing bad input before any run starts: one line, exit code 2. Real
// processes on a real temp data directory (the runs themselves are in tests/field).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const evalCli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/eval.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sairen-eval-cli-'));
  mkdirSync(join(dir, 'rig'));
  writeFileSync(join(dir, 'rig/crew.csv'), 'name,shift\nA,day\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run eval: bad input', () => {
  it('a bit out of range', () => {
    const r = evalCli(['--bit-diameter', '48']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('sairen eval: --bit-diameter expects a bit in inches (3.5-36), got "48" (npm run eval -- --help)\n');
  });

  it('a recording the data directory does not have: the ids it does have are listed', () => {
    const r = evalCli(['--data', dir, '--recordings', 'usrop-f7']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ {2}rig\/crew\.csv: ignored \(not a CSV layout the replay reads \(header: name, shift\)\)$/m);
    expect(r.stderr).toMatch(/^sairen eval: --recordings expects some of sim, sim-native, got "usrop-f7" \(npm run eval -- --help\)$/m);
  });

  it('a file that is no recording, named: why it is ignored', () => {
    const r = evalCli(['--data', dir, '--recordings', 'rig-crew']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^sairen eval: --recordings names rig-crew \(rig\/crew\.csv\), which is ignored: not a CSV layout/m);
  });

  it('no data directory: an error unless only the simulator is asked for', () => {
    const missing = join(dir, 'nowhere');
    const r = evalCli(['--data', missing]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`sairen eval: no recordings at ${missing} (give --data DIR, or --recordings sim,sim-native) (npm run eval -- --help)\n`);
    // The simulator alone needs none: it gets as far as the run matrix (empty with these filters).
    const sim = evalCli(['--data', missing, '--recordings', 'sim', '--faults', 'trip-gain', '--no-clean']);
    expect(sim.status).toBe(2);
    expect(sim.stderr).toMatch(/nothing to run with these filters/);
  });
});
