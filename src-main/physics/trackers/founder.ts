// Founder: more weight no longer buys more ROP. Two signs: a quick streak of packets where WOB
// stepped up and ROP did not follow, and the WOB and ROP trends over recent drilling (the last
// `windowS` seconds of history, slopes per second: the same on a 1 Hz or a 0.5 Hz feed; a feed
// too sparse to give the fit its fewest samples in that time leaves the trend unread).
import type { WitsPacket } from '../../../src-shared/wits.js';
import type { HistoryBuffer, HistoryEntry } from '../history.js';
import { emptyLineFit, type LineFit } from '../../../src-shared/least-squares.js';
import type { EffectiveThresholds } from '../thresholds.js';

export interface FounderReading {
  quickStreak: number;
  /** WOB slope per second relative to the level at the start of the window. */
  wobSlopeRel: number | null;
  /** ROP slope per second relative to its mean. */
  ropSlopeRel: number | null;
}

const drillingEntry = (e: HistoryEntry): boolean => e.packet.rigState === 'Drilling';
const wobOf = (e: HistoryEntry): number | null => e.packet.wobKlbf;
const ropOf = (e: HistoryEntry): number | null => e.packet.ropFtHr;
const pos = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;

export class FounderTracker {
  private prevWob: number | null = null;
  private prevRop: number | null = null;
  private streak = 0;
  private readonly wobFit: LineFit = emptyLineFit();
  private readonly ropFit: LineFit = emptyLineFit();

  /** `windowS`: seconds of history the trend is fitted over (its drilling entries). */
  constructor(private readonly windowS: number) {}

  update(packet: WitsPacket, drilling: boolean, history: HistoryBuffer<HistoryEntry>, t: EffectiveThresholds): FounderReading {
    if (!drilling) {
      this.streak = 0;
      this.prevWob = null;
      this.prevRop = null;
      return { quickStreak: 0, wobSlopeRel: null, ropSlopeRel: null };
    }
    const w = packet.wobKlbf;
    const r = packet.ropFtHr;
    if (!pos(w) || !pos(r)) return { quickStreak: this.streak, wobSlopeRel: null, ropSlopeRel: null };
    if (this.prevWob !== null && this.prevRop !== null && w >= t.founderMinWobKlbf && this.prevWob >= t.founderMinWobKlbf) {
      const dW = (w - this.prevWob) / this.prevWob;
      const dR = (r - this.prevRop) / this.prevRop;
      this.streak = dW > t.founderQuickWobDeltaFraction && dR <= 0 ? this.streak + 1 : 0;
    } else {
      this.streak = 0;
    }
    this.prevWob = w;
    this.prevRop = r;
    const entries = entriesWithin(history, this.windowS);
    if (entries < 2) return { quickStreak: this.streak, wobSlopeRel: null, ropSlopeRel: null };
    const wf = history.fit(wobOf, entries, drillingEntry, this.wobFit);
    const rf = history.fit(ropOf, entries, drillingEntry, this.ropFit);
    // The fit's x is the entry's place in the window: per second over the window's own spacing.
    const spanS = (history.at(history.size - 1).packet.timeMs - history.at(history.size - entries).packet.timeMs) / 1000;
    const perS = spanS > 0 ? (entries - 1) / spanS : 0;
    if (perS > 0 && wf.n >= t.founderMinSamples && rf.n >= t.founderMinSamples && wf.intercept > 0 && rf.mean > 0) {
      return { quickStreak: this.streak, wobSlopeRel: (wf.slope * perS) / wf.intercept, ropSlopeRel: (rf.slope * perS) / rf.mean };
    }
    return { quickStreak: this.streak, wobSlopeRel: null, ropSlopeRel: null };
  }
}

/** How many of the newest history entries lie within `windowS` of the newest (10 at 1 Hz for 10 s). */
function entriesWithin(history: HistoryBuffer<HistoryEntry>, windowS: number): number {
  const n = history.size;
  if (n === 0) return 0;
  const newestMs = history.at(n - 1).packet.timeMs;
  let k = 1;
  while (k < n && newestMs - history.at(n - 1 - k).packet.timeMs < windowS * 1000) k++;
  return k;
}
