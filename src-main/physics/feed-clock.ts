// The seconds each packet stands for, so windows and baselines mean the same minutes on any
// feed rate (1 Hz, 0.5 Hz, 0.2 Hz, irregular). A window of W s holds the newest readings
// whose seconds add up to W; an EMA's α per second is compounded over a reading's seconds.
// At exactly 1 Hz every reading is 1 s and all of it reduces to the old per-packet counts.
// Pure: time comes from the packets.

/** Longest spacing still read as the feed's pace; a longer silence is missing data. */
export const MAX_READING_S = 10;
/** A reading's seconds before any spacing is known (the first packet, after a restart). */
const FIRST_READING_S = 1;

export class FeedClock {
  private lastMs: number | null = null;
  private paceS = FIRST_READING_S;

  /**
   * Seconds this packet's reading stands for: the time since the previous packet. After a gap
   * longer than MAX_READING_S (no data, not one long reading) it counts as the feed's last pace;
   * time going backwards (a replay restarted) starts over.
   */
  next(timeMs: number): number {
    const last = this.lastMs;
    this.lastMs = timeMs;
    if (last === null || timeMs < last) {
      this.paceS = FIRST_READING_S;
      return FIRST_READING_S;
    }
    const dtS = (timeMs - last) / 1000;
    if (dtS > MAX_READING_S) return this.paceS;
    this.paceS = dtS > 0 ? dtS : this.paceS;
    return dtS;
  }
}

/** The weight an EMA with `alphaPerS` (per 1 s reading) gives a reading of `readingS` seconds. */
export function alphaOver(alphaPerS: number, readingS: number): number {
  // Exactly α at 1 s: the 1 Hz behaviour is unchanged to the last bit.
  if (readingS === 1) return alphaPerS;
  if (!(readingS > 0)) return 0;
  return 1 - Math.pow(1 - alphaPerS, readingS);
}
