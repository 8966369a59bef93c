// `npm run eval` on a data directory it has never seen: a shared drilling log copied under
// another rig's name is found by its content and scored like the shared one (same kick
// latency, same clean figures, the same issue-11 targets, none held), and a CSV that is no
// recording is listed as ignored. The real CLI as a child process on a temp directory.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CleanRow, FaultRow } from '../../src-main/eval/report.js';
import type { EvalRecording } from '../../src-main/eval/recordings.js';
import type { TargetVerdict } from '../../src-main/eval/targets.js';
import { DATA } from './data.js';

interface Report {
  recordings: EvalRecording[];
  ignored: Array<{ id: string; file: string; reason: string }>;
  faults: FaultRow[];
  clean: CleanRow[];
  targets: TargetVerdict[];
}

let dir: string;
let run: ReturnType<typeof spawnSync>;
let report: Report;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sairen-eval-found-'));
  mkdirSync(join(dir, 'usrop'));
  mkdirSync(join(dir, 'other-rig'));
  copyFileSync(join(DATA, 'usrop/USROP_A1_F-7_depth.csv'), join(dir, 'usrop/USROP_A1_F-7_depth.csv'));
  copyFileSync(join(DATA, 'usrop/USROP_A1_F-7_depth.csv'), join(dir, 'other-rig/WELL_X.csv'));
  writeFileSync(join(dir, 'other-rig/crew.csv'), 'name,shift\nA,day\n');
  const args = ['--data', dir, '--recordings', 'usrop-f7,other-rig-well-x', '--faults', 'kick', '--quick', '--no-raw', '--workers', '1', '--out', join(dir, 'r.json')];
  run = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/eval.ts', ...args], { encoding: 'utf8', timeout: 300_000 });
  report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as Report;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run eval on recordings found in the data directory', () => {
  it('finds the copy by its content as a drilling log with its own bit, and ignores the crew list with why', () => {
    expect(run.status, String(run.stderr)).toBe(0);
    expect(report.recordings.map((r) => r.id)).toEqual(['usrop-f7', 'other-rig-well-x', 'sim']);
    expect(report.recordings[1]).toMatchObject({ file: 'other-rig/WELL_X.csv', campaign: 'production', synthesise: true, discovered: { layout: 'usrop', bit: 'file' } });
    expect(report.ignored).toEqual([{ id: 'other-rig-crew', file: 'other-rig/crew.csv', reason: 'not a CSV layout the replay reads (header: name, shift)' }]);
    expect(run.stderr).toMatch(/other-rig\/WELL_X\.csv: other-rig-well-x, drilling \(5\.\d h where an onset can sit, bit from the file; \d+\.\d s\)/);
    expect(run.stdout).toMatch(/other-rig-well-x\s+other-rig\/WELL_X\.csv\s+drilling, found\s+bit from the file/);
  });

  it('scores a kick and a clean run on it, the same as on the shared file it was copied from', () => {
    const kick = (id: string) => report.faults.find((f) => f.recording === id && f.fault === 'kick');
    expect(kick('other-rig-well-x')?.runs).toHaveLength(1);
    expect(kick('other-rig-well-x')?.runs[0].latencyS).not.toBeNull();
    expect(kick('other-rig-well-x')?.runs).toEqual(kick('usrop-f7')?.runs);
    const clean = report.clean.find((c) => c.recording === 'other-rig-well-x');
    expect(clean?.hours).toBeGreaterThan(6);
    expect({ ...clean, recording: 'usrop-f7' }).toEqual(report.clean.find((c) => c.recording === 'usrop-f7'));
  });

  it('checks the same issue-11 targets on it; the scorecard marks them as not held by test:field', () => {
    const of = (id: string) => report.targets.filter((t) => t.recording === id).map(({ recording: _, ...t }) => t);
    expect(of('other-rig-well-x').map((t) => t.what)).toEqual(['kick 60 gpm', 'clean (clean) AMBER+ per 12 h']);
    expect(of('other-rig-well-x')).toEqual(of('usrop-f7'));
    expect(run.stdout).toMatch(/(PASS|FAIL)\* other-rig-well-x kick 60 gpm/);
    expect(run.stdout).toMatch(/(PASS|FAIL) {2}usrop-f7\s+kick 60 gpm/);
  });
});
