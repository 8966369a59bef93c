// Engineer: the ML engine's optimal drilling parameters for this formation. Current against the
// optimum with its safe ranges, the WOB x RPM grid as a heat map, confidence, and "run now".
import { useState } from 'react';
import type { MlOptimum, MlReport } from '../../src-shared/ml.js';
import type { QuantityKind as Quantity, UnitSystem } from '../../src-shared/units.js';
import { show } from '../lib/format.js';
import { applicableOptimum, deviations, heatColour, heatMap, rangeText, type CurrentParameters } from '../lib/ml-view.js';
import { rememberedActor } from '../lib/shift.js';
import { usePrefs } from '../store/prefs-store.js';
import { getBridge } from '../store/connect.js';
import { runOutcomeText, useMl } from '../store/ml-store.js';
import { useAppLive } from '../store/view-active.js';
import './optimal-parameters.css';

const time = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

function Row({ label, quantity, current, range, units }: { label: string; quantity: Quantity; current: number | null; range: MlOptimum['wobKlbf'] | null; units: UnitSystem }) {
  const now = show(current, quantity, units);
  const out = range && current !== null && (current > range.max || current < range.min);
  return (
    <tr data-testid={`ml-row-${label.toLowerCase()}`}>
      <td>{label}</td>
      <td className={out ? 'ml-out' : ''} data-testid={`ml-current-${label.toLowerCase()}`}>{now.text} {now.unit}</td>
      <td data-testid={`ml-best-${label.toLowerCase()}`}>{range ? `${show(range.best, quantity, units).text} ${now.unit}` : '—'}</td>
      <td>{range ? rangeText(range, quantity, units) : '—'}</td>
    </tr>
  );
}

function HeatMapGrid({ report, current }: { report: MlReport; current: CurrentParameters }) {
  if (report.result.status !== 'success') return null;
  const map = heatMap(report.result.grid, current);
  if (!map) return <div className="ml-muted" data-testid="ml-medians">Too little WOB/RPM spread to bin: the optimum is the segment's medians.</div>;
  return (
    <div className="ml-heat" data-testid="ml-heatmap">
      <div className="ml-heat-title">Score by WOB (klbf, rows) x RPM (columns); outlined: best, dot: now</div>
      <table>
        <tbody>
          {map.rows.map((row, i) => (
            <tr key={i}>
              <th>{map.wobCentres[i].toFixed(1)}</th>
              {row.map((c) => (
                <td
                  key={c.rpmBin}
                  className={`${c.best ? 'ml-best' : ''} ${c.current ? 'ml-now' : ''}`}
                  style={{ background: c.samples ? heatColour(c.level) : 'transparent' }}
                  title={c.samples ? `${c.samples} samples${c.score !== null ? `, score ${c.score.toFixed(2)}` : ', too few to score'}` : 'not drilled'}
                  data-testid={c.best ? 'ml-heat-best' : undefined}
                />
              ))}
            </tr>
          ))}
          <tr>
            <th />
            {map.rpmCentres.map((r, i) => <th key={i}>{r.toFixed(0)}</th>)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function OptimalParameters(): React.JSX.Element {
  const units = usePrefs((p) => p.units);
  const current: CurrentParameters = {
    wobKlbf: useAppLive((s) => s.status?.packet?.wobKlbf ?? null),
    rpm: useAppLive((s) => s.status?.packet?.rpm ?? null),
    flowInGpm: useAppLive((s) => s.status?.packet?.flowInGpm ?? null),
  };
  const bitDepthFt = useAppLive((s) => s.status?.packet?.bitDepthFt ?? null);
  const { latest, optimum: report, lastSkip, running, runMessage, setRun } = useMl();
  const [actor] = useState(() => rememberedActor(localStorage, Date.now()));
  const o = report?.result.status === 'success' ? report.result.optimum : null;
  const here = applicableOptimum(report, bitDepthFt);
  const outside = here ? deviations(current, here) : [];

  const runNow = async (): Promise<void> => {
    setRun(true, null);
    const r = await getBridge().call('runMlNow', { actor: actor || 'engineer' });
    setRun(false, r.ok ? runOutcomeText(r.value) : r.error.message);
  };

  return (
    <div className="ml-panel" data-testid="optimal-parameters">
      <div className="ml-head">
        <span className="ml-title">Optimal parameters</span>
        {report?.result.status === 'success' && <span className={`badge ml-conf-${report.result.confidence.toLowerCase()}`} data-testid="ml-confidence">{report.result.confidence} confidence</span>}
        <button className="btn" onClick={() => void runNow()} disabled={running} data-testid="ml-run-now">{running ? 'Running…' : 'Run now'}</button>
      </div>
      {runMessage && <div className="ml-muted" data-testid="ml-run-message">{runMessage}</div>}
      {!report && <div className="ml-muted" data-testid="ml-none">No optimum yet: the engine analyses each hour of drilling{lastSkip ? ` (last run: ${lastSkip.reason})` : ''}.</div>}
      {report && o && (
        <>
          <div className="ml-sub" data-testid="ml-where">
            {report.segment?.label ?? 'Formation'} {report.depthRange ? `${show(report.depthRange.fromFt, 'depth', units).text}-${show(report.depthRange.toFt, 'depth', units).text} ${show(0, 'depth', units).unit}` : ''}, run {time(report.timeMs)} UTC
            {!here && bitDepthFt !== null && <span className="ml-warn"> (learned away from the bit's depth)</span>}
          </div>
          <table className="table ml-table">
            <thead><tr><th /><th>Now</th><th>Best</th><th>Safe range</th></tr></thead>
            <tbody>
              <Row label="WOB" quantity="force" current={current.wobKlbf} range={o.wobKlbf} units={units} />
              <Row label="RPM" quantity="speed" current={current.rpm} range={o.rpm} units={units} />
              <Row label="Flow" quantity="flow" current={current.flowInGpm} range={o.flowGpm} units={units} />
            </tbody>
          </table>
          <div className="ml-sub">
            Expected ROP {show(o.expectedRopFtHr, 'rop', units).text} {show(o.expectedRopFtHr, 'rop', units).unit}, MSE {show(o.expectedMsePsi, 'pressure', units).text} {show(o.expectedMsePsi, 'pressure', units).unit} ({o.relativeEfficiencyPercent.toFixed(0)}% of the formation's best);
            {' '}{o.binSamples} samples in the best bin, {report.counts.segment} in the segment
          </div>
          {outside.length > 0 && <div className="ml-warn" data-testid="ml-outside">Outside the safe range: {outside.map((d) => d.parameter).join(', ')}</div>}
          <HeatMapGrid report={report} current={current} />
        </>
      )}
      {latest && latest.result.status === 'failure' && (
        <div className="ml-muted" data-testid="ml-latest-failure">
          Last run {time(latest.timeMs)} UTC found no optimum: {latest.result.reason} ({latest.result.detail}).
        </div>
      )}
    </div>
  );
}
