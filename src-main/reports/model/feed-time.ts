// Time per rig state and data-feed outages, from packets counted per minute. The usual packet
// interval is worked out from the data (60 s over the median packets per minute), so a 1 Hz
// feed counts one second per packet and a slower feed its own interval. Pure.
import { RIG_STATES } from '../../../src-shared/wits.js';
import type { FeedOutage, RigStateTime } from '../../../src-shared/reports.js';

const MIN_MS = 60_000;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Seconds between packets on this feed, or null with no packets. */
export function packetIntervalS(packetsPerMinute: readonly [number, number][]): number | null {
  const m = median(packetsPerMinute.map(([, n]) => n).filter((n) => n > 0));
  return m === null ? null : Math.min(60, 60 / m);
}

export function rigStateTimes(packetsByState: Record<string, number>, intervalS: number | null, periodMs: number): RigStateTime[] {
  const periodS = Math.max(1, periodMs / 1000);
  return RIG_STATES.map((state) => {
    const seconds = (packetsByState[state] ?? 0) * (intervalS ?? 0);
    return { state, seconds, percent: (seconds / periodS) * 100 };
  });
}

export interface OutageOptions {
  fromMs: number;
  toMs: number;
  intervalS: number | null;
  /** Shorter gaps are not outages (acquisition.feed_timeout_s). */
  minOutageS: number;
}

/**
 * Runs of minutes with fewer than half the usual packets. Edges are to the minute; the length
 * is the packets missing times the usual interval. `packetsPerMinute` is oldest first.
 */
export function feedOutages(packetsPerMinute: readonly [number, number][], o: OutageOptions): FeedOutage[] {
  const firstMinute = Math.floor(o.fromMs / MIN_MS) * MIN_MS;
  const endMs = Math.max(o.fromMs, o.toMs);
  if (o.intervalS === null) {
    // Nothing came in at all: the whole period is one outage.
    const seconds = (endMs - o.fromMs) / 1000;
    return seconds >= o.minOutageS ? [{ fromMs: o.fromMs, toMs: endMs, missingPackets: 0, approxSeconds: seconds }] : [];
  }
  const usual = 60 / o.intervalS;
  const out: FeedOutage[] = [];
  let row = 0; // packetsPerMinute is oldest first: walk it alongside the minutes
  let run: { fromMs: number; missing: number } | null = null;
  const close = (atMs: number) => {
    if (run && run.missing * o.intervalS! >= o.minOutageS) {
      out.push({ fromMs: run.fromMs, toMs: atMs, missingPackets: Math.round(run.missing), approxSeconds: run.missing * o.intervalS! });
    }
    run = null;
  };
  for (let m = firstMinute; m < endMs; m += MIN_MS) {
    const start = Math.max(m, o.fromMs);
    const end = Math.min(m + MIN_MS, endMs);
    // Minutes cut by the period's edges expect proportionally fewer packets.
    const expected = (usual * (end - start)) / MIN_MS;
    while (row < packetsPerMinute.length && packetsPerMinute[row][0] < m) row++;
    const got = row < packetsPerMinute.length && packetsPerMinute[row][0] === m ? packetsPerMinute[row][1] : 0;
    if (got < expected / 2) {
      run ??= { fromMs: start, missing: 0 };
      run.missing += expected - got;
    } else close(start);
  }
  close(endMs);
  return out;
}
