// Wires a Bridge to the stores: initial fetch, pushed events, throttled live status.
// Status arrives at up to a few per second; the UI takes at most 4 updates per second.
import type { AppBridge } from '../bridge/pick-bridge.js';
import { createThrottle } from '../lib/throttle.js';
import { useApp } from './app-store.js';
import { useEvents } from './event-store.js';
import { connectMl } from './ml-store.js';
import { useOutcomes } from './outcome-store.js';
import { useTrend } from './trend-store.js';

export const STATUS_UPDATE_INTERVAL_MS = 250;

let current: AppBridge | null = null;

export function getBridge(): AppBridge {
  if (!current) throw new Error('bridge not connected');
  return current;
}

async function refresh(bridge: AppBridge): Promise<void> {
  const app = useApp.getState();
  const [status, history, acks, outcomes, open, recent] = await Promise.all([
    bridge.call('getStatus', {}),
    bridge.call('getHistory', { limit: 100 }),
    bridge.call('getAcknowledgements', { limit: 500 }),
    bridge.call('getOutcomes', { limit: 1000 }),
    bridge.call('getEvents', { state: 'open' }),
    bridge.call('getEvents', { state: 'any', limit: 200 }),
  ]);
  if (open.ok && recent.ok) {
    // every open event, then the recent closed ones (the open list is the live one)
    const openIds = new Set(open.value.map((e) => e.id));
    useEvents.getState().setEvents([...open.value, ...recent.value.filter((e) => !openIds.has(e.id))]);
  }
  if (history.ok) app.setAdvisories(history.value);
  if (acks.ok) app.setAcks(acks.value);
  if (outcomes.ok) useOutcomes.getState().setAll(outcomes.value);
  if (status.ok) {
    app.applyStatus(status.value);
    // the feed's clock is known before the first pushed status (a finished replay pushes none)
    useTrend.getState().appendLive(status.value);
  }
}

export function connectStores(bridge: AppBridge): () => void {
  current = bridge;
  const app = useApp.getState;
  const throttle = createThrottle(app().applyStatus, STATUS_UPDATE_INTERVAL_MS);
  const offs = [
    connectMl(bridge),
    bridge.on('status', (s) => {
      useTrend.getState().appendLive(s);
      throttle.push(s);
    }),
    bridge.on('advisory', (a) => app().upsertAdvisory(a)),
    bridge.on('alarmEvent', (p) => useEvents.getState().apply(p)),
    bridge.on('acknowledgement', (a) => app().addAck(a)),
    bridge.on('outcome', (o) => useOutcomes.getState().apply(o)),
    bridge.on('health', (h) => app().applyHealth(h)),
    bridge.onConnection((c) => {
      app().setConnection(c);
      if (c === 'open') void refresh(bridge);
    }),
  ];
  app().setConnection(bridge.connection);
  void refresh(bridge);
  return () => {
    throttle.dispose();
    for (const off of offs) off();
    bridge.dispose();
    current = null;
  };
}
