// What every route plugin of one hub instance receives. Everything durable is in PostgreSQL.
import type pg from 'pg';
import type { HubConfig } from './config.js';
import type { Curator } from './curator/curator.js';
import type { EventStore } from './store/events.js';
import type { LibraryStore } from './store/library.js';
import type { RigStore } from './store/rigs.js';

export interface HubContext {
  config: HubConfig;
  pool: pg.Pool;
  rigs: RigStore;
  events: EventStore;
  library: LibraryStore;
  curator: Curator;
  /** Called after an event or outcome is stored: asks for a curator run. */
  afterUpload: () => void;
  clock: () => number;
  log: (line: string) => void;
}
