// The ML engine inside the running engine: feeds the data-time scheduler from each packet's
// outcome, stores every report before telling the screens, keeps the recent optima the advisory
// composer quotes, and answers "run now". The analysis itself runs in the runner (worker thread
// live, inline for replays).
import type { Campaign } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { FormationOptimum, MlReport, MlRunOutcome, MlSkip } from '../../src-shared/ml.js';
import { formationOptimumOf } from '../ml/formation-optimum.js';
import type { MlRunner } from '../ml/runner.js';
import { mlSampleOf } from '../ml/sample.js';
import { MlScheduler } from '../ml/scheduler.js';
import type { PacketOutcome } from '../pipeline/coordinator.js';
import type { PersistenceLayer } from '../storage/persistence.js';
import type { EventBus } from './event-bus.js';

/** Recent optima kept for advisories (a day of hourly reports). */
export const OPTIMA_KEPT = 24;

export interface MlServiceDeps {
  config: () => WellConfig;
  campaign: () => Campaign;
  storage: PersistenceLayer;
  events: EventBus;
  runner: MlRunner;
  /** Whether the engine owns the runner (and so stops it). */
  ownsRunner: boolean;
  log: (line: string) => void;
}

export class MlService {
  private readonly scheduler: MlScheduler;
  private optima: FormationOptimum[] = [];
  private saving: Promise<void> = Promise.resolve();
  private lastSkipValue: MlSkip | null = null;

  constructor(private readonly d: MlServiceDeps) {
    this.scheduler = new MlScheduler({
      settings: () => {
        const c = d.config();
        return { enabled: c.ml.enabled, intervalS: c.ml.interval_s, windowS: c.ml.window_s, campaign: d.campaign(), wellId: c.well.name, field: c.well.field };
      },
      runner: d.runner,
      onReport: (r) => this.accept(r),
      onSkip: (s) => {
        this.lastSkipValue = s;
        d.log(`ML ${s.trigger} run at ${new Date(s.timeMs).toISOString()} skipped: ${s.reason}`);
        d.events.emit('mlSkip', s);
      },
      onError: (e) => d.log(`ML analysis failed: ${e.message}`),
    });
  }

  get lastSkip(): MlSkip | null {
    return this.lastSkipValue;
  }

  /** The optima advisories may quote, newest last. */
  formationOptima(): readonly FormationOptimum[] {
    return this.optima;
  }

  /** Picks up the optima stored before a restart. */
  async load(): Promise<void> {
    const stored = await this.d.storage.listMlReports({ limit: OPTIMA_KEPT });
    const restored = stored.reverse().map(formationOptimumOf).filter((o): o is FormationOptimum => o !== null);
    this.optima = [...restored, ...this.optima].slice(-OPTIMA_KEPT);
  }

  observe(out: PacketOutcome): void {
    const s = mlSampleOf(out.packet, out.metrics, out.detected);
    if (s) this.scheduler.observe(s);
  }

  async runNow(): Promise<MlRunOutcome> {
    const out = await this.scheduler.runNow();
    await this.saving;
    return 'result' in out ? { kind: 'report', report: out } : { kind: 'skipped', skip: out };
  }

  /** Resolves once every started run is analysed, stored and published. */
  async idle(): Promise<void> {
    await this.scheduler.idle();
    await this.saving;
  }

  async dispose(): Promise<void> {
    await this.idle().catch(() => undefined);
    if (this.d.ownsRunner) await this.d.runner.dispose();
  }

  /** A new report: the optimum applies from now (in data time), stored, then published. */
  private accept(r: MlReport): void {
    const o = formationOptimumOf(r);
    if (o) this.optima = [...this.optima, o].slice(-OPTIMA_KEPT);
    this.saving = this.saving.then(async () => {
      try {
        await this.d.storage.saveMlReport(r);
      } catch (e) {
        this.d.log(`ML report ${r.id} not saved: ${(e as Error).message}`);
      }
      this.d.events.emit('mlReport', r);
    });
  }
}
