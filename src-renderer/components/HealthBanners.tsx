// Health banners: what is wrong with SAIREN itself (not the well). Feed offline first: the
// driller must know the numbers on screen are stale.
import { useApp } from '../store/app-store.js';

export function HealthBanners(): React.JSX.Element {
  const connection = useApp((s) => s.connection);
  const flags = useApp((s) => s.health?.flags ?? null);
  const degraded = useApp((s) =>
    (s.health?.components ?? [])
      .filter((c) => c.status !== 'healthy')
      .map((c) => `${c.name}: ${c.detail || c.status}`)
      .join(' · '),
  );
  const lastPacketMs = useApp((s) => s.status?.source.lastPacketMs ?? null);

  const banners: { id: string; cls: string; text: string }[] = [];
  if (connection !== 'open') {
    banners.push({ id: 'banner-engine', cls: 'hb-red', text: connection === 'reconnecting' ? 'ENGINE CONNECTION LOST — reconnecting…' : 'Connecting to SAIREN engine…' });
  }
  if (flags?.feedOffline) {
    const ago = lastPacketMs ? ` — last data ${new Date(lastPacketMs).toLocaleTimeString()}` : '';
    banners.push({ id: 'banner-offline', cls: 'hb-red', text: `WITS FEED OFFLINE${ago}. Values on screen are stale.` });
  } else if (flags?.feedReconnecting) {
    banners.push({ id: 'banner-reconnecting', cls: 'hb-amber', text: 'WITS feed reconnecting…' });
  }
  // What start-up found (issue 9): the record is not being kept, or a file was set aside.
  if (flags?.notRecording) {
    banners.push({ id: 'banner-not-recording', cls: 'hb-red', text: 'NOT RECORDING — the database cannot be used: advisories are shown but not saved. The storage line below names the file and how to fix it.' });
  }
  if (flags?.configRejected) {
    banners.push({ id: 'banner-config-rejected', cls: 'hb-amber', text: 'CONFIGURATION FILE REJECTED — running on built-in defaults, not your thresholds. The files line below says why.' });
  }
  if (flags?.fileSetAside) {
    banners.push({ id: 'banner-file-set-aside', cls: 'hb-amber', text: 'A damaged file was set aside at start (kept as .corrupt-…, nothing overwritten). The files line below says which.' });
  }
  if (flags?.simulatedFeed) {
    banners.push({ id: 'banner-simulated', cls: 'hb-amber', text: 'SIMULATED DATA — built-in simulator, not the rig. Choose the rig feed in Settings.' });
  }
  if (flags?.diskLow) banners.push({ id: 'banner-disk', cls: 'hb-amber', text: 'Disk space low: logging reduced.' });
  if (flags?.baselineLearning) banners.push({ id: 'banner-learning', cls: 'hb-blue', text: 'Learning this rig\'s baseline (shadow mode): only critical well-control alerts until it locks.' });
  if (flags?.templateOnly) banners.push({ id: 'banner-template', cls: 'hb-grey', text: 'Template-only mode: AI explanations unavailable.' });
  if (degraded) banners.push({ id: 'banner-degraded', cls: 'hb-amber', text: `Degraded: ${degraded}` });

  return (
    <div className="health-banners" data-testid="health-banners">
      {banners.map((b) => (
        <div key={b.id} className={`health-banner ${b.cls}`} data-testid={b.id} role="status">
          {b.text}
        </div>
      ))}
    </div>
  );
}
