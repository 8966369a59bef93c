// Top bar + the selected view + overlays (health banners, acknowledge dialog, alarm).
// A view is mounted on its first visit and then kept, hidden with display:none, so switching
// back is a style change, not a re-mount of its charts; hidden views pause (ViewActive).
import { memo, useMemo, useState } from 'react';
import { campaignLabel } from '../src-shared/campaign.js';
import { AckDialog } from './components/AckDialog.js';
import { AlarmPlayer } from './components/Alarm.js';
import { HealthBanners } from './components/HealthBanners.js';
import { riskClass } from './components/AdvisoryBanner.js';
import { VIEWS, selectCurrentAdvisory, useApp, type ViewName } from './store/app-store.js';
import { CompanyManView } from './views/CompanyManView.js';
import { DrillerView } from './views/DrillerView.js';
import { EngineerView } from './views/EngineerView.js';
import { ReportsView } from './views/ReportsView.js';
import { SettingsView } from './views/SettingsView.js';
import { ViewActive } from './store/view-active.js';

const VIEW_COMPONENTS: Record<ViewName, () => React.JSX.Element> = {
  driller: DrillerView,
  company: CompanyManView,
  engineer: EngineerView,
  reports: ReportsView,
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

const ViewSlot = memo(function ViewSlot({ name, active }: { name: ViewName; active: boolean }) {
  // created once: toggling `active` re-renders only the components that read ViewActive
  const content = useMemo(() => {
    const View = VIEW_COMPONENTS[name];
    return <View />;
  }, [name]);
  return (
    <div className="view-slot" data-view={name} style={active ? undefined : { display: 'none' }}>
      <ViewActive.Provider value={active}>{content}</ViewActive.Provider>
    </div>
  );
});

export function App(): React.JSX.Element {
  const view = useApp((s) => s.view);
  const [visited, setVisited] = useState<ReadonlySet<ViewName>>(() => new Set([view]));
  // derived state: adjust during render (React's documented pattern), no extra commit
  if (!visited.has(view)) setVisited(new Set([...visited, view]));
  return (
    <div className="app">
      <TopBar />
      <HealthBanners />
      <main className="main">
        {VIEWS.filter((v) => visited.has(v.name)).map((v) => (
          <ViewSlot key={v.name} name={v.name} active={v.name === view} />
        ))}
      </main>
      <AckDialog />
      <AlarmPlayer />
    </div>
  );
}
