// What the fleet panel says about the hub link, in a driller's words. Pure (time comes in).
import type { FleetLinkStatus } from '../../src-shared/fleet.js';

export function ago(ms: number | null, nowMs: number): string {
  if (ms === null) return 'never';
  const s = Math.max(0, Math.round((nowMs - ms) / 1000));
  if (s < 90) return `${s} s ago`;
  if (s < 5400) return `${Math.round(s / 60)} min ago`;
  if (s < 172_800) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} days ago`;
}

const kb = (bytes: number): string => (bytes < 10_240 ? `${bytes} B` : `${Math.round(bytes / 1024).toLocaleString('en-US')} kB`);

export interface FleetLine {
  label: string;
  value: string;
  warn: boolean;
}

export function fleetStatusLines(st: FleetLinkStatus | undefined, nowMs: number): FleetLine[] {
  if (!st) return [{ label: 'Fleet', value: 'not running in this engine', warn: false }];
  if (!st.configured) return [{ label: 'Fleet', value: 'not configured: events stay on this rig', warn: false }];
  const reach = st.hubReachable === null ? 'not contacted yet' : st.hubReachable ? `reachable (${ago(st.lastContactMs, nowMs)})` : `unreachable since ${ago(st.lastContactMs, nowMs)}`;
  return [
    { label: 'Hub', value: `${st.hubUrl} · rig ${st.rigId}`, warn: false },
    { label: 'Link', value: reach, warn: st.hubReachable === false },
    { label: 'Waiting to upload', value: `${st.queueDepth} event${st.queueDepth === 1 ? '' : 's'}${st.unsentCritical ? ` (${st.unsentCritical} RED)` : ''}`, warn: st.unsentCritical > 0 },
    { label: 'Last upload', value: ago(st.lastUploadMs, nowMs), warn: false },
    { label: 'Last library sync', value: `${ago(st.lastSyncMs, nowMs)} · library v${st.libraryVersion}`, warn: false },
    { label: 'Link traffic', value: `${kb(st.bytesSent)} sent, ${kb(st.bytesReceived)} received since start`, warn: false },
    ...(st.lastError ? [{ label: 'Last problem', value: st.lastError, warn: true }] : []),
  ];
}
