// The rig's operating program: drilling a stand, the connection that follows it, and the
// wiper trip. A program is a list of phases the rig works through one after another.
import type { Rng } from './prng.js';

export const STAND_FT = 93;

export type PhaseName =
  | 'drill'
  | 'liftOff'
  | 'circulate'
  | 'rotationOff'
  | 'pumpsOff'
  | 'slips'
  | 'pumpsOn'
  | 'rotationOn'
  | 'tripOut'
  | 'tripIn';

export interface Phase {
  name: PhaseName;
  durationS: number;
  pumps: boolean;
  /** Rotation as a fraction of the driller's RPM set point. */
  rotation: number;
  /** Where the bit should be, ft above hole bottom (ignored while drilling on bottom). */
  offBottomFt: number;
  bitSpeedFtS: number;
  slips: boolean;
  /** Block height the slips phase travels to, ft. */
  blockTargetFt?: number;
}

export const phase = (name: PhaseName, durationS: number, p: Partial<Phase> = {}): Phase => ({
  name,
  durationS,
  pumps: true,
  rotation: 1,
  offBottomFt: 15,
  bitSpeedFtS: 0.5,
  slips: false,
  ...p,
});

export const drillPhase = (): Phase => phase('drill', Infinity, { offBottomFt: 0, bitSpeedFtS: 0.3 });

export function connectionProgram(rng: Rng, circulateS: number): Phase[] {
  const out: Phase[] = [phase('liftOff', 40)];
  out.push(phase('circulate', 60 + circulateS, { rotation: circulateS > 0 ? 0.5 : 1 }));
  out.push(phase('rotationOff', 20, { rotation: 0 }));
  out.push(phase('pumpsOff', 30, { rotation: 0, pumps: false }));
  out.push(phase('slips', Math.round(rng.uniform(70, 100)), { rotation: 0, pumps: false, slips: true, blockTargetFt: 2 + 15 + STAND_FT }));
  out.push(phase('pumpsOn', 45, { rotation: 0 }));
  out.push(phase('rotationOn', 20));
  out.push(drillPhase());
  return out;
}

/** Wiper trip: out and back in a few stands with pumps off, then wash to bottom. */
export function tripProgram(stands: number): Phase[] {
  const out: Phase[] = [phase('liftOff', 40), phase('circulate', 600, { rotation: 0.5 })];
  out.push(phase('rotationOff', 20, { rotation: 0 }), phase('pumpsOff', 30, { rotation: 0, pumps: false }));
  const still = { rotation: 0, pumps: false };
  for (let k = 1; k <= stands; k++) {
    out.push(phase('tripOut', STAND_FT + 5, { ...still, offBottomFt: 15 + STAND_FT * k, bitSpeedFtS: 1 }));
    out.push(phase('slips', 45, { ...still, slips: true, offBottomFt: 15 + STAND_FT * k, blockTargetFt: 5 }));
  }
  for (let k = stands - 1; k >= 0; k--) {
    out.push(phase('tripIn', STAND_FT + 5, { ...still, offBottomFt: 15 + STAND_FT * k, bitSpeedFtS: 1 }));
    out.push(phase('slips', 45, { ...still, slips: true, offBottomFt: 15 + STAND_FT * k, blockTargetFt: STAND_FT + 5 }));
  }
  out.push(phase('pumpsOn', 45, { rotation: 0 }), phase('rotationOn', 20), drillPhase());
  return out;
}

export const programLengthS = (p: Phase[]): number =>
  p.reduce((sum, x) => sum + (Number.isFinite(x.durationS) ? x.durationS : 0), 0);
