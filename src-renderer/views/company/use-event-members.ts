// The advisories of one event: those already on this screen, and the rest read from the engine
// (getHistory over the event's time span, kept to its id). Read again when the event grows.
import { useEffect, useMemo, useState } from 'react';
import type { Advisory } from '../../../src-shared/advisory.js';
import type { AlarmEvent } from '../../../src-shared/events.js';
import { useApp } from '../../store/app-store.js';
import { getBridge } from '../../store/connect.js';

export function useEventMembers(event: AlarmEvent | null): Advisory[] {
  const onScreen = useApp((s) => s.advisories);
  const [fetched, setFetched] = useState<{ id: string; list: Advisory[] } | null>(null);
  const id = event?.id ?? null;
  const count = event?.advisoryCount ?? 0;
  const fromMs = event?.openedMs ?? 0;
  const toMs = event?.updatedMs ?? 0;
  const category = event?.category;
  useEffect(() => {
    if (!id) return;
    let live = true;
    void getBridge()
      .call('getHistory', { sinceMs: fromMs, untilMs: toMs, category, limit: 1000 })
      .then((r) => {
        if (live && r.ok) setFetched({ id, list: r.value.filter((a) => a.eventId === id) });
      });
    return () => {
      live = false;
    };
  }, [id, count, fromMs, toMs, category]);
  return useMemo(() => {
    if (!id) return [];
    const byId = new Map<string, Advisory>();
    for (const a of fetched?.id === id ? fetched.list : []) byId.set(a.id, a);
    for (const a of onScreen) if (a.eventId === id) byId.set(a.id, a); // the screen's copy may be enriched since
    return [...byId.values()].sort((x, y) => y.timeMs - x.timeMs);
  }, [id, fetched, onScreen]);
}
