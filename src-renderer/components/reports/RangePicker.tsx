// Which period the report covers: the current shift (default), any time range, the whole
// well, or a depth interval (in the display unit).
import type { UnitSystem } from '../../../src-shared/units.js';
import { unitLabel } from '../../../src-shared/units.js';
import type { RangeChoice, RangeMode } from '../../lib/report-range.js';

const MODES: { mode: RangeMode; label: string }[] = [
  { mode: 'current-shift', label: 'Current shift' },
  { mode: 'time-range', label: 'Time range' },
  { mode: 'well', label: 'Whole well' },
  { mode: 'depth', label: 'Depth interval' },
];

export function RangePicker({ choice, units, onChange }: { choice: RangeChoice; units: UnitSystem; onChange: (c: RangeChoice) => void }): React.JSX.Element {
  const set = (patch: Partial<RangeChoice>) => onChange({ ...choice, ...patch });
  const depthUnit = unitLabel('depth', units);
  return (
    <div className="panel rp-range">
      <div className="row">
        {MODES.map((m) => (
          <button key={m.mode} className={`btn btn-choice ${choice.mode === m.mode ? 'chosen' : ''}`} data-testid={`reports-mode-${m.mode}`} onClick={() => set({ mode: m.mode })}>
            {m.label}
          </button>
        ))}
      </div>
      {choice.mode === 'time-range' && (
        <div className="row">
          <label className="field-label">From<input type="datetime-local" value={choice.fromLocal} data-testid="reports-from" onChange={(e) => set({ fromLocal: e.target.value })} /></label>
          <label className="field-label">To<input type="datetime-local" value={choice.toLocal} data-testid="reports-to" onChange={(e) => set({ toLocal: e.target.value })} /></label>
        </div>
      )}
      {choice.mode === 'depth' && (
        <div className="row">
          <label className="field-label">From depth ({depthUnit})<input inputMode="decimal" value={choice.fromDepth} data-testid="reports-from-depth" onChange={(e) => set({ fromDepth: e.target.value })} /></label>
          <label className="field-label">To depth ({depthUnit})<input inputMode="decimal" value={choice.toDepth} data-testid="reports-to-depth" onChange={(e) => set({ toDepth: e.target.value })} /></label>
        </div>
      )}
      {choice.mode === 'current-shift' && <p className="cm-muted">From {choice.fromLocal.replace('T', ' ')} (shift start) to now.</p>}
      {choice.mode === 'well' && <p className="cm-muted">Everything recorded for this well: the post-well debrief.</p>}
    </div>
  );
}
