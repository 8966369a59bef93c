import type { VoteLevel } from '../../../src-shared/advisory.js';
import { SEVERITY_RANK } from '../../../src-shared/advisory.js';
import type { Specialist, SpecialistInput, SpecialistOpinion } from './types.js';
import { fmt } from './types.js';
import { pitRateFromWell } from '../../physics/flow.js';

// Below the warning, a flow imbalance of half the warning (5 of 10 gpm) and a pit rate of
// 0.4 of the warning (2 of 5 bbl/hr) are still worth a MEDIUM (DOMAIN §6 bands).
const FLOW_MEDIUM_FRACTION = 0.5;
const PIT_MEDIUM_FRACTION = 0.4;
/** ... but a pit rate within twice this rig's own pit noise is no news at all. */
const PIT_MEDIUM_NOISE_MULTIPLE = 2;

const rank = (l: VoteLevel) => (l === 'HEALTHY' ? 0 : SEVERITY_RANK[l]);

/**
 * Well control: flow balance and pit rate for any ticket category (a kick can hide behind a
 * hydraulics ticket); gas and H2S too. No flow data -> LOW, never an invented number.
 * The pit rate counts only beside a flow-out reading, as in the detectors: on its own the
 * active-tank volume moves with transfers and mixing (the Volve depth log reads thousands of
 * bbl/hr), and a vote on it would turn every founder or stick-slip advisory CRITICAL.
 */
export class WellControlSpecialist implements Specialist {
  readonly name = 'WellControl';
  readonly weightKey = 'wellControl' as const;

  evaluate({ ticket, limits }: SpecialistInput): SpecialistOpinion {
    const fb = ticket.metrics.flowBalanceGpm;
    const pr = ticket.metrics.pitRateBblHr;
    const gas = ticket.packet.gasUnits;
    const h2s = ticket.packet.h2sPpm;
    const findings: { level: VoteLevel; text: string }[] = [];

    if (fb !== null) {
      const a = Math.abs(fb);
      const side = fb > 0 ? ' (gain)' : fb < 0 ? ' (loss)' : '';
      const text = `flow balance ${fb > 0 ? '+' : ''}${fmt(fb, 1)} gpm${side}`;
      if (a > limits.flowImbalanceCriticalGpm) findings.push({ level: 'CRITICAL', text: `${text} beyond critical ${fmt(limits.flowImbalanceCriticalGpm, 0)} gpm` });
      else if (a > limits.flowImbalanceWarningGpm) findings.push({ level: 'HIGH', text: `${text} beyond warning ${fmt(limits.flowImbalanceWarningGpm, 0)} gpm` });
      else if (a > limits.flowImbalanceWarningGpm * FLOW_MEDIUM_FRACTION) findings.push({ level: 'MEDIUM', text });
      else findings.push({ level: 'LOW', text });
    }
    if (pr !== null && fb !== null) {
      const a = Math.abs(pr);
      const text = `pit rate ${pr > 0 ? '+' : ''}${fmt(pr, 1)} bbl/hr`;
      if (!pitRateFromWell(pr, fb, ticket.metrics.flowNoiseGpm ?? null)) findings.push({ level: 'LOW', text: `${text}, more than the flow balance explains (surface transfer)` });
      else if (a > limits.pitRateCriticalBblHr) findings.push({ level: 'CRITICAL', text: `${text} beyond critical ${fmt(limits.pitRateCriticalBblHr, 0)} bbl/hr` });
      else if (a > limits.pitRateWarningBblHr) findings.push({ level: 'HIGH', text: `${text} beyond warning ${fmt(limits.pitRateWarningBblHr, 0)} bbl/hr` });
      else if (a > Math.max(limits.pitRateWarningBblHr * PIT_MEDIUM_FRACTION, PIT_MEDIUM_NOISE_MULTIPLE * (ticket.metrics.pitRateNoiseBblHr ?? 0))) findings.push({ level: 'MEDIUM', text });
      else findings.push({ level: 'LOW', text });
    }
    if (gas !== null && gas > limits.gasWarningUnits) {
      findings.push({ level: gas > limits.gasCriticalUnits ? 'CRITICAL' : 'HIGH', text: `gas ${fmt(gas, 0)} units` });
    }
    if (h2s !== null && h2s > limits.h2sWarningPpm) {
      findings.push({ level: h2s > limits.h2sCriticalPpm ? 'CRITICAL' : 'HIGH', text: `H2S ${fmt(h2s, 0)} ppm` });
    }
    findings.push(...tripFindings(ticket.metrics, limits));
    if (findings.length === 0) return { level: 'LOW', reason: 'no flow-out data: well control not assessable from this feed' };
    const worst = findings.reduce((a, b) => (rank(b.level) > rank(a.level) ? b : a));
    return { level: worst.level, reason: findings.map((f) => f.text).join('; ') };
  }
}

/** The trip sheet with the pumps off: the trip tank against the pipe displacement, and the pits. */
function tripFindings(m: SpecialistInput['ticket']['metrics'], limits: SpecialistInput['limits']): { level: VoteLevel; text: string }[] {
  const out: { level: VoteLevel; text: string }[] = [];
  const judge = (v: number | null | undefined, name: string, gainW: number, gainC: number, lossW: number, lossC: number) => {
    if (v === null || v === undefined) return;
    const text = `${name} ${v > 0 ? '+' : ''}${fmt(v, 1)} bbl unexplained with the pumps off`;
    if (v >= gainC || v <= -lossC) out.push({ level: 'CRITICAL', text });
    else if (v >= gainW || v <= -lossW) out.push({ level: 'HIGH', text });
    else out.push({ level: 'LOW', text });
  };
  judge(m.tripTankGainBbl, 'trip tank', limits.tripGainWarningBbl, limits.tripGainCriticalBbl, limits.tripLossWarningBbl, limits.tripLossCriticalBbl);
  judge(m.pumpsOffPitGainBbl, 'pits', limits.pitGainWarningBbl, limits.pitGainCriticalBbl, limits.pitGainWarningBbl, limits.pitGainCriticalBbl);
  return out;
}
