// Health banners: what is wrong with SAIREN itself (not the well). The feed's state has its own
// strip (FeedStrip). System banners are amber, blue or grey: red is kept for alarms.
import { useApp } from '../store/app-store.js';

/** Components with a banner (or strip) of their own, left out of the "Degraded" line. */
const OWN_BANNER = new Set(['feed', 'baseline', 'flow-out']);

export function HealthBanners(): React.JSX.Element {
  const flags = useApp((s) => s.health?.flags ?? null);
  // The engine's own words: where flow out comes from and what that means for kick detection.
  const flowOut = useApp((s) => s.health?.components.find((c) => c.name === 'flow-out')?.detail ?? '');
  const degraded = useApp((s) =>
    (s.health?.components ?? [])
      .filter((c) => c.status !== 'healthy' && !OWN_BANNER.has(c.name))
      .map((c) => `${c.name}: ${c.detail || c.status}`)
      .join(' · '),
  );

  const banners: { id: string; cls: string; text: string }[] = [];
  // What start-up found (issue 9): the record is not being kept, or a file was set aside.
  if (flags?.notRecording) {
    banners.push({ id: 'banner-not-recording', cls: 'hb-amber', text: 'NOT RECORDING — the database cannot be used: advisories are shown but not saved. The storage line below names the file and how to fix it.' });
  }
  if (flags?.configRejected) {
    banners.push({ id: 'banner-config-rejected', cls: 'hb-amber', text: 'CONFIGURATION FILE REJECTED — running on built-in defaults, not your thresholds. The files line below says why.' });
  }
  if (flags?.fileSetAside) {
    banners.push({ id: 'banner-file-set-aside', cls: 'hb-amber', text: 'A damaged file was set aside at start (kept as .corrupt-…, nothing overwritten). The files line below says which.' });
  }
  if (flags?.simulatedFeed) {
    banners.push({ id: 'banner-simulated', cls: 'hb-amber', text: 'SIMULATED DATA — built-in simulator, not the rig (choose the feed in Settings)' });
  }
  if (flags?.diskLow) banners.push({ id: 'banner-disk', cls: 'hb-amber', text: 'Disk space low: logging reduced' });
  if (flags?.baselineLearning) banners.push({ id: 'banner-learning', cls: 'hb-blue', text: 'Learning the rig baseline: only critical well-control alerts until it locks' });
  // No usable flow out is a warning; learning a new pump rate is normal (blue, like the baseline).
  if (flags?.pitsOnly) banners.push({ id: 'banner-flow-out', cls: 'hb-amber', text: flowOut });
  else if (flags?.flowOutLearning) banners.push({ id: 'banner-flow-out', cls: 'hb-blue', text: flowOut });
  if (flags?.templateOnly) banners.push({ id: 'banner-template', cls: 'hb-grey', text: 'Template-only: no AI explanations' });
  if (degraded) banners.push({ id: 'banner-degraded', cls: 'hb-amber', text: `Degraded: ${degraded}` });

  return (
    <div className="health-banners" data-testid="health-banners">
      {banners.map((b) => (
        <div key={b.id} className={`health-banner ${b.cls}`} data-testid={b.id} role="status" title={b.text}>
          {b.text}
        </div>
      ))}
    </div>
  );
}
