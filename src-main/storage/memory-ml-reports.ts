// MemoryStore's ML reports by report id (saving one twice keeps the first, as INSERT OR IGNORE).
import type { MlReport } from '../../src-shared/ml.js';
import { compareMlReportsNewestFirst, depthDistanceFt, isOptimum } from './ml-report-query.js';
import type { MlReportQuery } from './persistence.js';
import { CopiesById } from './memory-copies.js';
import { clampLimit, inTimeRange } from './query-filters.js';

export class MemoryMlReports extends CopiesById<MlReport> {
  /** The first copy of a report id is kept. */
  override save(r: MlReport): void {
    if (!this.has(r.id)) super.save(r);
  }

  latestReport(): MlReport | null {
    const [newest] = [...this.values()].sort(compareMlReportsNewestFirst);
    return newest ? structuredClone(newest) : null;
  }

  list(q: MlReportQuery): MlReport[] {
    return [...this.values()]
      .filter((r) => inTimeRange(r.timeMs, q))
      .sort(compareMlReportsNewestFirst)
      .slice(0, clampLimit(q.limit))
      .map((r) => structuredClone(r));
  }

  /** The successful report nearest depthFt (0 inside its range); the newest wins a tie. */
  nearestOptimum(depthFt: number): MlReport | null {
    let best: MlReport | null = null;
    let bestFt = Infinity;
    for (const r of [...this.values()].sort(compareMlReportsNewestFirst)) {
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
