// Hooks the trend views share: the window a set of tracks shows (ticking once a second while
// live and visible) and loading a window's history into the trend buffer.
import { useEffect, useMemo, useState } from 'react';
import type { Domain } from '../lib/chart-scale.js';
import { useApp } from './app-store.js';
import { useNow } from './clock-store.js';
import { getBridge } from './connect.js';
import { liveDomain, latestMs, type TimeViewStore } from './time-view.js';
import { useTrend } from './trend-store.js';
import { useViewActive } from './view-active.js';

export function useDomain(view: TimeViewStore): Domain {
  const fixed = view((s) => s.fixed);
  const windowMs = view((s) => s.windowMs);
  const active = useViewActive();
  const tick = useNow((n) => (active && fixed === null ? n.nowMs : 0));
  const historyVersion = useTrend((s) => s.historyVersion);
  return useMemo(() => fixed ?? liveDomain(windowMs), [fixed, windowMs, tick, historyVersion]);
}

/** History is asked for in at most this many buckets per channel. */
const HISTORY_MAX_POINTS = 5000;

/**
 * Loads `windowMs` of history for `channels` (one request per channel, so no single answer is
 * large); again when the window or the channels change, or the engine link comes back.
 */
export function useHistory(channels: readonly string[], windowMs: number): string | null {
  const connected = useApp((s) => s.connection === 'open');
  // wait for the first status: the window ends at the feed's newest time, not the wall clock
  const ready = useApp((s) => s.status !== null);
  const [error, setError] = useState<string | null>(null);
  const key = [...new Set(channels)].sort().join(',');
  useEffect(() => {
    if (!connected || !ready || !key) return;
    let cancelled = false;
    const toMs = latestMs();
    setError(null);
    for (const channel of key.split(',')) {
      void getBridge()
        .call('getMetricSeries', { channels: [channel], fromMs: toMs - windowMs, toMs, maxPoints: HISTORY_MAX_POINTS })
        .then((r) => {
          if (cancelled) return;
          if (!r.ok) return setError(r.error.message);
          for (const s of r.value) useTrend.getState().setHistory(s.channel, s.points);
        });
    }
    return () => {
      cancelled = true;
    };
  }, [key, windowMs, connected, ready]);
  return error;
}
