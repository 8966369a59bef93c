// The stick-slip window (stick-slip.ts): the torque of the last OSCILLATION_WINDOW history
// entries that rotate on bottom, kept as the history moves instead of walked on every packet
// (the walk cost more than the oscillation itself). It follows the history by its push count
// and its newest entry: exactly one new entry since the last packet is shifted in, anything
// else (a new or cleared history, a packet that never reached the history) walks it again, so
// the window always equals the walk.
import type { HistoryBuffer, HistoryEntry } from '../history.js';
import { MAX_SAMPLE_SPACING_S, OSCILLATION_WINDOW, rotatingOnBottom } from '../stick-slip.js';

export class TorqueWindow {
  /** Per entry, oldest to newest around `next`: the torque, NaN when not rotating on bottom. */
  private readonly torque = new Float64Array(OSCILLATION_WINDOW);
  private readonly timeMs = new Float64Array(OSCILLATION_WINDOW);
  private next = 0;
  private filled = 0;
  private history: HistoryBuffer<HistoryEntry> | null = null;
  private pushes = 0;
  private newest: HistoryEntry | null = null;

  /**
   * The on-bottom torque of the window plus the current reading, oldest first; null when the
   * feed is too sparse to show a 3-15 s oscillation (median spacing over MAX_SAMPLE_SPACING_S).
   */
  recent(history: HistoryBuffer<HistoryEntry>, currentTorqueKftLbf: number | null): number[] | null {
    this.follow(history);
    const n = Math.min(history.size, this.filled);
    const out: number[] = [];
    // The median spacing is over MAX_SAMPLE_SPACING_S exactly when at least half the gaps are.
    let gaps = 0;
    let wideGaps = 0;
    let prevMs: number | null = null;
    for (let k = 0; k < n; k++) {
      const i = (this.next - n + k + OSCILLATION_WINDOW) % OSCILLATION_WINDOW;
      const torque = this.torque[i];
      if (Number.isNaN(torque)) continue;
      out.push(torque);
      if (prevMs !== null) {
        gaps++;
        if ((this.timeMs[i] - prevMs) / 1000 > MAX_SAMPLE_SPACING_S) wideGaps++;
      }
      prevMs = this.timeMs[i];
    }
    if (currentTorqueKftLbf !== null && currentTorqueKftLbf > 0) out.push(currentTorqueKftLbf);
    if (gaps > 0 && wideGaps >= gaps - (gaps >> 1)) return null;
    return out;
  }

  private follow(history: HistoryBuffer<HistoryEntry>): void {
    const same = history === this.history;
    const latest = history.latest();
    if (same && history.pushes === this.pushes && latest === this.newest) return;
    const oneMore = same && history.pushes === this.pushes + 1 && history.size >= 2 && history.at(history.size - 2) === this.newest;
    if (oneMore) this.add(latest as HistoryEntry);
    else this.rebuild(history);
    this.history = history;
    this.pushes = history.pushes;
    this.newest = latest;
  }

  private rebuild(history: HistoryBuffer<HistoryEntry>): void {
    this.next = 0;
    this.filled = 0;
    for (let i = Math.max(0, history.size - OSCILLATION_WINDOW); i < history.size; i++) this.add(history.at(i));
  }

  private add(e: HistoryEntry): void {
    this.torque[this.next] = rotatingOnBottom(e) ? (e.packet.torqueKftLbf as number) : NaN;
    this.timeMs[this.next] = e.packet.timeMs;
    this.next = (this.next + 1) % OSCILLATION_WINDOW;
    if (this.filled < OSCILLATION_WINDOW) this.filled++;
  }
}
