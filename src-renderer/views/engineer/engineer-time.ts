// The Engineer view's shared time window (zoom, pan, live) and its choices.
import { createTimeView } from '../../store/time-view.js';

export const WINDOWS = [
  { label: '10 min', ms: 10 * 60_000 },
  { label: '1 h', ms: 3_600_000 },
  { label: '6 h', ms: 6 * 3_600_000 },
  { label: '24 h', ms: 24 * 3_600_000 },
] as const;

export const useEngineerTime = createTimeView(WINDOWS[1].ms);
