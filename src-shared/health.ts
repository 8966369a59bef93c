import type { FleetLinkStatus } from './fleet.js';

export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

/**
 * What the self-healer did about a component (build plan §2.2). `Reconnected`: the component was
 * brought back or a reconnect was started; `FallbackActivated`: a safe reduced mode is on
 * (templates, no precedents, writes paused); `ManualInterventionRequired`: only a person can fix it.
 */
export type HealActionKind = 'Reconnected' | 'FallbackActivated' | 'NoActionNeeded' | 'ManualInterventionRequired';

export interface HealRecord {
  action: HealActionKind;
  /** What was done or what a person must do, in words. */
  detail: string;
  /** Wall clock (epoch ms) of the heal. */
  atMs: number;
}

export interface ComponentHealth {
  name: string;
  status: HealthStatus;
  detail: string;
  /** Wall clock (epoch ms) since which the component has had this status. */
  sinceMs?: number;
  /** The self-healer's last action on this component, if it ever acted. */
  lastHeal?: HealRecord;
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
  /** The paddle's calibration is being learned at this pump rate: no flow-based kick or loss detection until it is (pits are watched). */
  flowOutLearning?: boolean;
  /** No usable flow out (no sensor, or a paddle reading under its floor): kick and loss are judged on pits only. */
  pitsOnly?: boolean;
  /** Disk space is low: raw metrics, tickets and routine log lines are not written (advisories, events, acknowledgements and audit are). */
  writesReduced?: boolean;
}

/** Something found at start that the crew must know (health 'files' component, audit, banner). */
export interface StartupNotice {
  kind: 'not-recording' | 'file-set-aside' | 'config-rejected';
  /** The file concerned. */
  file: string;
  /** One readable sentence: what happened, what it means, what to do. */
  summary: string;
}

/** How much the record takes and how far back each metric tier reaches. */
export interface StorageUsage {
  /** The database file with its write-ahead log, bytes. */
  databaseBytes: number;
  /** Of which free pages (reused before the file grows), bytes. */
  freeBytes: number;
  /** Everything in the data directory (database, logs, recall index, fleet queue), bytes; null until measured. */
  dataDirBytes: number | null;
  /** storage.max_data_dir_mb in bytes. */
  capBytes: number | null;
  /** Days of data each metric tier holds now (newest minus oldest sample), 0 when empty. */
  rawDays: number;
  oneMinDays: number;
  tenMinDays: number;
  /** Data time of the oldest and newest metric kept (any tier), null when none. */
  oldestMs: number | null;
  newestMs: number | null;
  /** Raw samples deleted to stay under the cap since start. */
  prunedRawRows: number;
}

/** What the store says about itself: the health component and the disk-full banner read it. */
export interface StorageHealth {
  status: 'healthy' | 'degraded' | 'unhealthy';
  detail: string;
  /** The disk (or the database's page limit) is full: metrics are not written, advisories wait in memory. */
  diskFull: boolean;
  /** Advisories accepted but not yet committed (only while diskFull). */
  pendingAdvisories: number;
  /** Size and reach of the record (the SQLite store; absent for the in-memory one). */
  usage?: StorageUsage;
}

export interface HealthReport {
  timeMs: number;
  overall: HealthStatus;
  components: ComponentHealth[];
  flags: HealthFlags;
  /** The store's own flag (disk full, advisories waiting to be written). */
  storage: StorageHealth;
  /** The self-healer's cadence and its last pass. */
  healer?: { intervalS: number; lastPassMs: number | null; passes: number };
  /** The fleet hub link; absent when the engine runs without a fleet client. */
  fleet?: FleetLinkStatus;
}

const RANK: Record<HealthStatus, number> = { healthy: 0, degraded: 1, unhealthy: 2 };

export function worstStatus(statuses: HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), 'healthy');
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One line of the engine's log file, as the engineer view shows it. */
export interface LogLine {
  timeMs: number;
  level: LogLevel;
  message: string;
  /** Which part wrote it (self-healer, llm, recall...), when it said. */
  component?: string;
}

export interface LogTail {
  /** The log file read, null when the engine writes no log file (tests, replays). */
  file: string | null;
  lines: LogLine[];
}
