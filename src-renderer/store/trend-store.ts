// Client-side trend buffer: history fetched with getMetricSeries plus live points appended
// from the status stream. Bounded per channel; charts downsample with LTTB when drawing.
import { create } from 'zustand';
import type { LiveStatus } from '../../src-shared/status.js';
import { TREND_CHANNELS, liveValue } from '../lib/channels.js';

/** 24 h at 1 Hz; trimmed in chunks so appends stay O(1) amortised. */
export const MAX_POINTS_PER_CHANNEL = 86_400;
const TRIM_SLACK = 4_000;
/** A packet this much older than the newest means the feed changed (not a late sample). */
const TIME_JUMP_MS = 60_000;

export type Series = [number, number][];

/** Depth channels kept alongside the chartable ones: the depth plots join on them. */
export const DEPTH_CHANNELS = ['bitDepthFt', 'holeDepthFt'] as const;
const LIVE_KEYS: readonly string[] = [...new Set([...TREND_CHANNELS.map((c) => c.key), ...DEPTH_CHANNELS])];

export interface TrendState {
  series: Record<string, Series>;
  /** Bumped when fetched history lands (charts redraw at once instead of at their next refresh). */
  historyVersion: number;
  /** Time of the newest sample seen (the feed's clock: a replay or a fast simulator is not "now"). */
  latestMs: number | null;
  setHistory(channel: string, points: Series): void;
  appendLive(s: LiveStatus): void;
}

export function appendBounded(series: Series, point: [number, number], max = MAX_POINTS_PER_CHANNEL): Series {
  const last = series[series.length - 1];
  if (last && point[0] <= last[0]) return series; // same or older sample: ignore
  series.push(point);
  if (series.length > max + TRIM_SLACK) series.splice(0, series.length - max);
  return series;
}

export const useTrend = create<TrendState>()((set, get) => ({
  series: {},
  historyVersion: 0,
  latestMs: null,
  setHistory: (channel, points) => {
    const live = get().series[channel] ?? [];
    const lastHistMs = points.length ? points[points.length - 1][0] : -Infinity;
    // keep live points newer than the fetched history
    const merged = points.concat(live.filter((p) => p[0] > lastHistMs));
    const bounded = merged.length > MAX_POINTS_PER_CHANNEL ? merged.slice(merged.length - MAX_POINTS_PER_CHANNEL) : merged;
    const newest = bounded.length ? bounded[bounded.length - 1][0] : null;
    set((s) => ({
      series: { ...s.series, [channel]: bounded },
      historyVersion: s.historyVersion + 1,
      latestMs: newest === null ? s.latestMs : Math.max(newest, s.latestMs ?? newest),
    }));
  },
  appendLive: (status) => {
    const t = status.packet?.timeMs ?? status.timeMs;
    const series = get().series;
    let changed = false;
    for (const key of LIVE_KEYS) {
      const v = liveValue(status, key);
      if (v === null) continue;
      const s = series[key] ?? (series[key] = []);
      // a feed that starts again earlier in time (a replay after a live feed): start the line again
      const last = s[s.length - 1];
      if (last && t < last[0] - TIME_JUMP_MS) s.length = 0;
      const before = s.length;
      appendBounded(s, [t, v]);
      if (s.length !== before) {
        changed = true;
      }
    }
    // the feed's newest time is this packet's, also when a new feed starts earlier in time
    if (changed) set((s) => ({ latestMs: s.latestMs === null || t >= s.latestMs - TIME_JUMP_MS ? Math.max(t, s.latestMs ?? t) : t }));
  },
}));
