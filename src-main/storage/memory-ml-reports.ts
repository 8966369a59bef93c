// MemoryStore's ML reports by report id (saving one twice keeps the first, as INSERT OR IGNORE).
import type { MlReport } from '../../src-shared/ml.js';
import { compareMlReportsNewestFirst, depthDistanceFt, isOptimum } from './ml-report-query.js';
import type { MlReportQuery } from './persistence.js';
import { clampLimit, inTimeRange } from './query-filters.js';

export class MemoryMlReports {
  private readonly byId = new Map<string, MlReport>();

  save(r: MlReport): void {
    if (!this.byId.has(r.id)) this.byId.set(r.id, structuredClone(r));
  }

  latestReport(): MlReport | null {
    const [newest] = [...this.byId.values()].sort(compareMlReportsNewestFirst);
    return newest ? structuredClone(newest) : null;
  }

  list(q: MlReportQuery): MlReport[] {
    return [...this.byId.values()]
      .filter((r) => inTimeRange(r.timeMs, q))
      .sort(compareMlReportsNewestFirst)
      .slice(0, clampLimit(q.limit))
      .map((r) => structuredClone(r));
  }

  /** The successful report nearest depthFt (0 inside its range); the newest wins a tie. */
  nearestOptimum(depthFt: number): MlReport | null {
    let best: MlReport | null = null;
    let bestFt = Infinity;
    for (const r of [...this.byId.values()].sort(compareMlReportsNewestFirst)) {
      if (!isOptimum(r) || !r.depthRange) continue;
      const d = depthDistanceFt(depthFt, r.depthRange.fromFt, r.depthRange.toFt);
      if (d < bestFt) {
        best = r;
        bestFt = d;
      }
    }
    return best ? structuredClone(best) : null;
  }
}
