// The verification windows are seconds of feed: the same minute of drilling read at 1 Hz and at
// 0.2 Hz (every 5th packet) gets the same verdict. Before, "the last 10 packets" was 10 s at 1 Hz
// and 50 s at 0.2 Hz, so an ECD margin or a torque that changed 15 s ago was averaged away.
import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../../../src-shared/advisory.js';
import { defaultConfig } from '../../../src-shared/config.js';
import { StrategicAgent } from '../../../src-main/agents/strategic.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { historyAt, ticket, type Reading } from '../../support/verify-fixtures.js';

const th = thresholdsFor(defaultConfig(), 'production');
const sa = new StrategicAgent();

/** The verdict on one minute of drilling read every `stepS` s. */
function verdictAt(stepS: number, fault: FaultKind, at: (tS: number) => Reading) {
  const h = historyAt(stepS, 60, at);
  const r = sa.verify(ticket(fault, h), h, th);
  return { status: r.status, severity: r.severity, reason: r.reason };
}

describe('StrategicAgent: windows in seconds of feed (1 Hz and 0.2 Hz alike)', () => {
  it('ECD margin: a margin under critical for the last 15 s is confirmed critical at both paces', () => {
    const at = (tS: number): Reading => ({ m: { ecdMarginPpg: tS >= 45 ? 0.05 : 0.5 } });
    const fast = verdictAt(1, 'ecd-margin', at);
    const slow = verdictAt(5, 'ecd-margin', at);
    expect(fast).toMatchObject({ status: 'Confirmed', severity: 'CRITICAL' });
    // 10 readings at 0.2 Hz reached back 50 s and averaged 0.37 ppg: "no problem".
    expect(slow).toMatchObject({ status: 'Confirmed', severity: 'CRITICAL' });
    expect(slow.reason).toMatch(/averaged 0\.05 ppg over 15 s/);
  });

  it('torque rise: torque 40 % over baseline for the last 15 s, sustained, is confirmed high at both paces', () => {
    const at = (tS: number): Reading => ({ v: { torqueKftLbf: tS >= 45 ? 21 : 15.75 }, m: { torqueDeltaFraction: tS >= 45 ? 0.4 : 0.05 }, anomalous: tS >= 45 });
    const fast = verdictAt(1, 'torque-rise', at);
    const slow = verdictAt(5, 'torque-rise', at);
    expect(fast).toMatchObject({ status: 'Confirmed', severity: 'HIGH' });
    // 10 readings at 0.2 Hz averaged 16 %: "elevated, cause not clear".
    expect(slow).toMatchObject({ status: 'Confirmed', severity: 'HIGH' });
  });

  it('formation change: a minute of dxc rising steadily is confirmed at both paces (12 readings at 0.2 Hz are a trend)', () => {
    const at = (tS: number): Reading => ({ m: { dxc: 1 + 0.005 * tS + 0.01 * Math.sin(tS) } });
    const fast = verdictAt(1, 'formation-change', at);
    const slow = verdictAt(5, 'formation-change', at);
    expect(fast).toMatchObject({ status: 'Confirmed', severity: 'LOW' });
    // Before: "Not enough data yet: 12 of 20 packets".
    expect(slow).toMatchObject({ status: 'Confirmed', severity: 'LOW' });
    expect(slow.reason).toMatch(/harder rock/);
  });

  it('formation change: fewer than 10 readings are never a trend, however many seconds they span', () => {
    const at = (tS: number): Reading => ({ m: { dxc: 1 + 0.005 * tS } });
    const h = historyAt(10, 60, at);
    const r = sa.verify(ticket('formation-change', h), h, th);
    expect(r.status).toBe('Uncertain');
    expect(r.reason).toMatch(/Not enough data yet: 6 of 10 packets/);
  });

  it('stick-slip: torque read every 5 s is not assessable (as in the detector), not a 6 s period', () => {
    // A 30 s torque cycle read every 5 s repeats every 6 readings: counted as seconds, a stick-slip.
    const at = (tS: number): Reading => ({ v: { torqueKftLbf: 15 * (1 + 0.4 * Math.sin((2 * Math.PI * tS) / 30)) } });
    const h = historyAt(5, 300, at);
    const r = sa.verify(ticket('stick-slip', h), h, th);
    expect(r.status).toBe('Uncertain');
    expect(r.reason).toMatch(/not assessable for stick-slip: on-bottom readings 5\.0 s apart/);
  });
});
