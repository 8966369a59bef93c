import { describe, expect, it } from 'vitest';
import { ago, fleetStatusLines } from '../../../src-renderer/lib/fleet-status.js';
import type { FleetLinkStatus } from '../../../src-shared/fleet.js';

const NOW = Date.UTC(2025, 0, 2);
const base: FleetLinkStatus = {
  configured: true, hubUrl: 'https://hub.example.com', rigId: 'RIG-7', hubReachable: true, lastContactMs: NOW - 30_000,
  queueDepth: 0, unsentCritical: 0, lastUploadMs: NOW - 3 * 3_600_000, lastSyncMs: NOW - 86_400_000 * 3, libraryVersion: 42, lastError: null,
  bytesSent: 5_000, bytesReceived: 2_500_000,
};

describe('fleet status lines', () => {
  it('says when nothing is configured or running', () => {
    expect(fleetStatusLines(undefined, NOW)[0].value).toBe('not running in this engine');
    expect(fleetStatusLines({ ...base, configured: false }, NOW)[0].value).toBe('not configured: events stay on this rig');
  });

  it('shows reachability, queue depth with RED count, last upload and sync', () => {
    const lines = Object.fromEntries(fleetStatusLines(base, NOW).map((l) => [l.label, l]));
    expect(lines.Link.value).toBe('reachable (30 s ago)');
    expect(lines['Waiting to upload'].value).toBe('0 events');
    expect(lines['Last upload'].value).toBe('3 h ago');
    expect(lines['Last library sync'].value).toBe('3 days ago · library v42');
    expect(lines['Link traffic'].value).toBe('5000 B sent, 2,441 kB received since start');
    const down = Object.fromEntries(fleetStatusLines({ ...base, hubReachable: false, lastContactMs: NOW - 7_200_000, queueDepth: 3, unsentCritical: 1, lastError: 'hub unreachable: ECONNREFUSED' }, NOW).map((l) => [l.label, l]));
    expect(down.Link).toEqual({ label: 'Link', value: 'unreachable since 2 h ago', warn: true });
    expect(down['Waiting to upload']).toEqual({ label: 'Waiting to upload', value: '3 events (1 RED)', warn: true });
    expect(down['Last problem'].value).toContain('ECONNREFUSED');
  });

  it('formats ages', () => {
    expect(ago(null, NOW)).toBe('never');
    expect(ago(NOW - 5 * 60_000, NOW)).toBe('5 min ago');
  });
});
