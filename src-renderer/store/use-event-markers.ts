// The trends' event markers, from the alarm events and older advisories on this screen.
import { useMemo } from 'react';
import { eventMarkers, type EventMarker } from '../lib/markers.js';
import { useApp } from './app-store.js';
import { useEvents } from './event-store.js';

export function useEventMarkers(): EventMarker[] {
  const events = useEvents((s) => s.events);
  const advisories = useApp((s) => s.advisories);
  return useMemo(() => eventMarkers(events, advisories), [events, advisories]);
}
