// Company man: the alarm EVENTS (issue 12), newest first, each with its timeline (raised, updates,
// escalations, acknowledgements with who/action/notes, clearing, reopening, shelving) and its
// advisories on expanding; the picked event's state and actions above the evidence of its latest
// advisory (or the one picked); who acknowledged what. Advisories from before events are listed
// after, grouped as they were.
import { useMemo, useState } from 'react';
import type { Advisory } from '../../src-shared/advisory.js';
import { bannerEvents } from '../lib/event-view.js';
import { useApp } from '../store/app-store.js';
import { useCompanyPick } from '../store/company-store.js';
import { useEvents } from '../store/event-store.js';
import { usePrefs } from '../store/prefs-store.js';
import { AckHistory } from './company/AckHistory.js';
import { AdvisoryDetail } from './company/AdvisoryDetail.js';
import { EventHeader } from './company/EventHeader.js';
import { EventItem } from './company/EventItem.js';
import { LegacyAdvisories } from './company/LegacyAdvisories.js';
import { useEventMembers } from './company/use-event-members.js';
import './company/company.css';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function CompanyManView(): React.JSX.Element {
  const events = useEvents((s) => s.events);
  const advisories = useApp((s) => s.advisories);
  const acks = useApp((s) => s.acks);
  const clock = usePrefs((p) => p.clock);
  const pick = useCompanyPick((s) => s.pick);
  const setPick = useCompanyPick((s) => s.setPick);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const ackedIds = useMemo(() => new Set(acks.map((k) => k.advisoryId)), [acks]);
  const legacy = useMemo(() => advisories.filter((a) => !a.eventId), [advisories]);
  const toggle = (id: string): void =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  // nothing picked: the first event on the banner, else the newest event, else an older advisory
  const event = pick?.kind === 'advisory' ? null : (events.find((e) => e.id === pick?.eventId) ?? bannerEvents(events)[0] ?? events[0] ?? null);
  const members = useEventMembers(event);
  const pickedAdvisoryId = pick?.kind === 'advisory' ? pick.advisoryId : pick?.kind === 'event' && pick.eventId === event?.id ? pick.advisoryId : null;
  const advisory: Advisory | null = event
    ? (members.find((a) => a.id === (pickedAdvisoryId ?? event.latestAdvisoryId)) ?? members[0] ?? null)
    : (advisories.find((a) => a.id === pickedAdvisoryId) ?? legacy[0] ?? null);

  return (
    <div className="view view-company" data-testid="view-company" data-events={events.length} data-advisories={advisories.length}>
      <div className="cm-list">
        <h3>Alarm events <span className="muted">· {plural(events.length, 'event')}</span></h3>
        <div className="scroll">
          {events.length === 0 && legacy.length === 0 && <p className="muted">No alarm events yet.</p>}
          {events.map((e) => (
            <EventItem
              key={e.id}
              event={e}
              selected={e.id === event?.id}
              expanded={expanded.has(e.id)}
              selectedAdvisoryId={advisory?.id ?? null}
              clock={clock}
              onPick={() => setPick({ kind: 'event', eventId: e.id, advisoryId: null })}
              onToggle={() => toggle(e.id)}
              onPickAdvisory={(id) => setPick({ kind: 'event', eventId: e.id, advisoryId: id })}
            />
          ))}
          <LegacyAdvisories advisories={legacy} ackedIds={ackedIds} selectedId={advisory?.id ?? null} clock={clock} onPick={(id) => setPick({ kind: 'advisory', advisoryId: id })} />
        </div>
      </div>
      <div className="cm-main">
        {event && <EventHeader key={event.id} event={event} />}
        {advisory ? <AdvisoryDetail a={advisory} /> : <p className="muted">{event ? 'Reading the advisories…' : 'Nothing to show.'}</p>}
        <AckHistory />
      </div>
    </div>
  );
}
