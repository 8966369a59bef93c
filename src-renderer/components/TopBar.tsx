// The bar across the top: views, campaign, overall risk, units and a clock that keeps running
// whatever the feed does (24 h or 12 h, per screen).
import { campaignLabel } from '../../src-shared/campaign.js';
import { worstActiveRisk } from '../lib/event-view.js';
import { riskClass } from '../lib/risk-class.js';
import { clockText } from '../lib/time-format.js';
import { VIEWS, useApp } from '../store/app-store.js';
import { useNow } from '../store/clock-store.js';
import { useEvents } from '../store/event-store.js';
import { usePrefs } from '../store/prefs-store.js';

function Clock(): React.JSX.Element {
  const nowMs = useNow((n) => n.nowMs);
  const style = usePrefs((p) => p.clock);
  return <span className="clock" data-testid="clock">{clockText(nowMs, style)}</span>;
}

export function TopBar(): React.JSX.Element {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const campaign = useApp((s) => s.status?.campaign ?? null);
  // the worst ACTIVE event: a cleared one waiting for its acknowledgement no longer sets the colour
  const risk = useEvents((s) => worstActiveRisk(s.events)) ?? undefined;
  const units = usePrefs((p) => p.units);
  return (
    <header className="topbar">
      <span className="brand">SAIREN</span>
      <nav aria-label="Views">
        {VIEWS.map((v) => (
          <button key={v.name} className={`nav-btn ${view === v.name ? 'active' : ''}`} aria-current={view === v.name ? 'page' : undefined} data-testid={`nav-${v.name}`} onClick={() => setView(v.name)}>
            {v.label}
          </button>
        ))}
      </nav>
      <span className="spacer" />
      {campaign && (
        <span className={`badge ${campaign === 'production' ? 'badge-prod' : 'badge-pa'}`} title={campaignLabel(campaign)} data-testid="topbar-campaign">
          {campaign === 'production' ? 'Production' : 'P&A'}
        </span>
      )}
      <span className={`badge ${riskClass(risk)}`} data-testid="topbar-risk">{risk ? risk.toUpperCase() : 'NORMAL'}</span>
      <span className="badge" data-testid="topbar-units">{units === 'metric' ? 'Metric' : 'US units'}</span>
      <Clock />
    </header>
  );
}
