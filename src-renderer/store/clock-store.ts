// The screen's own clock, ticking once a second whatever the feed does: the top-bar clock and
// the age of stale values keep running when the data stops.
import { create } from 'zustand';

export const useNow = create<{ nowMs: number }>()(() => ({ nowMs: Date.now() }));

let timer: ReturnType<typeof setInterval> | null = null;

export function startClock(): () => void {
  if (!timer) timer = setInterval(() => useNow.setState({ nowMs: Date.now() }), 1000);
  return () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
}
