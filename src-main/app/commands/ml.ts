// The ML engine's commands: the latest report, the optimum nearest a depth, and "run now".
import { fail, ok, type CommandModule } from '../engine-context.js';

type MlCommand = 'getMlLatest' | 'getMlOptimal' | 'runMlNow';

export const mlCommands: CommandModule<MlCommand> = ({ storage, ml, config, audit, clock }) => ({
  getMlLatest: async () => ok(await storage.latestMlReport()),
  getMlOptimal: async (r) => ok(await storage.nearestMlOptimum(r.depthFt)),
  runMlNow: async (r) => {
    if (!config.get().ml.enabled) return fail('refused', 'the ML engine is switched off (ml.enabled = false)');
    const outcome = await ml.runNow();
    const summary =
      outcome.kind === 'skipped'
        ? `ML analysis run now: skipped (${outcome.skip.reason})`
        : `ML analysis run now: ${outcome.report.result.status === 'success' ? `optimum WOB ${outcome.report.result.optimum.wobKlbf.best.toFixed(1)} klbf, RPM ${outcome.report.result.optimum.rpm.best.toFixed(0)}` : outcome.report.result.reason} (report ${outcome.report.id})`;
    await audit({ timeMs: clock(), actor: r.actor, kind: 'ml-run', summary });
    return ok(outcome);
  },
});
