export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

export interface ComponentHealth {
  name: string;
  status: HealthStatus;
  detail: string;
}

export interface HealthFlags {
  feedOffline: boolean;
  feedReconnecting: boolean;
  baselineLearning: boolean;
  templateOnly: boolean;
  diskLow: boolean;
  /** The built-in simulator is feeding the engine: nothing on screen comes from the rig. */
  simulatedFeed: boolean;
  /** The database cannot be used: advisories are shown but NOT saved (in-memory store). */
  notRecording?: boolean;
  /** A damaged file (database, saved settings) was renamed aside at start; the notices say which. */
  fileSetAside?: boolean;
  /** The configuration file failed to load: the engine runs on built-in defaults. */
  configRejected?: boolean;
}

/** Something found at start that the crew must know (health 'files' component, audit, banner). */
export interface StartupNotice {
  kind: 'not-recording' | 'file-set-aside' | 'config-rejected';
  /** The file concerned. */
  file: string;
  /** One readable sentence: what happened, what it means, what to do. */
  summary: string;
}

/** What the store says about itself: the health component and the disk-full banner read it. */
export interface StorageHealth {
  status: 'healthy' | 'degraded' | 'unhealthy';
  detail: string;
  /** The disk (or the database's page limit) is full: metrics are not written, advisories wait in memory. */
  diskFull: boolean;
  /** Advisories accepted but not yet committed (only while diskFull). */
  pendingAdvisories: number;
}

export interface HealthReport {
  timeMs: number;
  overall: HealthStatus;
  components: ComponentHealth[];
  flags: HealthFlags;
  /** The store's own flag (disk full, advisories waiting to be written). */
  storage: StorageHealth;
}

const RANK: Record<HealthStatus, number> = { healthy: 0, degraded: 1, unhealthy: 2 };

export function worstStatus(statuses: HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), 'healthy');
}
