// The driller's banner shows alarm EVENTS (issue 12), not the latest advisory: the first event
// full width (EventBanner), the others stacked under it worst risk first in compact rows, at most
// two of them so the driller screen still fits 1280x800; more are one click away. A cleared event
// waits quietly until acknowledged; a shelved one is shown as shelved, never hidden.
import { useMemo } from 'react';
import { bannerEvents } from '../lib/event-view.js';
import { useApp } from '../store/app-store.js';
import { useEvents } from '../store/event-store.js';
import { EventBanner } from './banner/EventBanner.js';
import { EventRow } from './banner/EventRow.js';
import './banner/banner.css';

/** Compact rows under the first event. */
const MAX_ROWS = 2;

export function AdvisoryBanner(): React.JSX.Element {
  const events = useEvents((s) => s.events);
  const stack = useMemo(() => bannerEvents(events), [events]);
  const setView = useApp((s) => s.setView);

  if (stack.length === 0) {
    return (
      <div className="advisory-banner risk-green" data-testid="advisory-banner" data-risk="None" data-stacked={0}>
        <div className="adv-risk">NORMAL</div>
        <div className="adv-body">
          <div className="adv-title">No active alarm event</div>
        </div>
      </div>
    );
  }
  const [first, ...rest] = stack;
  const shown = rest.slice(0, MAX_ROWS);
  const more = rest.length - shown.length;
  return (
    <div className="event-stack" data-testid="event-stack" data-events={stack.length}>
      <EventBanner event={first} stacked={stack.length} />
      {shown.length > 0 && (
        <div className="event-rows">
          {shown.map((e) => <EventRow key={e.id} event={e} />)}
          {more > 0 && (
            <button className="btn event-more" data-testid="event-more" onClick={() => setView('company')}>
              +{more} more
            </button>
          )}
        </div>
      )}
    </div>
  );
}
