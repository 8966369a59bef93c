import type { UnitSystem } from './units.js';

/**
 * A CSV column map: header -> "timestamp", a channel name (camelCase, snake_case, or a
 * unit-suffixed canonical name such as "spp_kpa"), or { channel, unit }.
 */
export type CsvColumnMap = Record<string, string | { channel: string; unit?: string }>;

export type SourceState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'stopped';

/** RS-232 flow control: none, hardware (RTS/CTS) or software (XON/XOFF). */
export type SerialFlowControl = 'none' | 'rtscts' | 'xonxoff';

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
      /** Absent = none. */
      flowControl?: SerialFlowControl;
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
  /** Wall clock (epoch ms) of the last bytes read from the wire, frame or not (byte sources only). */
  lastByteMs?: number | null;
  /** Something the crew should know although data flows (e.g. a second sender was refused). */
  warning?: string;
  /** The settings of the feed in use (filled in by the engine), so a screen can show them after a reload. */
  config?: SourceConfig | null;
}

/** The answer to "would this source work?" (a connection tried, nothing applied). */
export interface SourceTestResult {
  ok: boolean;
  /** What was tried and what happened, in words. */
  message: string;
  elapsedMs: number;
}
