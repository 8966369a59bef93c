// SourceConfig -> DataSource. The simulator lives elsewhere (src-main/simulator); a caller that
// wants it passes `simulatorFactory`, otherwise asking for it here is a clear error.
import type { Readable } from 'node:stream';
import type { SourceConfig } from '../../src-shared/source.js';
import type { UnitSystem } from '../../src-shared/units.js';
import type { ChannelMap } from './channel-map.js';
import { CsvReplaySource, type CsvReplayOptions } from './csv-replay.js';
import type { DataSource } from './data-source.js';
import { SerialSource, type SerialOptions } from './serial.js';
import { StdinSource } from './stdin.js';
import { TcpClientSource, type TcpClientOptions } from './tcp-client.js';
import { TcpListenSource, type TcpListenOptions } from './tcp-listen.js';

export interface SourceFactoryOptions {
  channelMap: ChannelMap;
  units: UnitSystem;
  nullValues?: readonly number[];
  /** acquisition.packet_time = "frame": WITS frames stamped with their own Date/Time items. */
  frameTime?: boolean;
  now?: () => number;
  tcp?: TcpClientOptions;
  listen?: TcpListenOptions;
  /** Bind address of a listen source that names none. */
  listenHost?: string;
  serial?: SerialOptions;
  csv?: Omit<CsvReplayOptions, 'speed'>;
  stdin?: Readable;
  simulatorFactory?: (cfg: Extract<SourceConfig, { kind: 'simulator' }>) => DataSource;
}

export function createSource(cfg: SourceConfig, opts: SourceFactoryOptions): DataSource {
  const settings = { channelMap: opts.channelMap, units: opts.units, nullValues: opts.nullValues, frameTime: opts.frameTime, now: opts.now };
  switch (cfg.kind) {
    case 'tcp':
      return new TcpClientSource(cfg.host, cfg.port, settings, opts.tcp);
    case 'listen':
      return new TcpListenSource(cfg.port, cfg.host ?? opts.listenHost ?? '0.0.0.0', settings, {
        ...opts.listen,
        allowedSenders: cfg.allow ?? opts.listen?.allowedSenders,
      });
    case 'serial':
      return new SerialSource(
        { path: cfg.path, baudRate: cfg.baudRate, dataBits: cfg.dataBits, parity: cfg.parity, stopBits: cfg.stopBits, flowControl: cfg.flowControl },
        settings,
        opts.serial,
      );
    case 'stdin':
      return new StdinSource(settings, opts.stdin);
    case 'csv':
      return new CsvReplaySource(cfg.path, settings, { ...opts.csv, speed: cfg.speed, ...(cfg.columns ? { columns: cfg.columns } : {}) });
    case 'simulator':
      if (opts.simulatorFactory) return opts.simulatorFactory(cfg);
      throw new Error("the 'simulator' source is built by src-main/simulator: pass simulatorFactory to createSource");
  }
}
