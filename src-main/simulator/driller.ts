// The driller's decisions each second: when to stop for a connection, a long circulation or
// the wiper trip, and where to set WOB and RPM (slowly, by hand, never across a fault window).
import { inFaultWindow } from './fault-effects.js';
import { rockAt } from './lithology.js';
import { STAND_FT, connectionProgram, drillPhase, phase, programLengthS, tripProgram, type Phase } from './rig-program.js';
import { towards, type RigState, type RigWorld } from './rig-state.js';

/** Starts the next program when a stand is drilled down (or, in P&A, at the operation's bounds). */
export function scheduleProgram(w: RigWorld, s: RigState): void {
  const cur = s.program[0];
  if (w.isPa && w.paOp) {
    if (s.t === w.paOp.onsetS) {
      s.program = [drillPhase()];
      s.phaseElapsedS = 0;
    } else if (s.t === w.paOp.onsetS + w.paOp.windowS) {
      s.program = [phase('liftOff', 40, { offBottomFt: 5 }), phase('circulate', Infinity, { offBottomFt: 5 })];
      s.phaseElapsedS = 0;
    }
    return;
  }
  if (cur.name === 'drill' && s.bitFt >= s.holeFt - 0.01 && s.standDrilledFt >= s.standLengthFt) {
    let next: Phase[];
    if (!s.tripDone && s.t >= w.tripAtS) {
      next = tripProgram(3);
      s.tripDone = true;
    } else if (s.t - s.lastCirculationS >= s.circulationEveryS) {
      next = connectionProgram(w.rng, Math.round(w.rng.uniform(1200, 1800)));
      s.lastCirculationS = s.t;
      s.circulationEveryS = w.rng.uniform(5 * 3600, 7 * 3600);
    } else {
      next = connectionProgram(w.rng, 0);
    }
    // Faults happen while drilling: hold the connection until it cannot overlap one.
    if (inFaultWindow(w.faults, s.t, programLengthS(next) + 120, 60)) return;
    s.program = next;
    s.phaseElapsedS = 0;
    s.standDrilledFt = 0;
    s.standLengthFt = STAND_FT + w.rng.uniform(-1, 1);
  }
}

/** Moves the WOB and RPM set points towards the driller's current targets. */
export function adjustSetpoints(w: RigWorld, s: RigState): void {
  const { paOp, paRock, rng } = w;
  if (w.isPa) {
    if (paOp && paRock && s.t >= paOp.onsetS && s.t < paOp.onsetS + paOp.windowS) {
      s.wobSetTarget = paRock.optimalWobKlbf * (paOp.magnitude > 1 ? 1 : 0.97);
      s.rpmSetTarget = paRock.optimalRpm;
    } else {
      s.wobSetTarget = 0;
      s.rpmSetTarget = 40;
    }
    s.wobSetKlbf = towards(s.wobSetKlbf, s.wobSetTarget, 0.5);
    s.rpmSet = towards(s.rpmSet, s.rpmSetTarget, 2);
    return;
  }
  const founder = w.faults.find((f) => f.category === 'founder' && s.t >= f.onsetS - 900 && s.t < f.onsetS);
  if (founder) {
    // Bring WOB to the founder point first, so every later step is past it.
    const r = rockAt(w.layers, s.lithoFt);
    s.wobSetTarget = r.optimalWobKlbf;
    s.rpmSetTarget = r.optimalRpm * 0.95;
  } else if (s.t >= s.nextSetpointChangeS && !inFaultWindow(w.faults, s.t, 900, 0)) {
    const r = rockAt(w.layers, s.lithoFt);
    s.wobSetTarget = r.optimalWobKlbf * rng.uniform(0.8, 1.06);
    s.rpmSetTarget = r.optimalRpm * rng.uniform(0.8, 1.1);
    s.nextSetpointChangeS = s.t + rng.uniform(900, 2400);
  }
  // Slow hand on the brake: 0.03 klbf/s never looks like a founder step.
  s.wobSetKlbf = towards(s.wobSetKlbf, s.wobSetTarget, 0.03);
  s.rpmSet = towards(s.rpmSet, s.rpmSetTarget, 0.15);
}
