// One fault injected into a base recording's real channels, with a chosen size and a linear
// ramp: in over `rampS`, held `holdS`, out over `rampOutS`. Volumes integrate (a kick's pit
// gain stays after the influx stops), a lower ROP drills less hole. Pure and deterministic.
import type { AnomalyCategory, FaultKind } from '../../src-shared/advisory.js';
import type { Channel } from '../../src-shared/wits.js';
import { isoAt, withWritableChannels, type BaseRecording } from './base-recording.js';
import { INJECTED_CHANNELS, applyFaultEffects, whyNotInjectable } from './fault-injection-effects.js';
import { FAULT_PROFILES, InjectionError, checkSpec, faultEndS, type FaultSpec, type RealFault } from './fault-profiles.js';

/** Ground truth of one injected fault; seconds from the start of the recording and ISO-8601 UTC. */
export interface InjectionTruth {
  fault: RealFault;
  size: number;
  sizeUnit: string;
  rampS: number;
  holdS: number;
  rampOutS: number;
  periodS: number | null;
  anomalyCategory: AnomalyCategory;
  expectedFaults: FaultKind[];
  onsetS: number;
  fullSizeS: number;
  endS: number;
  onset: string;
  fullSize: string;
  end: string;
  /** Channels the fault changed. */
  channels: Channel[];
}

/** The recording with the fault in it (the input is not changed) and its ground truth. `bitDiameterIn`: the bit where the recording carries none (default 8.5 in). */
export function injectFault(base: BaseRecording, spec: FaultSpec, o: { bitDiameterIn?: number } = {}): { recording: BaseRecording; truth: InjectionTruth } {
  checkSpec(base, spec);
  const cannot = whyNotInjectable(base, spec);
  if (cannot !== null) throw new InjectionError(cannot);
  const rec = withWritableChannels(base, INJECTED_CHANNELS);
  const channels = applyFaultEffects(rec, spec, o.bitDiameterIn ?? 8.5);
  const p = FAULT_PROFILES[spec.fault];
  const fullSizeS = spec.onsetS + spec.rampS;
  const endS = Math.min(faultEndS(spec), rec.lengthS);
  return {
    recording: rec,
    truth: {
      fault: spec.fault,
      size: spec.size,
      sizeUnit: p.sizeUnit,
      rampS: spec.rampS,
      holdS: spec.holdS,
      rampOutS: spec.rampOutS,
      periodS: spec.fault === 'stick-slip' ? spec.periodS : null,
      anomalyCategory: p.category,
      expectedFaults: [...p.expected],
      onsetS: spec.onsetS,
      fullSizeS,
      endS,
      onset: isoAt(rec, spec.onsetS),
      fullSize: isoAt(rec, fullSizeS),
      end: isoAt(rec, endS),
      channels: [...new Set(channels)],
    },
  };
}
