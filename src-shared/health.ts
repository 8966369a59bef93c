import type { FleetLinkStatus } from './fleet.js';

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
}

export interface HealthReport {
  timeMs: number;
  overall: HealthStatus;
  components: ComponentHealth[];
  flags: HealthFlags;
  /** The fleet hub link; absent when the engine runs without a fleet client. */
  fleet?: FleetLinkStatus;
}

const RANK: Record<HealthStatus, number> = { healthy: 0, degraded: 1, unhealthy: 2 };

export function worstStatus(statuses: HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), 'healthy');
}
