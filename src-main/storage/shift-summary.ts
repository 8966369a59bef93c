// The arithmetic of a shift summary, shared by the stores (they only gather the rows).
import { RISK_RANK, type RiskLevel, type VerificationStatus } from '../../src-shared/advisory.js';
import type { ShiftSummary } from './persistence.js';

export interface ShiftRows {
  fromMs: number;
  toMs: number;
  packets: number;
  tickets: number;
  verificationStatuses: VerificationStatus[];
  advisories: { category: string; riskLevel: string; acknowledged: boolean }[];
  acknowledgements: number;
  avgMseEfficiencyPercent: number | null;
  depthStartFt: number | null;
  depthEndFt: number | null;
}

export function buildShiftSummary(r: ShiftRows): ShiftSummary {
  const byCategory: Record<string, number> = {};
  const byRisk: Record<string, number> = {};
  let peak: string | null = null;
  let unackCritical = 0;
  for (const a of r.advisories) {
    byCategory[a.category] = (byCategory[a.category] ?? 0) + 1;
    byRisk[a.riskLevel] = (byRisk[a.riskLevel] ?? 0) + 1;
    const rank = RISK_RANK[a.riskLevel as RiskLevel] ?? 0;
    if (peak === null || rank > (RISK_RANK[peak as RiskLevel] ?? 0)) peak = a.riskLevel;
    if (a.riskLevel === 'Critical' && !a.acknowledged) unackCritical++;
  }
  const count = (s: VerificationStatus) => r.verificationStatuses.filter((v) => v === s).length;
  return {
    fromMs: r.fromMs,
    toMs: r.toMs,
    packets: r.packets,
    tickets: r.tickets,
    confirmed: count('Confirmed'),
    uncertain: count('Uncertain'),
    rejected: count('Rejected'),
    advisoriesByCategory: byCategory,
    advisoriesByRisk: byRisk,
    peakRisk: peak,
    acknowledgements: r.acknowledgements,
    unacknowledgedCritical: unackCritical,
    avgMseEfficiencyPercent: r.avgMseEfficiencyPercent,
    depthStartFt: r.depthStartFt,
    depthEndFt: r.depthEndFt,
  };
}
