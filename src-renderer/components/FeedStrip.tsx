// Feed loss at a glance: the moment the engine link or the WITS feed drops (or packets stop),
// one strip says so with how old the values on screen are; the tiles dim with their age. The
// engine's own OFFLINE verdict (after acquisition.feed_timeout_s) is named in it too.
import { ageText, clockText } from '../lib/time-format.js';
import { useApp } from '../store/app-store.js';
import { useFeedView } from '../store/feed-view.js';
import { usePrefs } from '../store/prefs-store.js';

export function FeedStrip(): React.JSX.Element | null {
  const v = useFeedView();
  const offline = useApp((s) => s.health?.flags.feedOffline ?? false);
  const lastDataAtMs = useApp((s) => s.feedClock.lastDataAtMs);
  const clock = usePrefs((p) => p.clock);
  if (!v.stale) return null;
  const since = lastDataAtMs !== null && v.ageMs !== null ? ` · last data ${clockText(lastDataAtMs, clock)} (${ageText(v.ageMs)} ago)` : '';
  return (
    <div className={`feed-strip ${offline ? 'feed-offline' : ''}`} data-testid="feed-strip" data-reconnecting={v.reconnecting} role="status">
      {offline && <b data-testid="banner-offline">WITS FEED OFFLINE · </b>}
      {!(offline && v.reason === 'WITS feed offline') && <span data-testid="feed-reason">{v.reason}{v.reconnecting ? '…' : ''}</span>}
      <span data-testid="feed-age">{since}</span>
      <span className="feed-note"> Values on screen are not live.</span>
    </div>
  );
}
