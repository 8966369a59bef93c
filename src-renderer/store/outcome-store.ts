// Outcomes as the screens need them: the newest outcome per advisory, and a version the
// engineer's per-fault table watches to know when to ask for fresh counts.
import { create } from 'zustand';
import type { OutcomeRecord } from '../../src-shared/outcome.js';

export interface OutcomeState {
  /** advisory id -> its newest outcome. */
  latest: Record<string, OutcomeRecord>;
  /** Bumped on every outcome pushed by the engine. */
  version: number;
  apply(r: OutcomeRecord): void;
  /** Records newest first (getOutcomes); the first per advisory wins. */
  setAll(list: OutcomeRecord[]): void;
}

export const useOutcomes = create<OutcomeState>()((set, get) => ({
  latest: {},
  version: 0,
  apply: (r) => {
    const cur = get().latest[r.advisoryId];
    if (cur && cur.seq > r.seq) return;
    set((s) => ({ latest: { ...s.latest, [r.advisoryId]: r }, version: s.version + 1 }));
  },
  setAll: (list) => {
    const latest: Record<string, OutcomeRecord> = {};
    for (const r of list) if (!latest[r.advisoryId] || latest[r.advisoryId].seq < r.seq) latest[r.advisoryId] = r;
    set((s) => ({ latest, version: s.version + 1 }));
  },
}));
