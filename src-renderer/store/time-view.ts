// The time window the trend tracks share: live (following the newest sample) or a window the
// user zoomed or panned to. One per view, so the Engineer's zoom never moves the Driller's.
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { panDomain, zoomDomain, type Domain } from '../lib/chart-scale.js';
import { useApp } from './app-store.js';
import { useTrend } from './trend-store.js';

export interface TimeViewState {
  windowMs: number;
  /** null = live: the window ends at the newest sample. */
  fixed: Domain | null;
  hoverMs: number | null;
  setWindow(ms: number): void;
  zoom(atMs: number, factor: number): void;
  pan(deltaMs: number): void;
  goLive(): void;
  setHover(t: number | null): void;
}

/** The feed's newest time: a replay or a fast simulator is not "now". */
export function latestMs(): number {
  const s = useApp.getState().status;
  return useTrend.getState().latestMs ?? s?.packet?.timeMs ?? s?.metrics?.timeMs ?? Date.now();
}

export function liveDomain(windowMs: number): Domain {
  const end = latestMs();
  return [end - windowMs, end];
}

export type TimeViewStore = UseBoundStore<StoreApi<TimeViewState>>;

export function createTimeView(windowMs: number): TimeViewStore {
  return create<TimeViewState>()((set, get) => {
    const current = (): Domain => get().fixed ?? liveDomain(get().windowMs);
    // pan no further back than the loaded window, nor past the newest sample
    const bounds = (): Domain => [latestMs() - get().windowMs, latestMs()];
    return {
      windowMs,
      fixed: null,
      hoverMs: null,
      setWindow: (ms) => set({ windowMs: ms, fixed: null }),
      zoom: (at, f) => {
        const z = zoomDomain(current(), at, f);
        const span = Math.min(z[1] - z[0], get().windowMs);
        set({ fixed: panDomain([z[0], z[0] + span], 0, bounds()) });
      },
      pan: (dt) => set({ fixed: panDomain(current(), dt, bounds()) }),
      goLive: () => set({ fixed: null }),
      setHover: (hoverMs) => set({ hoverMs }),
    };
  });
}
