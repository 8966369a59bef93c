// Channels the rig does not really send (issue 11 item 9). A WITS feed writes 0 for an item it
// has no sensor for, so a missing flow-out reads as "no returns" and a missing pit as an empty
// tank. Two ways out, both ending with the channel null for everything downstream:
// - declared: `acquisition.absent_channels` names channels not fitted on this rig;
// - detected: a channel that has read exactly 0 (or, for a few, one unchanging value) for the
//   whole run so far, through `absent_after_s` of the activity that would move it (pumping for
//   flow out, drilling for gas...), is taken as not fitted. It stays null until it reads
//   something else; from then on it is trusted for the rest of the run (a real reading of 0,
//   e.g. no returns during total losses, must never be hidden).
// - unproven: a flow out that has read nothing but 0 since the run started is not yet a reading
//   (a sensor that is fitted reads returns within seconds of the pumps starting), so its 0 is
//   blank from the first packet: "600 gpm in, 0 out" is never a loss before the 10 minutes are up.
// Pure: time comes from the packets; the engine owns one tracker per feed.
import type { ComponentHealth } from '../../src-shared/health.js';
import type { AbsentChannel } from '../../src-shared/status.js';
import type { Channel, WitsPacket } from '../../src-shared/wits.js';
import type { StuckChannel } from './stuck-channels.js';

/** When a channel must move if its sensor is fitted. */
type LiveWhen = 'pumping' | 'rotating' | 'drilling' | 'tripping' | 'active';

interface Candidate {
  channel: Channel;
  label: string;
  when: LiveWhen;
  /** One unchanging non-zero value also means "not fitted" (a live sensor of this kind is never that still). */
  constantToo: boolean;
  /** A 0 here reads as an alarm (no returns): blank until the channel has shown it is fitted. */
  zeroUnproven?: boolean;
}

const CANDIDATES: readonly Candidate[] = [
  { channel: 'flowOutGpm', label: 'flow out', when: 'pumping', constantToo: true, zeroUnproven: true },
  { channel: 'flowOutPercent', label: 'flow out %', when: 'pumping', constantToo: true, zeroUnproven: true },
  { channel: 'pitVolumeBbl', label: 'pit volume', when: 'pumping', constantToo: true },
  { channel: 'sppPsi', label: 'SPP', when: 'pumping', constantToo: false },
  { channel: 'pumpSpm', label: 'pump strokes', when: 'pumping', constantToo: false },
  { channel: 'ecdPpg', label: 'ECD', when: 'pumping', constantToo: false },
  { channel: 'mudTempInF', label: 'mud temperature in', when: 'pumping', constantToo: false },
  { channel: 'mudTempOutF', label: 'mud temperature out', when: 'pumping', constantToo: false },
  { channel: 'gasUnits', label: 'gas', when: 'drilling', constantToo: false },
  { channel: 'torqueKftLbf', label: 'torque', when: 'rotating', constantToo: false },
  { channel: 'tripTankBbl', label: 'trip tank', when: 'tripping', constantToo: false },
  { channel: 'mudWeightInPpg', label: 'mud weight in', when: 'active', constantToo: false },
  { channel: 'mudWeightOutPpg', label: 'mud weight out', when: 'active', constantToo: false },
  { channel: 'hookLoadKlbf', label: 'hook load', when: 'active', constantToo: false },
];

const WHEN_WORDS: Record<LiveWhen, string> = {
  pumping: 'pumping',
  rotating: 'rotating',
  drilling: 'drilling',
  tripping: 'tripping',
  active: 'pumping, rotating or tripping',
};

/** A gap longer than this between packets is not counted as time the channel was watched (ms). */
const MAX_STEP_MS = 10_000;

export interface AbsentTrackerSettings {
  /** Seconds of the right activity, reading the same value from the start, before a channel is taken as absent. */
  absentAfterS: number;
  /** Flow in at or above this is pumping (gpm): thresholds.rig_state.circulation_flow_min. */
  circulationFlowMinGpm: number;
  /** RPM at or above this is rotating: thresholds.rig_state.idle_rpm_max. */
  idleRpmMax: number;
}

interface ChannelWatch {
  /** The value read since the start of the run; null before the first reading. */
  value: number | null;
  /** Time watched under its activity while reading `value` (ms). */
  watchedMs: number;
  /** It has read more than one value: a fitted sensor, trusted from now on. */
  live: boolean;
  absent: AbsentChannel | null;
}

const r1 = (x: number) => String(Math.round(x * 10) / 10);

export class AbsentChannelTracker {
  private readonly watch = new Map<Channel, ChannelWatch>();
  private lastTimeMs: number | null = null;

