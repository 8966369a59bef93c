// WITS over RS-232 via `serialport`. If the port closes (cable pulled, USB adapter reset) we
// reopen it with backoff, reporting 'reconnecting', then 'offline' after maxRetries.
import { SerialPort } from 'serialport';
import type { SerialFlowControl } from '../../src-shared/source.js';
import { SourceBase, backoffMs, type WitsDecodeSettings } from './data-source.js';
import { WitsStreamDecoder } from './wits0-parser.js';

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

export interface SerialOptions {
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  maxRetries?: number;
}

export class SerialSource extends SourceBase {
  private port: SerialPort | null = null;
  private readonly decoder: WitsStreamDecoder;
  private readonly now: () => number;
  private readonly o: Required<SerialOptions>;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private running = false;

  constructor(
    private readonly serial: SerialSettings,
    settings: WitsDecodeSettings,
    opts: SerialOptions = {},
  ) {
    const frameText = `${serial.baudRate} ${serial.dataBits}${serial.parity[0].toUpperCase()}${serial.stopBits}${FLOW_LABEL[serial.flowControl ?? 'none']}`;
    super('serial', `WITS serial ${serial.path} ${frameText}`, settings.units);
    this.decoder = new WitsStreamDecoder(settings);
    this.now = settings.now ?? Date.now;
    this.o = {
      backoffInitialMs: opts.backoffInitialMs ?? 2_000,
      backoffMaxMs: opts.backoffMaxMs ?? 60_000,
      maxRetries: opts.maxRetries ?? 10,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.setState('connecting', `opening ${this.serial.path}`);
    this.open();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const p = this.port;
    this.port = null;
    if (p?.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()));
    this.setState('stopped', 'stopped');
  }

  /** Closes and reopens the port (a converter that stopped sending often needs it). */
  override reconnect(reason: string): boolean {
    if (!this.running) return false;
    const p = this.port;
    if (p?.isOpen) {
      p.close(() => undefined); // 'close' schedules the reopen
    } else if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.open();
    }
    this.setState('reconnecting', `reopening ${this.serial.path} (${reason})`);
    return true;
  }

  private open(): void {
    const p = new SerialPort({ ...serialPortOptions(this.serial), autoOpen: false });
    this.port = p;
    p.on('data', (chunk: Buffer) => {
      const now = this.now();
      this.bytesReceived(now);
      const packets = this.decoder.push(chunk, now);
      this.st.badLines = this.decoder.badLines;
      this.st.rejected = this.decoder.stats.emptyFrames;
      for (const pk of packets) this.emit(pk);
    });
    p.on('error', () => undefined); // reported through open()/close
    p.on('close', () => {
      if (this.port !== p || !this.running) return;
      this.port = null;
      this.failures++;
      this.retry('port closed');
    });
    p.open((err) => {
      if (this.port !== p || !this.running) return;
      if (err) {
        this.port = null;
        this.failures++;
        this.retry(err.message);
        return;
      }
      this.failures = 0;
      this.decoder.parser.reset();
      this.setState('connected', `reading ${this.serial.path}`);
    });
  }

  private retry(why: string): void {
    const delay = backoffMs(this.failures, this.o.backoffInitialMs, this.o.backoffMaxMs);
    const state = this.failures > this.o.maxRetries ? 'offline' : 'reconnecting';
    this.setState(state, `${why}; retry ${this.failures} in ${delay / 1000} s`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.open();
    }, delay);
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
