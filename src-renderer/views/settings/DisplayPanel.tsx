// This screen's display: units, theme, clock. Kept on this screen only.
import { usePrefs } from '../../store/prefs-store.js';
import { Choice } from './common.js';

export function DisplayPanel(): React.JSX.Element {
  const p = usePrefs();
  return (
    <section className="panel" data-testid="settings-display">
      <h3>Units</h3>
      <Choice value={p.units} onChange={p.setUnits} testid="units" options={[{ value: 'imperial', label: 'US oilfield (ft, psi, gpm, bbl, ppg)' }, { value: 'metric', label: 'Metric (m, kPa, L/min, m³, g/cm³)' }]} />
      <h3>Theme</h3>
      <Choice value={p.theme} onChange={p.setTheme} testid="theme" options={[{ value: 'day', label: 'Day (bright)' }, { value: 'night', label: 'Night (dimmed)' }]} />
      <h3>Clock</h3>
      <Choice value={p.clock} onChange={p.setClock} testid="clock" options={[{ value: '24h', label: '24-hour' }, { value: '12h', label: '12-hour (am/pm)' }]} />
      <p className="muted">These apply to this screen only; the engine keeps US oilfield units.</p>
    </section>
  );
}
