// Driller: one line when WOB, RPM or flow sit outside this formation's best range (ML engine).
import { applicableOptimum, deviations, hintLine } from '../lib/ml-view.js';
import { usePrefs } from '../store/prefs-store.js';
import { useMl } from '../store/ml-store.js';
import { useAppLive } from '../store/view-active.js';

export function OptimumHint(): React.JSX.Element | null {
  const units = usePrefs((p) => p.units);
  const report = useMl((s) => s.optimum);
  const wobKlbf = useAppLive((s) => s.status?.packet?.wobKlbf ?? null);
  const rpm = useAppLive((s) => s.status?.packet?.rpm ?? null);
  const flowInGpm = useAppLive((s) => s.status?.packet?.flowInGpm ?? null);
  const bitDepthFt = useAppLive((s) => s.status?.packet?.bitDepthFt ?? null);
  const drilling = useAppLive((s) => s.status?.rigState === 'Drilling');
  const o = drilling ? applicableOptimum(report, bitDepthFt) : null;
  const devs = o ? deviations({ wobKlbf, rpm, flowInGpm }, o) : [];
  if (devs.length === 0) return null;
  return (
    <div className="optimum-hint" data-testid="optimum-hint">
      {hintLine(devs, units)}
    </div>
  );
}
