// The feed's freshness as components read it: the engine link and feed state react at once,
// the age on the screen's 1 s clock.
import { feedView, type FeedView } from '../lib/feed.js';
import { useApp } from './app-store.js';
import { useNow } from './clock-store.js';

function current(nowMs: number): FeedView {
  const s = useApp.getState();
  return feedView(s.connection, s.status?.source.state ?? null, s.feedClock, nowMs);
}

/** The whole view (re-renders every second). */
export function useFeedView(): FeedView {
  useApp((s) => s.connection);
  useApp((s) => s.status?.source.state);
  useApp((s) => s.feedClock);
  const nowMs = useNow((n) => n.nowMs);
  return current(nowMs);
}

/** Age in whole seconds while stale, null while live: re-renders only when that changes. */
export function useStaleAgeS(): number | null | 'none' {
  useApp((s) => s.connection);
  useApp((s) => s.status?.source.state);
  useApp((s) => s.feedClock.lastDataAtMs);
  return useNow((n) => {
    const v = current(n.nowMs);
    if (!v.stale) return null;
    return v.ageMs === null ? 'none' : Math.floor(v.ageMs / 1000);
  });
}
