// The source form's draft: every kind's fields kept side by side (switching kind keeps what was
// typed), filled from the source in use, and turned into a SourceConfig. Pure.
import type { SerialFlowControl, SourceConfig } from '../../../src-shared/source.js';

export type SourceKind = SourceConfig['kind'];

export const SCENARIOS = ['normal', 'kick', 'loss', 'pack-off', 'stick-slip', 'founder', 'washout', 'mse-inefficiency', 'formation-change', 'milling', 'cement-drill-out', 'sensor-dropout', 'mixed'] as const;
export const BAUD_RATES = ['1200', '2400', '4800', '9600', '19200', '38400', '57600', '115200'] as const;

export interface SourceDraft {
  kind: SourceKind;
  host: string;
  port: string;
  listenPort: string;
  path: string;
  baud: string;
  parity: 'none' | 'even' | 'odd';
  dataBits: 7 | 8;
  stopBits: 1 | 2;
  flowControl: SerialFlowControl;
  file: string;
  speed: string;
  scenario: string;
  simSpeed: string;
}

export const EMPTY_DRAFT: SourceDraft = {
  kind: 'tcp', host: '127.0.0.1', port: '5000', listenPort: '5000', path: '', baud: '9600', parity: 'none', dataBits: 8, stopBits: 1,
  flowControl: 'none', file: '', speed: '1', scenario: 'normal', simSpeed: '1',
};

/** The draft showing the source in use. */
export function draftFrom(cfg: SourceConfig | null | undefined, base: SourceDraft = EMPTY_DRAFT): SourceDraft {
  if (!cfg) return base;
  switch (cfg.kind) {
    case 'tcp': return { ...base, kind: 'tcp', host: cfg.host, port: String(cfg.port) };
    case 'listen': return { ...base, kind: 'listen', listenPort: String(cfg.port) };
    case 'serial': return { ...base, kind: 'serial', path: cfg.path, baud: String(cfg.baudRate), parity: cfg.parity, dataBits: cfg.dataBits, stopBits: cfg.stopBits, flowControl: cfg.flowControl ?? 'none' };
    case 'csv': return { ...base, kind: 'csv', file: cfg.path, speed: String(cfg.speed) };
    case 'simulator': return { ...base, kind: 'simulator', scenario: cfg.scenario, simSpeed: String(cfg.speed) };
    case 'stdin': return { ...base, kind: 'stdin' };
  }
}

/** The SourceConfig the draft describes (the engine validates it and says what is wrong). */
export function configFrom(d: SourceDraft): SourceConfig {
  switch (d.kind) {
    case 'tcp': return { kind: 'tcp', host: d.host.trim(), port: Number(d.port) };
    case 'listen': return { kind: 'listen', port: Number(d.listenPort) };
    case 'serial': return { kind: 'serial', path: d.path.trim(), baudRate: Number(d.baud), parity: d.parity, dataBits: d.dataBits, stopBits: d.stopBits, flowControl: d.flowControl };
    case 'csv': return { kind: 'csv', path: d.file.trim(), speed: d.speed === 'max' ? 'max' : Number(d.speed) };
    case 'simulator': return { kind: 'simulator', scenario: d.scenario, seed: 1, speed: Number(d.simSpeed) };
    case 'stdin': return { kind: 'stdin' };
  }
}

export const KIND_LABEL: Record<SourceKind, string> = {
  tcp: 'TCP client', listen: 'TCP listen', serial: 'Serial (RS-232)', csv: 'Replay file', simulator: 'Simulator', stdin: 'Standard input',
};
