// The renderer's state, in small slices. Components read it with narrow selectors
// (`useApp(s => s.status?.packet?.wobKlbf)`) so a gauge re-renders only when its number changes.
import { create } from 'zustand';
import type { Acknowledgement, Advisory } from '../../src-shared/advisory.js';
import type { HealthReport } from '../../src-shared/health.js';
import type { LiveStatus } from '../../src-shared/status.js';
import type { ConnectionState } from '../bridge/ws-bridge.js';
import { INITIAL_FEED_CLOCK, nextFeedClock, type FeedClock } from '../lib/feed.js';

export type ViewName = 'driller' | 'company' | 'engineer' | 'reports' | 'settings';
export const VIEWS: readonly { name: ViewName; label: string }[] = [
  { name: 'driller', label: 'Driller' },
  { name: 'company', label: 'Company man' },
  { name: 'engineer', label: 'Engineer' },
  { name: 'reports', label: 'Reports' },
  { name: 'settings', label: 'Settings' },
];

const MAX_ADVISORIES = 100;
const MAX_ACKS = 500;

export interface AppState {
  connection: ConnectionState;
  status: LiveStatus | null;
  health: HealthReport | null;
  /** Newest first; an enriched advisory (same id) replaces its template version. */
  advisories: Advisory[];
  /** Newest first. */
  acks: Acknowledgement[];
  /** When this screen last saw a new packet (staleness is measured on the screen's clock). */
  feedClock: FeedClock;
  view: ViewName;
  /** The browser refused to play audio until a user gesture. */
  soundBlocked: boolean;
  /** Bumped by the 'enable sound' click so the player tries again. */
  soundRetry: number;
  /** What the acknowledge dialog is open for: an alarm event, or an advisory recorded before events. */
  ackDialogFor: AckTarget | null;
  /** The event a supervisor is shelving. */
  shelveDialogFor: string | null;

  setConnection(c: ConnectionState): void;
  applyStatus(s: LiveStatus): void;
  applyHealth(h: HealthReport): void;
  upsertAdvisory(a: Advisory): void;
  setAdvisories(list: Advisory[]): void;
  addAck(a: Acknowledgement): void;
  setAcks(list: Acknowledgement[]): void;
  setView(v: ViewName): void;
  setSoundBlocked(b: boolean): void;
  retrySound(): void;
  openAck(target: AckTarget | null): void;
  openShelve(eventId: string | null): void;
}

export type AckTarget = { eventId: string } | { advisoryId: string };

function upsert(list: Advisory[], a: Advisory): Advisory[] {
  const i = list.findIndex((x) => x.id === a.id);
  if (i >= 0) {
    const copy = list.slice();
    copy[i] = a;
    return copy;
  }
  const next = [a, ...list].sort((x, y) => y.timeMs - x.timeMs);
  return next.length > MAX_ADVISORIES ? next.slice(0, MAX_ADVISORIES) : next;
}

export const useApp = create<AppState>()((set, get) => ({
  connection: 'connecting',
  status: null,
  health: null,
  advisories: [],
  acks: [],
  feedClock: INITIAL_FEED_CLOCK,
  view: 'driller',
  soundBlocked: false,
  soundRetry: 0,
  ackDialogFor: null,
  shelveDialogFor: null,

  setConnection: (connection) => set({ connection }),
  applyStatus: (status) => {
    const s = get();
    const current = status.currentAdvisory;
    set({
      status,
      feedClock: nextFeedClock(s.feedClock, status, Date.now()),
      health: status.health,
      advisories: current ? upsert(s.advisories, current) : s.advisories,
    });
  },
  applyHealth: (health) => set({ health }),
  upsertAdvisory: (a) => set({ advisories: upsert(get().advisories, a) }),
  setAdvisories: (list) => set({ advisories: list.slice().sort((x, y) => y.timeMs - x.timeMs).slice(0, MAX_ADVISORIES) }),
  addAck: (a) => {
    const s = get();
    if (s.acks.some((x) => x.id === a.id)) return;
    set({ acks: [a, ...s.acks].slice(0, MAX_ACKS) });
  },
  setAcks: (list) => set({ acks: list.slice().sort((x, y) => y.timeMs - x.timeMs).slice(0, MAX_ACKS) }),
  setView: (view) => set({ view }),
  setSoundBlocked: (soundBlocked) => set({ soundBlocked }),
  retrySound: () => set((s) => ({ soundRetry: s.soundRetry + 1 })),
  openAck: (ackDialogFor) => set({ ackDialogFor }),
  openShelve: (shelveDialogFor) => set({ shelveDialogFor }),
}));
