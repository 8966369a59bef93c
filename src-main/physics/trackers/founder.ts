// Founder: more weight no longer buys more ROP. Two signs: a quick streak of packets where WOB
// stepped up and ROP did not follow, and the WOB and ROP trends over recent drilling.
import type { WitsPacket } from '../../../src-shared/wits.js';
import type { HistoryBuffer, HistoryEntry } from '../history.js';
import { emptyLineFit, type LineFit } from '../../../src-shared/least-squares.js';
import type { EffectiveThresholds } from '../thresholds.js';

export interface FounderReading {
  quickStreak: number;
  /** WOB slope per packet relative to the level at the start of the window. */
  wobSlopeRel: number | null;
  /** ROP slope per packet relative to its mean. */
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

  /** `windowEntries`: drilling entries of the history the trend is fitted over. */
  constructor(private readonly windowEntries: number) {}

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
    const wf = history.fit(wobOf, this.windowEntries, drillingEntry, this.wobFit);
    const rf = history.fit(ropOf, this.windowEntries, drillingEntry, this.ropFit);
    if (wf.n >= t.founderMinSamples && rf.n >= t.founderMinSamples && wf.intercept > 0 && rf.mean > 0) {
      return { quickStreak: this.streak, wobSlopeRel: wf.slope / wf.intercept, ropSlopeRel: rf.slope / rf.mean };
    }
    return { quickStreak: this.streak, wobSlopeRel: null, ropSlopeRel: null };
  }
}
