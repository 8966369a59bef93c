// What the Company man view shows in its detail: an event picked in its list (or sent there by
// the banner's Details button), one advisory of it, or an advisory recorded before events.
import { create } from 'zustand';

export type CompanyPick =
  | { kind: 'event'; eventId: string; advisoryId: string | null }
  | { kind: 'advisory'; advisoryId: string };

export const useCompanyPick = create<{ pick: CompanyPick | null; setPick(p: CompanyPick | null): void; pickEvent(eventId: string): void }>()((set) => ({
  pick: null,
  setPick: (pick) => set({ pick }),
  pickEvent: (eventId) => set({ pick: { kind: 'event', eventId, advisoryId: null } }),
}));
