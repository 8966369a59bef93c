import type { UnitSystem } from './units.js';

/**
 * A CSV column map: header -> "timestamp", a channel name (camelCase, snake_case, or a
 * unit-suffixed canonical name such as "spp_kpa"), or { channel, unit }.
 */
export type CsvColumnMap = Record<string, string | { channel: string; unit?: string }>;

export type SourceState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'stopped';

export type SourceConfig =
  | { kind: 'tcp'; host: string; port: number }
  /** host: the address to bind (default acquisition.listen_host); allow: sender addresses besides loopback (default acquisition.listen_allow). */
  | { kind: 'listen'; port: number; host?: string; allow?: string[] }
  | {
      kind: 'serial';
      path: string;
      baudRate: number;
      dataBits: 7 | 8;
      parity: 'none' | 'even' | 'odd';
      stopBits: 1 | 2;
    }
  | { kind: 'stdin' }
  | { kind: 'csv'; path: string; speed: number | 'max'; columns?: CsvColumnMap }
  | { kind: 'simulator'; scenario: string; seed: number; speed: number };

export interface SourceStatus {
  kind: SourceConfig['kind'];
  description: string;
  state: SourceState;
  units: UnitSystem;
  lastPacketMs: number | null;
  packets: number;
  rejected: number;
  badLines: number;
  detail: string;
  /** Something the crew should know although data flows (e.g. a second sender was refused). */
  warning?: string;
}
