// The whole pipeline on a slower feed: the simulator's 1 Hz run with packets dropped to 0.5 Hz
// and 0.2 Hz (a rig's WITS feed is often not 1 Hz). The windows mean seconds, so a kick and a
// pack-off are still confirmed in time, clean drilling stays quiet, and stick-slip, which
// needs about 1 Hz to see a 3-10 s period, is not assessable rather than guessed.
import { describe, expect, it } from 'vitest';
import type { Advisory } from '../../src-shared/advisory.js';
import { runScenario } from '../support/run-scenario.js';

function firstConfirmed(scenario: 'kick' | 'pack-off' | 'stick-slip', everyS: number): { delayS: number | null; early: string[] } {
  const run = runScenario(scenario, { seed: 1, everyS });
  const fault = run.truth.faults.find((f) => f.category === scenario);
  if (!fault) throw new Error(`${scenario}: no ground-truth fault`);
  const onsetMs = Date.parse(fault.onset);
  const right = run.advisories.find((a) => a.timeMs >= onsetMs && a.fault === scenario && a.physicsVerdict.status === 'Confirmed');
  const early = run.advisories.filter((a) => a.timeMs < onsetMs && a.riskLevel !== 'Low').map((a) => `${a.fault}@${(a.timeMs - onsetMs) / 1000}s`);
  return { delayS: right ? ((right as Advisory).timeMs - onsetMs) / 1000 : null, early };
}

describe('a 0.5 Hz and a 0.2 Hz feed through the whole pipeline', () => {
  for (const everyS of [2, 5]) {
    it(`1 packet in ${everyS} s: a kick within 60 s and a pack-off within 120 s, confirmed; nothing loud before`, () => {
      const kick = firstConfirmed('kick', everyS);
      expect(kick.early).toEqual([]);
      expect(kick.delayS).not.toBeNull();
      expect(kick.delayS as number).toBeLessThanOrEqual(60);
      const packOff = firstConfirmed('pack-off', everyS);
      expect(packOff.early).toEqual([]);
      expect(packOff.delayS).not.toBeNull();
      expect(packOff.delayS as number).toBeLessThanOrEqual(120);
    });
  }
  it('stick-slip at 0.5 Hz is not assessable: no stick-slip advisory, no false one', () => {
    const run = runScenario('stick-slip', { seed: 1, everyS: 2 });
    expect(run.advisories.filter((a) => a.fault === 'stick-slip')).toEqual([]);
    expect(run.advisories.filter((a) => a.riskLevel !== 'Low' && a.fault !== 'stick-slip')).toEqual([]);
  });
  it('six hours of clean drilling at 0.5 Hz: no advisory at Elevated or above, tickets under 1 % of packets', () => {
    const run = runScenario('normal', { seed: 1, everyS: 2, durationS: 6 * 3600 });
    expect(run.packets).toBe(3 * 3600);
    expect(run.advisories.filter((a) => a.riskLevel !== 'Low').map((a) => `${a.fault} ${a.riskLevel}`)).toEqual([]);
    expect(run.tickets.length / run.packets).toBeLessThan(0.01);
  });
});
