// Now on the feed's clock, re-read every second with the screen's clock (lib/event-view.ts).
import { feedNowMs } from '../../lib/event-view.js';
import { useApp } from '../../store/app-store.js';
import { useNow } from '../../store/clock-store.js';

export function useFeedNow(): number {
  const nowMs = useNow((n) => n.nowMs);
  const feedClock = useApp((s) => s.feedClock);
  return feedNowMs(feedClock, nowMs);
}
