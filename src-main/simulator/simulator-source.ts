// The built-in simulator as a DataSource, so `npm start` works with no rig attached and the
// engine treats simulated packets exactly like a live feed.
import type { SourceConfig } from '../../src-shared/source.js';
import { makePacket } from '../../src-shared/wits.js';
import { SourceBase } from '../acquisition/data-source.js';
import { runSimulationLive, type LiveRun } from './live.js';
import { isScenarioName } from './scenarios.js';

export class SimulatorSource extends SourceBase {
  private run: LiveRun | null = null;

  constructor(private readonly cfg: Extract<SourceConfig, { kind: 'simulator' }>) {
    super('simulator', `simulator: ${cfg.scenario} (seed ${cfg.seed}, ${cfg.speed}x)`, 'imperial');
    if (!isScenarioName(cfg.scenario)) throw new Error(`unknown simulator scenario "${cfg.scenario}"`);
  }

  start(): void {
    if (this.run) return;
    this.setState('connected', 'simulated feed');
    this.run = runSimulationLive(
      { scenario: this.cfg.scenario as never, seed: this.cfg.seed, speed: this.cfg.speed },
      (s) => this.emit(makePacket(s.timeMs, s.values)),
    );
    void this.run.done.then(() => {
      if (this.run) this.setState('offline', 'simulation finished');
    });
  }

  async dispose(): Promise<void> {
    const run = this.run;
    this.run = null;
    run?.stop();
    this.setState('stopped', 'stopped');
  }
}
