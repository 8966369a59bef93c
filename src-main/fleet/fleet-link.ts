// Builds the engine's fleet hub link from its parts: the upload queue, where library episodes
// go, the live fleet settings, and where the sync watermark is kept (the data directory).
import type { FleetSettings } from './fleet-service.js';
import { FleetService } from './fleet-service.js';
import type { LibrarySink, Sleeper, UploadQueue } from './ports.js';
import { FileSyncState, MemorySyncState } from './sync-state.js';

export interface FleetTiming {
  sleeper?: Sleeper;
  random?: () => number;
  uploadIdleMs?: number;
  firstSyncMs?: number;
  syncJitterMs?: number;
  pingIntervalMs?: number;
  timeoutMs?: number;
}

export interface FleetLinkDeps {
  queue: UploadQueue;
  sink: LibrarySink;
  settings: () => FleetSettings;
  dataDir: string | null;
  clock: () => number;
  log: (line: string) => void;
  timing?: FleetTiming;
}

export function fleetLink(d: FleetLinkDeps): FleetService {
  const t = d.timing ?? {};
  return new FleetService({
    settings: d.settings,
    queue: d.queue,
    sink: d.sink,
    syncState: d.dataDir ? new FileSyncState(d.dataDir, d.log) : new MemorySyncState(),
    clock: d.clock,
    log: d.log,
    ...t,
  });
}
