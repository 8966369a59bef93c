// WITS over RS-232 via `serialport`. If the port closes (cable pulled, USB adapter reset) we
// reopen it with backoff, reporting 'reconnecting', then 'offline' after maxRetries.
import { SerialPort } from 'serialport';
import type { SerialFlowControl } from '../../src-shared/source.js';
import type { WitsDecodeSettings } from './data-source.js';
import { ReconnectingSource, type ReconnectOptions } from './reconnecting-source.js';

export interface SerialSettings {
  path: string;
  baudRate: number;
  dataBits: 7 | 8;
  parity: 'none' | 'even' | 'odd';
  stopBits: 1 | 2;
  flowControl?: SerialFlowControl;
}

/** The serialport open options for our settings (flow control as its rtscts/xon/xoff flags). */
export function serialPortOptions(s: SerialSettings): { path: string; baudRate: number; dataBits: 7 | 8; parity: 'none' | 'even' | 'odd'; stopBits: 1 | 2; rtscts: boolean; xon: boolean; xoff: boolean } {
  const fc = s.flowControl ?? 'none';
  return { path: s.path, baudRate: s.baudRate, dataBits: s.dataBits, parity: s.parity, stopBits: s.stopBits, rtscts: fc === 'rtscts', xon: fc === 'xonxoff', xoff: fc === 'xonxoff' };
}

const FLOW_LABEL: Record<SerialFlowControl, string> = { none: '', rtscts: ' RTS/CTS', xonxoff: ' XON/XOFF' };

export type SerialOptions = ReconnectOptions;

export class SerialSource extends ReconnectingSource {
  private port: SerialPort | null = null;

  constructor(
    private readonly serial: SerialSettings,
    settings: WitsDecodeSettings,
    opts: SerialOptions = {},
  ) {
    const frameText = `${serial.baudRate} ${serial.dataBits}${serial.parity[0].toUpperCase()}${serial.stopBits}${FLOW_LABEL[serial.flowControl ?? 'none']}`;
    super('serial', `WITS serial ${serial.path} ${frameText}`, settings, opts);
  }

  protected connectingText(): string {
    return `opening ${this.serial.path}`;
  }

  protected linkOpen(): boolean {
    return this.port?.isOpen === true;
  }

  /** Closes and reopens the port (a converter that stopped sending often needs it). */
  protected dropLink(reason: string): void {
    this.port?.close(() => undefined); // 'close' schedules the reopen
    this.setState('reconnecting', `reopening ${this.serial.path} (${reason})`);
  }

  protected async closeLink(): Promise<void> {
    const p = this.port;
    this.port = null;
    if (p?.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()));
  }

  protected openLink(): void {
    const p = new SerialPort({ ...serialPortOptions(this.serial), autoOpen: false });
    this.port = p;
    p.on('data', (chunk: Buffer) => this.onBytes(chunk));
    p.on('error', () => undefined); // reported through open()/close
    p.on('close', () => {
      if (this.port !== p || !this.running) return;
      this.port = null;
      this.failures++;
      this.linkLost('port closed');
    });
    p.open((err) => {
      if (this.port !== p || !this.running) return;
      if (err) {
        this.port = null;
        this.failures++;
        this.linkLost(err.message);
        return;
      }
      this.linkUp(`reading ${this.serial.path}`);
    });
  }
}

export interface SerialPortEntry {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
}

/** Lists serial ports; where the OS lister is missing or fails, returns none and says why. */
export async function listSerialPorts(
  lister: () => Promise<Array<{ path: string; manufacturer?: string; serialNumber?: string }>> = () => SerialPort.list(),
): Promise<{ ports: SerialPortEntry[]; note: string }> {
  try {
    const found = await lister();
    const ports = found.map((p) => ({ path: p.path, manufacturer: p.manufacturer, serialNumber: p.serialNumber }));
    return { ports, note: ports.length === 0 ? 'No serial ports found; type the port path (e.g. /dev/ttyUSB0 or COM3).' : '' };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return { ports: [], note: `Could not list serial ports (${msg}); type the port path (e.g. /dev/ttyUSB0 or COM3).` };
  }
}
