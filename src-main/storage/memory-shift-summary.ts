// The rows of a shift summary from MemoryStore's records; the arithmetic is shared (shift-summary.ts).
import type { MemoryAdvisories } from './memory-advisories.js';
import type { MemoryAuditLog } from './memory-audit-log.js';
import type { MemoryMetrics } from './memory-metrics.js';
import type { MemoryTickets } from './memory-tickets.js';
import type { ShiftSummary } from './persistence.js';
import { buildShiftSummary } from './shift-summary.js';

export interface MemoryRecords {
  advisories: MemoryAdvisories;
  tickets: MemoryTickets;
  auditLog: MemoryAuditLog;
  /** Drained (nothing queued) before the call. */
  metrics: MemoryMetrics;
}

export function memoryShiftSummary(r: MemoryRecords, fromMs: number, toMs: number): ShiftSummary {
  const inRange = (t: number) => t >= fromMs && t <= toMs;
  const acks = r.auditLog.acknowledgements();
  const acked = new Set(acks.map((k) => k.advisoryId));
  const depth = r.metrics.rawPoints('holeDepthFt', fromMs, toMs);
  return buildShiftSummary({
    fromMs,
    toMs,
    packets: r.metrics.packetsBetween(fromMs, toMs),
    tickets: r.tickets.ticketsBetween(fromMs, toMs),
    verificationStatuses: r.tickets.verificationStatusesBetween(fromMs, toMs),
    advisories: [...r.advisories.values()]
      .filter((a) => inRange(a.timeMs))
      .map((a) => ({ category: a.category, riskLevel: a.riskLevel, acknowledged: acked.has(a.id) })),
    acknowledgements: acks.filter((k) => inRange(k.timeMs)).length,
    avgMseEfficiencyPercent: r.metrics.oneMinuteAverage('mseEfficiencyPercent', fromMs, toMs),
    depthStartFt: depth.length ? depth[0][1] : null,
    depthEndFt: depth.length ? depth[depth.length - 1][1] : null,
  });
}
