// Pick a range, preview the figures, export PDF / CSV / JSON. The engine does the work (off its
// packet loop) and reports progress; the file is saved through the desktop shell's dialog or
// downloaded in a browser.
import { useEffect, useState } from 'react';
import type { ReportFormat, ReportModel } from '../../../src-shared/reports.js';
import { defaultChoice, requestFor, type RangeChoice } from '../../lib/report-range.js';
import { saveReportFile, sizeText } from '../../lib/save-file.js';
import { useApp } from '../../store/app-store.js';
import { usePrefs } from '../../store/prefs-store.js';
import { getBridge } from '../../store/connect.js';
import { ReportProgressBar } from './ProgressBar.js';
import { RangePicker } from './RangePicker.js';
import { ReportPreview } from './ReportPreview.js';
import { useReportJob } from './useReportJob.js';

type Msg = { kind: 'ok' | 'err'; text: string } | null;
const FORMATS: ReportFormat[] = ['pdf', 'csv', 'json'];

/** "Now" for the default range: the latest packet's time (a replay runs in the past). */
const dataNow = (): number => useApp.getState().status?.packet?.timeMs ?? Date.now();

export function ReportsPanel(): React.JSX.Element {
  const units = usePrefs((s) => s.units);
  const [hours, setHours] = useState<number[]>([6, 18]);
  const [choice, setChoice] = useState<RangeChoice>(() => defaultChoice(dataNow(), [6, 18]));
  const [model, setModel] = useState<ReportModel | null>(null);
  const [msg, setMsg] = useState<Msg>(null);
  const job = useReportJob();

  useEffect(() => {
    void getBridge().call('getConfig', {}).then((r) => {
      if (!r.ok) return;
      const h = r.value.reports.shift_start_hours;
      setHours(h);
      setChoice((c) => ({ ...defaultChoice(dataNow(), h), mode: c.mode }));
    });
  }, []);

  const request = () => {
    const r = requestFor(choice, units);
    if ('error' in r) setMsg({ kind: 'err', text: r.error });
    return 'error' in r ? null : r.request;
  };

  const preview = async (): Promise<void> => {
    const req = request();
    if (!req) return;
    setMsg(null);
    const r = await job.run((jobId) => getBridge().call('buildReport', { ...req, jobId, units }));
    if (!r.ok) return setMsg({ kind: 'err', text: r.error.message });
    setModel(r.value);
  };

  const exportAs = async (format: ReportFormat): Promise<void> => {
    const req = request();
    if (!req) return;
    setMsg(null);
    const r = await job.run((jobId) => getBridge().call('exportReport', { ...req, format, jobId, units }));
    if (!r.ok) return setMsg({ kind: 'err', text: r.error.message });
    try {
      const said = await saveReportFile(r.value, window.sairen);
      const pages = r.value.pages ? `, ${r.value.pages} pages` : '';
      setMsg({ kind: 'ok', text: `${said} (${sizeText(r.value.sizeBytes)}${pages})` });
    } catch (e) {
      setMsg({ kind: 'err', text: `Not saved: ${(e as Error).message}` });
    }
  };

  return (
    <div className="rp-body">
      <div className="rp-side">
        <RangePicker choice={choice} units={units} onChange={(c) => setChoice(c.mode === 'current-shift' ? { ...defaultChoice(dataNow(), hours), mode: c.mode } : c)} />
        <div className="panel">
          <div className="row">
            <button className="btn btn-primary btn-choice" data-testid="reports-preview" disabled={job.running} onClick={() => void preview()}>Preview</button>
            {FORMATS.map((f) => (
              <button key={f} className="btn btn-choice" data-testid={`reports-export-${f}`} disabled={job.running} onClick={() => void exportAs(f)}>
                Export {f.toUpperCase()}
              </button>
            ))}
          </div>
          <ReportProgressBar progress={job.progress} running={job.running} />
          {msg && <div className={msg.kind === 'ok' ? 'form-ok' : 'form-error'} data-testid="reports-message">{msg.text}</div>}
          <p className="cm-muted">Shift changes at {hours.map((h) => `${String(h).padStart(2, '0')}:00`).join(' and ')}; each shift's report is also written by itself into the data directory.</p>
        </div>
      </div>
      <div className="rp-main">
        {model ? <ReportPreview m={model} units={units} /> : <p className="cm-muted rp-empty">Choose a range and press Preview to see the report's figures.</p>}
      </div>
    </div>
  );
}
