// Keyboard shortcuts, for a keyboard next to the panel: A acknowledges the current advisory,
// S silences the alarm. Never while typing in a field or with a dialog open.
import { useEffect } from 'react';
import { shouldSound } from '../lib/alarm-logic.js';
import { selectCurrentAdvisory, useApp } from '../store/app-store.js';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat || typing(e.target)) return;
      const s = useApp.getState();
      if (s.ackDialogFor) return;
      const key = e.key.toLowerCase();
      if (key === 's' && shouldSound(s.alarm)) {
        e.preventDefault();
        s.silenceAlarm();
      } else if (key === 'a') {
        const current = selectCurrentAdvisory(s);
        if (current && !s.acks.some((k) => k.advisoryId === current.id)) {
          e.preventDefault();
          s.openAck(current.id);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
