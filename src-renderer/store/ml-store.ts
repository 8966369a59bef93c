// The ML engine as the screens see it: the latest run (success, failure or skip), the optimum in
// use (the latest one found) and the "run now" state. Fed by the mlReport / mlSkip events.
import { create } from 'zustand';
import type { MlReport, MlRunOutcome, MlSkip } from '../../src-shared/ml.js';
import type { AppBridge } from '../bridge/pick-bridge.js';

export interface MlState {
  latest: MlReport | null;
  /** The newest report with an optimum. */
  optimum: MlReport | null;
  lastSkip: MlSkip | null;
  running: boolean;
  runMessage: string | null;
  accept(r: MlReport): void;
  skipped(s: MlSkip): void;
  setRun(running: boolean, message: string | null): void;
}

export const useMl = create<MlState>()((set) => ({
  latest: null,
  optimum: null,
  lastSkip: null,
  running: false,
  runMessage: null,
  accept: (r) =>
    set((s) => ({
      latest: !s.latest || r.timeMs >= s.latest.timeMs ? r : s.latest,
      optimum: r.result.status === 'success' && (!s.optimum || r.timeMs >= s.optimum.timeMs) ? r : s.optimum,
    })),
  skipped: (lastSkip) => set({ lastSkip }),
  setRun: (running, runMessage) => set({ running, runMessage }),
}));

/** Initial reports and the events; returns the unsubscribe. */
export function connectMl(bridge: AppBridge): () => void {
  const ml = useMl.getState;
  const refresh = async (): Promise<void> => {
    const latest = await bridge.call('getMlLatest', {});
    if (!latest.ok || !latest.value) return;
    ml().accept(latest.value);
    if (latest.value.result.status !== 'success') {
      const near = await bridge.call('getMlOptimal', { depthFt: Math.max(0, latest.value.bitDepthFt ?? 0) });
      if (near.ok && near.value) ml().accept(near.value);
    }
  };
  const offs = [
    bridge.on('mlReport', (r) => ml().accept(r)),
    bridge.on('mlSkip', (s) => ml().skipped(s)),
    bridge.onConnection((c) => {
      if (c === 'open') void refresh();
    }),
  ];
  void refresh();
  return () => offs.forEach((off) => off());
}

/** What a finished "run now" says, in one line. */
export function runOutcomeText(o: MlRunOutcome): string {
  if (o.kind === 'skipped') return `Not run: ${o.skip.reason}.`;
  const r = o.report.result;
  return r.status === 'success' ? 'New optimum computed.' : `No optimum: ${r.reason} (${r.detail}).`;
}