  constructor(private settings: AbsentTrackerSettings) {
    for (const c of CANDIDATES) this.watch.set(c.channel, { value: null, watchedMs: 0, live: false, absent: null });
  }

  setSettings(s: AbsentTrackerSettings): void {
    this.settings = s;
  }

  /** Watches one quality-gated, rig-state-classified packet. */
  observe(p: WitsPacket): void {
    const stepMs = this.lastTimeMs === null ? 0 : Math.min(Math.max(0, p.timeMs - this.lastTimeMs), MAX_STEP_MS);
    this.lastTimeMs = p.timeMs;
    // Only a channel not yet seen moving needs the rig's activity (once every channel moved, none does).
    let active: Set<LiveWhen> | null = null;
    for (const c of CANDIDATES) {
      const w = this.watch.get(c.channel) as ChannelWatch;
      const v = p[c.channel];
      if (w.live || v === null) continue; // no reading, no evidence either way
      if (w.value === null) w.value = v;
      if (v !== w.value) {
        w.live = true;
        w.absent = null;
        continue;
      }
      active ??= this.activity(p);
      if (!active.has(c.when)) continue;
      w.watchedMs += stepMs;
      if (w.absent || w.watchedMs < this.settings.absentAfterS * 1000) continue;
      if (v !== 0 && !c.constantToo) continue;
      const reading = v === 0 ? 'reads 0' : `reads ${r1(v)} without change`;
      const minutes = Math.round(w.watchedMs / 60_000);
      w.absent = { channel: c.channel, source: 'detected', sinceMs: p.timeMs, reason: `${c.label} ${reading} after ${minutes} min of ${WHEN_WORDS[c.when]}: treated as not fitted` };
    }
  }

  /** Blanks the channels taken as absent, and unproven zeros (in place: the gate's copy of the packet). */
  blank(p: WitsPacket): void {
    for (const c of CANDIDATES) {
      const w = this.watch.get(c.channel) as ChannelWatch;
      if (w.absent || (c.zeroUnproven && !w.live && w.value === 0)) p[c.channel] = null;
    }
  }

  detected(): AbsentChannel[] {
    const out: AbsentChannel[] = [];
    for (const w of this.watch.values()) if (w.absent) out.push({ ...w.absent });
    return out;
  }

  private activity(p: WitsPacket): Set<LiveWhen> {
    const out = new Set<LiveWhen>();
    const s = this.settings;
    const pumping = p.flowInGpm !== null ? p.flowInGpm >= s.circulationFlowMinGpm : p.pumpSpm !== null && p.pumpSpm > 0;
    if (pumping) out.add('pumping');
    if (p.rpm !== null && p.rpm >= s.idleRpmMax) out.add('rotating');
    if (p.rigState === 'Drilling') out.add('drilling');
    if (p.rigState === 'TrippingIn' || p.rigState === 'TrippingOut') out.add('tripping');
    if (out.size > 0) out.add('active');
    return out;
  }
}

/** A copy of the packet with the channels declared not fitted made null. */
export function withoutChannels(p: WitsPacket, channels: readonly Channel[]): WitsPacket {
  if (channels.length === 0) return p;
  const out = { ...p };
  for (const c of channels) out[c] = null;
  return out;
}

/** The declared and the detected absent channels, declared first. */
export function absentChannels(declared: readonly Channel[], detected: readonly AbsentChannel[]): AbsentChannel[] {
  const out: AbsentChannel[] = declared.map((channel) => ({ channel, source: 'config', sinceMs: null, reason: 'not fitted on this rig (acquisition.absent_channels)' }));
  for (const d of detected) if (!declared.includes(d.channel)) out.push(d);
  return out;
}

/**
 * The 'channels' health component: a detected absence or a stuck sensor is degraded (a stuck one
 * first: it is the one to go and fix) until it moves again or someone declares it not fitted.
 */
export function channelsHealth(absent: readonly AbsentChannel[], stuck: readonly StuckChannel[] = []): ComponentHealth {
  const declared = absent.filter((a) => a.source === 'config').map((a) => a.channel);
  const detected = absent.filter((a) => a.source === 'detected');
  if (detected.length > 0 || stuck.length > 0) {
    const parts = [...stuck.map((s) => `${s.channel}: ${s.reason}`), ...detected.map((a) => `${a.channel}: ${a.reason}`)];
    if (declared.length > 0) parts.push(`declared not fitted: ${declared.join(', ')}`);
    return { name: 'channels', status: 'degraded', detail: parts.join('; ') };
  }
  if (declared.length > 0) return { name: 'channels', status: 'healthy', detail: `declared not fitted: ${declared.join(', ')}` };
  return { name: 'channels', status: 'healthy', detail: 'no channel reads as missing' };
}
