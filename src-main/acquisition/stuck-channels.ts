// A sensor that has read live values and then freezes: a flow-out paddle jammed by cuttings, an
// SPP transducer or a WITS item the logger stopped updating repeats one value to the last digit.
// A live paddle or pressure gauge always jitters while the pumps run, so one unchanging reading
// through `stuckAfterS` of pumping is a stuck sensor. Kick and loss detection lean on flow out
// (a jammed paddle reading flow in hides a kick, and makes a pit gain look like a transfer), so
// health says so at once; the reading itself is left alone (a real value must never be hidden).
// An SPP transducer that reads next to nothing through real pumping is named the same way.
// Pure: time comes from the packets.
import type { Channel, WitsPacket } from '../../src-shared/wits.js';

/** A frozen channel, for health: when it froze (data time) and why it counts as stuck. */
export interface StuckChannel {
  channel: Channel;
  sinceMs: number;
  reason: string;
}

const WATCHED: readonly { channel: Channel; label: string; unit: string; why: string }[] = [
  { channel: 'flowOutGpm', label: 'flow out', unit: 'gpm', why: 'kick and loss detection rely on it' },
  { channel: 'flowOutPercent', label: 'flow out', unit: '%', why: 'kick and loss detection rely on it' },
  { channel: 'sppPsi', label: 'SPP', unit: 'psi', why: 'washout, pack-off and loss checks rely on it' },
];

/** A gap longer than this between packets is not counted as time the channel was watched (ms). */
const MAX_STEP_MS = 10_000;

/**
 * Pumping at this rate or more through a drill string and bit takes pressure: the bit's nozzles
 * alone take about 100 psi at 200 gpm of 10 ppg mud through a 0.6 in² flow area. An SPP under
 * DEAD_SPP_PSI there is a transducer reading nothing (Volve F-9: 10 psi at 235 gpm for an hour),
 * not a pressure. (Open-ended pipe at low rates can read little: the rate floor keeps it out.)
 */
const DEAD_SPP_FLOW_GPM = 200;
const DEAD_SPP_PSI = 25;

interface Watch {
  /** The value last read; null before any. */
  value: number | null;
  /** It has read more than one value since the run started (a fitted, working sensor). */
  moved: boolean;
  /** Pumping time spent on `value` (ms), and since when. */
  sameMs: number;
  sameSinceMs: number;
  stuck: StuckChannel | null;
}

/** SPP reading (near) nothing through pumping that must show a pressure: since when, for how long. */
interface DeadSpp {
  ms: number;
  /** When it began (null: SPP reads a pressure). */
  sinceMs: number | null;
  flagged: StuckChannel | null;
}

export class StuckChannelWatch {
  private readonly watch = new Map<Channel, Watch>();
  private lastTimeMs: number | null = null;
  private readonly deadSpp: DeadSpp = { ms: 0, sinceMs: null, flagged: null };

  constructor(private settings: { stuckAfterS: number; circulationFlowMinGpm: number }) {
    for (const w of WATCHED) this.watch.set(w.channel, { value: null, moved: false, sameMs: 0, sameSinceMs: 0, stuck: null });
  }

  setSettings(s: { stuckAfterS: number; circulationFlowMinGpm: number }): void {
    this.settings = s;
  }

  observe(p: WitsPacket): void {
    const stepMs = this.lastTimeMs === null ? 0 : Math.min(Math.max(0, p.timeMs - this.lastTimeMs), MAX_STEP_MS);
    this.lastTimeMs = p.timeMs;
    const pumping = p.flowInGpm !== null ? p.flowInGpm >= this.settings.circulationFlowMinGpm : p.pumpSpm !== null && p.pumpSpm > 0;
    this.watchDeadSpp(p, stepMs);
    for (const c of WATCHED) {
      const w = this.watch.get(c.channel) as Watch;
      const v = p[c.channel];
      if (v === null) continue;
      if (v !== w.value) {
        if (w.value !== null) w.moved = true;
        w.value = v;
        w.sameMs = 0;
        w.sameSinceMs = p.timeMs;
        w.stuck = null;
        continue;
      }
      // Never-moved channels are the absent-channel tracker's business (not fitted, not stuck).
      if (!w.moved || !pumping) continue;
      w.sameMs += stepMs;
      if (w.stuck || w.sameMs < this.settings.stuckAfterS * 1000) continue;
      const minutes = Math.round(w.sameMs / 60_000);
      w.stuck = {
        channel: c.channel,
        sinceMs: w.sameSinceMs,
        reason: `${c.label} has read ${Math.round(v * 10) / 10} ${c.unit} without any change for ${minutes} min of pumping: check the sensor (${c.why})`,
      };
    }
  }

  stuck(): StuckChannel[] {
    const out: StuckChannel[] = [];
    for (const w of this.watch.values()) if (w.stuck) out.push({ ...w.stuck });
    // A frozen SPP is already named; one wandering about zero is named here.
    if (this.deadSpp.flagged && !out.some((c) => c.channel === 'sppPsi')) out.push({ ...this.deadSpp.flagged });
    return out;
  }

  /** SPP under DEAD_SPP_PSI through the stuck time of pumping at DEAD_SPP_FLOW_GPM or more; any other reading clears it. */
  private watchDeadSpp(p: WitsPacket, stepMs: number): void {
    const d = this.deadSpp;
    if (p.sppPsi === null || p.flowInGpm === null) return;
    if (p.flowInGpm < DEAD_SPP_FLOW_GPM || p.sppPsi >= DEAD_SPP_PSI) {
      d.ms = 0;
      d.sinceMs = null;
      d.flagged = null;
      return;
    }
    d.sinceMs ??= p.timeMs;
    d.ms += stepMs;
    if (d.flagged || d.ms < this.settings.stuckAfterS * 1000) return;
    d.flagged = {
      channel: 'sppPsi',
      sinceMs: d.sinceMs,
      reason: `SPP reads ${Math.round(p.sppPsi)} psi with ${Math.round(p.flowInGpm)} gpm going in for ${Math.round(d.ms / 60_000)} min: pumping through the string and bit cannot take so little, check the transducer (washout, pack-off and loss checks rely on it)`,
    };
  }
}
