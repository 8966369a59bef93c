// Summaries of the durable record that screens and reports read.

/** What happened between two times: packets, tickets, verdicts, advisories, acknowledgements. */
export interface ShiftSummary {
  fromMs: number;
  toMs: number;
  packets: number;
  tickets: number;
  confirmed: number;
  uncertain: number;
  rejected: number;
  advisoriesByCategory: Record<string, number>;
  advisoriesByRisk: Record<string, number>;
  peakRisk: string | null;
  acknowledgements: number;
  unacknowledgedCritical: number;
  avgMseEfficiencyPercent: number | null;
  depthStartFt: number | null;
  depthEndFt: number | null;
}
