// Views stay mounted once visited and are hidden with display:none; a hidden view must not
// keep re-rendering on every live status. `ViewActive` says whether the enclosing view is shown;
// `useAppLive` reads the store like `useApp` but holds its last value while the view is hidden.
import { createContext, useContext, useRef } from 'react';
import { useApp, type AppState } from './app-store.js';

export const ViewActive = createContext(true);

export function useViewActive(): boolean {
  return useContext(ViewActive);
}

export function useAppLive<T>(selector: (s: AppState) => T): T {
  const active = useContext(ViewActive);
  const last = useRef<{ v: T } | null>(null);
  return useApp((s) => {
    if (active || last.current === null) last.current = { v: selector(s) };
    return last.current.v;
  });
}
