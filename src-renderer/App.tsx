// Top bar + the selected view + overlays (health banners, acknowledge dialog, alarm).
import { campaignLabel } from '../src-shared/campaign.js';
import { AckDialog } from './components/AckDialog.js';
import { AlarmPlayer } from './components/Alarm.js';
import { HealthBanners } from './components/HealthBanners.js';
import { riskClass } from './components/AdvisoryBanner.js';
import { VIEWS, selectCurrentAdvisory, useApp, type ViewName } from './store/app-store.js';
import { CompanyManView } from './views/CompanyManView.js';
import { DrillerView } from './views/DrillerView.js';
import { EngineerView } from './views/EngineerView.js';
import { SettingsView } from './views/SettingsView.js';

const VIEW_COMPONENTS: Record<ViewName, () => React.JSX.Element> = {
  driller: DrillerView,
  company: CompanyManView,
  engineer: EngineerView,
  settings: SettingsView,
};

function Clock(): React.JSX.Element {
  const timeMs = useApp((s) => s.status?.timeMs ?? null);
  return <span className="clock">{timeMs ? new Date(timeMs).toLocaleTimeString() : '--:--:--'}</span>;
}

function TopBar(): React.JSX.Element {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const campaign = useApp((s) => s.status?.campaign ?? null);
  const risk = useApp((s) => selectCurrentAdvisory(s)?.riskLevel);
  const units = useApp((s) => s.units);
  return (
    <header className="topbar">
      <span className="brand">SAIREN</span>
      <nav>
        {VIEWS.map((v) => (
          <button key={v.name} className={`nav-btn ${view === v.name ? 'active' : ''}`} data-testid={`nav-${v.name}`} onClick={() => setView(v.name)}>
            {v.label}
          </button>
        ))}
      </nav>
      <span className="spacer" />
      {campaign && <span className={`badge ${campaign === 'production' ? 'badge-prod' : 'badge-pa'}`}>{campaignLabel(campaign)}</span>}
      <span className={`badge ${riskClass(risk)}`} data-testid="topbar-risk">{risk ? risk.toUpperCase() : 'NORMAL'}</span>
      <span className="badge">{units === 'metric' ? 'Metric' : 'US oilfield'}</span>
      <Clock />
    </header>
  );
}

export function App(): React.JSX.Element {
  const view = useApp((s) => s.view);
  const View = VIEW_COMPONENTS[view];
  return (
    <div className="app">
      <TopBar />
      <HealthBanners />
      <main className="main">
        <View />
      </main>
      <AckDialog />
      <AlarmPlayer />
    </div>
  );
}
