// Reports: shift reports and the post-well debrief (pick a range, preview, export PDF / CSV /
// JSON), and the audit log.
import { useState } from 'react';
import { AuditLog } from '../components/reports/AuditLog.js';
import { ReportsPanel } from '../components/reports/ReportsPanel.js';
import './reports.css';

export function ReportsView(): React.JSX.Element {
  const [tab, setTab] = useState<'reports' | 'audit'>('reports');
  return (
    <div className="view view-reports">
      <div className="row tabs">
        <button className={`btn btn-choice ${tab === 'reports' ? 'chosen' : ''}`} data-testid="reports-tab-reports" onClick={() => setTab('reports')}>Shift and well reports</button>
        <button className={`btn btn-choice ${tab === 'audit' ? 'chosen' : ''}`} data-testid="reports-tab-audit" onClick={() => setTab('audit')}>Audit log</button>
      </div>
      {tab === 'reports' ? <ReportsPanel /> : <AuditLog />}
    </div>
  );
}
