// TorqueWindow keeps the stick-slip window as the history moves; it must always equal a walk of
// the history (the algorithm it replaced), whatever the history does between packets.
import { describe, expect, it } from 'vitest';
import { makePacket, type RigState } from '../../../src-shared/wits.js';
import { HistoryBuffer, type HistoryEntry } from '../../../src-main/physics/history.js';
import { MAX_SAMPLE_SPACING_S, OSCILLATION_WINDOW, rotatingOnBottom } from '../../../src-main/physics/stick-slip.js';
import { TorqueWindow } from '../../../src-main/physics/trackers/torque-window.js';
import type { DrillingMetrics } from '../../../src-shared/metrics.js';

/** The walk over the history the window replaced. */
function walk(history: HistoryBuffer<HistoryEntry>, current: number | null): number[] | null {
  const out: number[] = [];
  let gaps = 0;
  let wideGaps = 0;
  let prevMs: number | null = null;
  for (let i = Math.max(0, history.size - OSCILLATION_WINDOW); i < history.size; i++) {
    const e = history.at(i);
    if (!rotatingOnBottom(e)) continue;
    out.push(e.packet.torqueKftLbf as number);
    if (prevMs !== null) {
      gaps++;
      if ((e.packet.timeMs - prevMs) / 1000 > MAX_SAMPLE_SPACING_S) wideGaps++;
    }
    prevMs = e.packet.timeMs;
  }
  if (current !== null && current > 0) out.push(current);
  if (gaps > 0 && wideGaps >= gaps - (gaps >> 1)) return null;
  return out;
}

const STATES: RigState[] = ['Drilling', 'Drilling', 'Reaming', 'Circulating', 'Drilling', 'Idle'];

function entry(k: number): HistoryEntry {
  // Spacing mostly 1 s with runs of 5 s gaps, torque sometimes missing or zero.
  const timeMs = 1_700_000_000_000 + k * 1000 + (Math.floor(k / 97) % 3 === 0 ? k * 4000 : 0);
  const torque = k % 23 === 0 ? null : k % 31 === 0 ? 0 : 10 + Math.sin(k * 0.9) + (k % 7) * 0.1;
  const packet = makePacket(timeMs, { torqueKftLbf: torque });
  packet.rigState = STATES[Math.floor(k / 11) % STATES.length];
  return { packet, metrics: {} as DrillingMetrics, anomalous: false };
}

describe('TorqueWindow', () => {
  it('equals the history walk packet by packet, through skipped packets, a clear and a new history', () => {
    for (const capacity of [60, 30, 45]) {
      let history = new HistoryBuffer<HistoryEntry>(capacity);
      const w = new TorqueWindow();
      let compared = 0;
      for (let k = 0; k < 900; k++) {
        if (k === 400) history.clear();
        if (k === 600) history = new HistoryBuffer<HistoryEntry>(capacity);
        // Some packets are not looked at (the bit off bottom): the window must catch up.
        if (k % 13 !== 5) {
          const current = k % 17 === 0 ? null : 10 + Math.cos(k);
          expect(w.recent(history, current)).toEqual(walk(history, current));
          compared++;
        }
        history.push(entry(k));
        if (k % 101 === 0) history.push(entry(k + 5000)); // two entries between packets
      }
      expect(compared).toBeGreaterThan(800);
    }
  });
  it('finds on-bottom torque and refuses a sparse feed (the walk agrees on both)', () => {
    const drilling = (spacingMs: number): HistoryBuffer<HistoryEntry> => {
      const h = new HistoryBuffer<HistoryEntry>(60);
      for (let k = 1; k <= 50; k++) {
        const packet = makePacket(1_700_000_000_000 + k * spacingMs, { torqueKftLbf: 10 + (k % 5) });
        packet.rigState = 'Drilling';
        h.push({ packet, metrics: {} as DrillingMetrics, anomalous: false });
      }
      return h;
    };
    const w = new TorqueWindow();
    const dense = drilling(1000);
    expect(w.recent(dense, 12)).toEqual([...Array.from({ length: OSCILLATION_WINDOW }, (_, i) => 10 + ((i + 11) % 5)), 12]);
    expect(walk(dense, 12)).toEqual(w.recent(dense, 12));
    const sparse = drilling(10_000);
    expect(w.recent(sparse, 12)).toBeNull();
    expect(walk(sparse, 12)).toBeNull();
  });
});
