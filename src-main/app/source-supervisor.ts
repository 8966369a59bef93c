// Owns the data source: starts it, swaps it for another, reopens it after a channel-map or
// unit change. Swaps are serialised: two setSource calls at once run one after the other, so
// a stopped feed can never keep running unseen beside the new one.
import type { WellConfig } from '../../src-shared/config.js';
import type { SourceConfig, SourceStatus } from '../../src-shared/source.js';
import type { UnitSystem } from '../../src-shared/units.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import { buildChannelMap } from '../acquisition/channel-map.js';
import type { DataSource } from '../acquisition/data-source.js';
import { createSource } from '../acquisition/source-factory.js';
import { SimulatorSource } from '../simulator/simulator-source.js';

export interface SourceSupervisorDeps {
  config: () => WellConfig;
  onPacket: (p: WitsPacket) => void;
  onStatus: (s: SourceStatus) => void;
  /** Builds a source; tests may replace it. */
  build?: (cfg: SourceConfig, units: UnitSystem, config: WellConfig) => DataSource;
}

export function buildSource(cfg: SourceConfig, units: UnitSystem, config: WellConfig): DataSource {
  return createSource(cfg, {
    channelMap: buildChannelMap(config.acquisition.channel_map, config.acquisition.channel_overrides as Record<string, never>),
    units,
    nullValues: config.acquisition.null_values,
    frameTime: config.acquisition.packet_time === 'frame',
    listenHost: config.acquisition.listen_host,
    listen: { allowedSenders: config.acquisition.listen_allow, maxConnections: config.acquisition.listen_max_connections },
    simulatorFactory: (c) => new SimulatorSource(c),
  });
}

export class SourceSupervisor {
  private source: DataSource | null = null;
  private unsubscribe: (() => void)[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly d: SourceSupervisorDeps,
    private cfg: SourceConfig | null,
    private units: UnitSystem,
  ) {}

  get config(): SourceConfig | null {
    return this.cfg;
  }
  get sourceUnits(): UnitSystem {
    return this.units;
  }
  get running(): boolean {
    return this.source !== null;
  }

  /** The feed's status with the settings in use, so a screen can show them after a reload. */
  status(): SourceStatus {
    if (this.source) return { ...this.source.status(), config: this.cfg };
    return {
      config: this.cfg,
      kind: this.cfg?.kind ?? 'stdin',
      description: this.cfg ? 'not started' : 'no live source (replay or API ingest)',
      state: 'stopped',
      units: this.units,
      lastPacketMs: null,
      packets: 0,
      rejected: 0,
      badLines: 0,
      detail: '',
    };
  }

  /** Starts the configured source if there is one and none runs. */
  start(): void {
    if (this.disposed || this.source || !this.cfg) return;
    this.source = this.attach(this.cfg, this.units);
    this.source.start();
  }

  /**
   * Stops the running feed and starts `cfg`; resolves to an error message if it cannot be built.
   * `andThen` (the reset, save and audit of a switch) runs in the same turn, before the next swap
   * starts, so what is saved and audited is always the feed that runs.
   */
  swap(cfg: SourceConfig, units: UnitSystem, andThen?: (previous: SourceConfig | null) => Promise<void>): Promise<string | null> {
    return this.serialised(async () => {
      if (this.disposed) return 'the engine is shutting down';
      const previous = this.cfg;
      const previousUnits = this.units;
      const wasRunning = this.source !== null;
      await this.stopCurrent();
      let next: DataSource;
      try {
        next = this.attach(cfg, units);
      } catch (e) {
        return (e as Error).message;
      }
      this.source = next;
      this.cfg = cfg;
      this.units = units;
      next.start();
      try {
        await andThen?.(previous);
      } catch (e) {
        // The switch could not be recorded: back to the feed that ran before, then say why.
        await this.stopCurrent();
        this.cfg = previous;
        this.units = previousUnits;
        if (previous && wasRunning) {
          this.source = this.attach(previous, previousUnits);
          this.source.start();
        }
        throw e;
      }
      return null;
    });
  }

  /** Asks the running feed to drop its link and connect again (the self-healer); false when it cannot. */
  reconnect(reason: string): boolean {
    return this.source?.reconnect?.(reason) ?? false;
  }

  /** Reopens the running feed with the current settings (channel map, units, null values). */
  reopen(units: UnitSystem = this.units): Promise<string | null> {
    this.units = units;
    if (!this.source || !this.cfg) return Promise.resolve(null);
    return this.swap(this.cfg, units);
  }

  /** Resolves when every swap asked for so far has finished. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  async dispose(): Promise<void> {
    await this.serialised(async () => {
      this.disposed = true;
      await this.stopCurrent();
    });
  }

  private attach(cfg: SourceConfig, units: UnitSystem): DataSource {
    const s = (this.d.build ?? buildSource)(cfg, units, this.d.config());
    this.unsubscribe = [s.onPacket(this.d.onPacket), s.onStatus(this.d.onStatus)];
    return s;
  }

  private async stopCurrent(): Promise<void> {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    const old = this.source;
    this.source = null;
    await old?.dispose();
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
