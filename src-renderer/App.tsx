// Top bar + the selected view + overlays (feed strip, health banners, acknowledge dialog, alarm).
// A view is mounted on its first visit and then kept, hidden with display:none, so switching
// back is a style change, not a re-mount of its charts; hidden views pause (ViewActive).
import { memo, useEffect, useMemo, useState } from 'react';
import { AckDialog } from './components/AckDialog.js';
import { AlarmPlayer } from './components/Alarm.js';
import { FeedStrip } from './components/FeedStrip.js';
import { HealthBanners } from './components/HealthBanners.js';
import { ShelveDialog } from './components/ShelveDialog.js';
import { TopBar } from './components/TopBar.js';
import { useShortcuts } from './components/shortcuts.js';
import { VIEWS, useApp, type ViewName } from './store/app-store.js';
import { usePrefs } from './store/prefs-store.js';
import { ViewActive } from './store/view-active.js';
import { CompanyManView } from './views/CompanyManView.js';
import { DrillerView } from './views/DrillerView.js';
import { EngineerView } from './views/EngineerView.js';
import { ReportsView } from './views/ReportsView.js';
import { SettingsView } from './views/SettingsView.js';

const VIEW_COMPONENTS: Record<ViewName, () => React.JSX.Element> = {
  driller: DrillerView,
  company: CompanyManView,
  engineer: EngineerView,
  reports: ReportsView,
  settings: SettingsView,
};

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
  const theme = usePrefs((p) => p.theme);
  const [visited, setVisited] = useState<ReadonlySet<ViewName>>(() => new Set([view]));
  // derived state: adjust during render (React's documented pattern), no extra commit
  if (!visited.has(view)) setVisited(new Set([...visited, view]));
  useShortcuts();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <TopBar />
      <FeedStrip />
      <HealthBanners />
      <main className="main">
        {VIEWS.filter((v) => visited.has(v.name)).map((v) => (
          <ViewSlot key={v.name} name={v.name} active={v.name === view} />
        ))}
      </main>
      <AckDialog />
      <ShelveDialog />
      <AlarmPlayer />
    </div>
  );
}
