// Keyboard shortcuts, for a keyboard next to the panel: A acknowledges the first event on the
// banner that needs it, S silences the alarm. Never while typing in a field or with a dialog open.
import { useEffect } from 'react';
import { needsAcknowledgement } from '../../src-shared/events.js';
import { shouldSound } from '../lib/alarm-logic.js';
import { bannerEvents } from '../lib/event-view.js';
import { useApp } from '../store/app-store.js';
import { useEvents } from '../store/event-store.js';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat || typing(e.target)) return;
      const s = useApp.getState();
      if (s.ackDialogFor || s.shelveDialogFor) return;
      const ev = useEvents.getState();
      const key = e.key.toLowerCase();
      if (key === 's' && shouldSound(ev.alarm)) {
        e.preventDefault();
        ev.silence();
      } else if (key === 'a') {
        const first = bannerEvents(ev.events).find(needsAcknowledgement);
        if (first) {
          e.preventDefault();
          s.openAck({ eventId: first.id });
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
