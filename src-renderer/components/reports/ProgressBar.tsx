// How far a report has got: a bar and what the engine is doing ("drawing trend charts").
import type { ReportProgress } from '../../../src-shared/reports.js';

export function ReportProgressBar({ progress, running }: { progress: ReportProgress | null; running: boolean }): React.JSX.Element | null {
  if (!progress || (!running && progress.phase === 'done')) return null;
  const pct = Math.round(progress.fraction * 100);
  return (
    <div className="rp-progress" data-testid="reports-progress" data-phase={progress.phase} role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
      <div className="progress"><div style={{ width: `${pct}%` }} /></div>
      <span>{pct} % · {progress.detail}</span>
    </div>
  );
}
