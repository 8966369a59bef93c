// Pure helpers for the optimal-parameters panel and the driller's hint: which optimum applies
// here, where the current parameters sit against its safe ranges, and the WOB x RPM heat map.
import { gridBinOf, optimumAppliesAt, type MlGrid, type MlOptimum, type MlReport, type ParameterRange } from '../../src-shared/ml.js';
import type { QuantityKind as Quantity, UnitSystem } from '../../src-shared/units.js';
import { decimalsFor, formatValue } from './format.js';

export interface CurrentParameters {
  wobKlbf: number | null;
  rpm: number | null;
  flowInGpm: number | null;
}

export interface Deviation {
  parameter: 'WOB' | 'RPM' | 'Flow';
  quantity: Quantity;
  value: number;
  range: ParameterRange;
  direction: 'above' | 'below';
}

/** The optimum of a report when it applies at this bit depth (same rule as the engine's advisories). */
export function applicableOptimum(report: MlReport | null, bitDepthFt: number | null): MlOptimum | null {
  if (!report || report.result.status !== 'success' || !report.depthRange) return null;
  return optimumAppliesAt(report.depthRange, bitDepthFt) ? report.result.optimum : null;
}

/** The parameters outside the optimum's safe range, in driller order (WOB, RPM, flow). */
export function deviations(c: CurrentParameters, o: MlOptimum): Deviation[] {
  const out: Deviation[] = [];
  const check = (parameter: Deviation['parameter'], quantity: Quantity, value: number | null, range: ParameterRange | null): void => {
    if (value === null || !Number.isFinite(value) || !range) return;
    if (value > range.max) out.push({ parameter, quantity, value, range, direction: 'above' });
    else if (value < range.min) out.push({ parameter, quantity, value, range, direction: 'below' });
  };
  check('WOB', 'force', c.wobKlbf, o.wobKlbf);
  check('RPM', 'speed', c.rpm, o.rpm);
  check('Flow', 'flow', c.flowInGpm, o.flowGpm);
  return out;
}

export function rangeText(r: ParameterRange, quantity: Quantity, units: UnitSystem): string {
  const d = decimalsFor(quantity, units);
  const lo = formatValue(r.min, quantity, units, d);
  const hi = formatValue(r.max, quantity, units, d);
  return `${lo.text}-${hi.text} ${hi.unit}`;
}

/** "WOB 32.0 klbf above this formation's best 22.0-27.0 klbf; RPM 95 rpm below ..." */
export function hintLine(devs: readonly Deviation[], units: UnitSystem): string {
  return devs
    .map((d) => {
      const v = formatValue(d.value, d.quantity, units, decimalsFor(d.quantity, units));
      return `${d.parameter} ${v.text} ${v.unit} ${d.direction} this formation's best ${rangeText(d.range, d.quantity, units)}`;
    })
    .join('; ');
}

export interface HeatCell {
  wobBin: number;
  rpmBin: number;
  samples: number;
  score: number | null;
  /** 0 (worst scored) .. 1 (best scored); null when not scored or not run. */
  level: number | null;
  best: boolean;
  current: boolean;
}

export interface HeatMap {
  /** Rows from the highest WOB bin down, columns from the lowest RPM bin. */
  rows: HeatCell[][];
  /** Bin centres for the axis labels. */
  wobCentres: number[];
  rpmCentres: number[];
}

export function heatMap(grid: MlGrid, current: CurrentParameters | null): HeatMap | null {
  const nw = grid.wobEdgesKlbf.length - 1;
  const nr = grid.rpmEdges.length - 1;
  if (nw < 1 || nr < 1) return null;
  const scores = grid.cells.map((c) => c.score).filter((s): s is number => s !== null);
  const lo = Math.min(...scores);
  const hi = Math.max(...scores);
  const cur =
    current && current.wobKlbf !== null && current.rpm !== null
      ? { w: gridBinOf(current.wobKlbf, grid.wobEdgesKlbf), r: gridBinOf(current.rpm, grid.rpmEdges) }
      : null;
  const rows: HeatCell[][] = [];
  for (let w = nw - 1; w >= 0; w--) {
    const row: HeatCell[] = [];
    for (let r = 0; r < nr; r++) {
      const cell = grid.cells.find((c) => c.wobBin === w && c.rpmBin === r);
      const score = cell?.score ?? null;
      row.push({
        wobBin: w,
        rpmBin: r,
        samples: cell?.samples ?? 0,
        score,
        level: score === null ? null : hi > lo ? (score - lo) / (hi - lo) : 1,
        best: grid.best?.wobBin === w && grid.best?.rpmBin === r,
        current: cur?.w === w && cur?.r === r,
      });
    }
    rows.push(row);
  }
  const centres = (e: readonly number[]) => e.slice(0, -1).map((x, i) => (x + e[i + 1]) / 2);
  return { rows, wobCentres: centres(grid.wobEdgesKlbf).reverse(), rpmCentres: centres(grid.rpmEdges) };
}

/** Red (worst scored) to green (best); grey for a cell run but not scored. */
export function heatColour(level: number | null): string {
  if (level === null) return '#1f2937';
  return `hsl(${Math.round(level * 120)}, 65%, ${28 + Math.round(level * 10)}%)`;
}
