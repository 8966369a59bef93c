// The ground truth of a run, known up front from the plan: each fault from onset to the end
// of its ramp-out (cut at the end of the run), and each sensor dropout.
import type { Campaign } from '../../src-shared/campaign.js';
import { faultEndS } from './fault-effects.js';
import { anomalyCategoryOf, type GroundTruth, type PlannedDropout, type PlannedFault, type ScenarioName } from './scenarios.js';

export interface TruthRun {
  scenario: ScenarioName;
  seed: number;
  campaign: Campaign;
  startMs: number;
  durationS: number;
}

export function groundTruthOf(run: TruthRun, faults: readonly PlannedFault[], dropouts: readonly PlannedDropout[]): GroundTruth {
  const { scenario, seed, campaign, startMs, durationS } = run;
  const iso = (s: number): string => new Date(startMs + s * 1000).toISOString();
  return {
    scenario,
    seed,
    campaign,
    startTime: iso(0),
    durationS,
    faults: [
      ...faults.map((f) => {
        const cat = anomalyCategoryOf(f.category);
        return {
          category: f.category,
          ...(cat ? { anomalyCategory: cat } : {}),
          onset: iso(f.onsetS),
          end: iso(Math.min(faultEndS(f), durationS)),
        };
      }),
      ...dropouts.map((d) => ({
        category: 'sensor-dropout' as const,
        onset: iso(d.onsetS),
        end: iso(d.endS),
        channels: [...d.channels],
      })),
    ],
  };
}
