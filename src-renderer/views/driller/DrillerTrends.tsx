// Strip charts of the last 30 or 60 minutes for the channels a driller watches, with the
// engine's threshold lines and event markers: which way a number is moving.
import { CHANNEL_BY_KEY } from '../../lib/channels.js';
import { TimeTrack } from '../../components/chart/TimeTrack.js';
import { useEventMarkers } from '../../store/use-event-markers.js';
import { createTimeView } from '../../store/time-view.js';
import { useDomain, useHistory } from '../../store/use-domain.js';

export const DRILLER_TREND_CHANNELS = ['flowBalanceGpm', 'pitVolumeBbl', 'sppPsi', 'torqueKftLbf', 'hookLoadKlbf', 'ropFtHr'] as const;
export const DRILLER_WINDOWS = [
  { label: '30 min', ms: 30 * 60_000 },
  { label: '60 min', ms: 60 * 60_000 },
] as const;

const useDrillerTime = createTimeView(DRILLER_WINDOWS[0].ms);

export function DrillerTrends(): React.JSX.Element {
  const windowMs = useDrillerTime((s) => s.windowMs);
  const setWindow = useDrillerTime((s) => s.setWindow);
  const hoverMs = useDrillerTime((s) => s.hoverMs);
  const setHover = useDrillerTime((s) => s.setHover);
  const domain = useDomain(useDrillerTime);
  const markers = useEventMarkers();
  useHistory(DRILLER_TREND_CHANNELS, windowMs);
  return (
    <section className="driller-trends" data-testid="driller-trends" aria-label="Trends">
      <div className="trend-head">
        <span className="muted">Trends <span data-testid="driller-time-unit">(local time)</span></span>
        {DRILLER_WINDOWS.map((w) => (
          <button key={w.label} className={`btn btn-small ${w.ms === windowMs ? 'chosen' : ''}`} onClick={() => setWindow(w.ms)} data-testid={`driller-window-${w.label.replace(' ', '')}`}>
            {w.label}
          </button>
        ))}
      </div>
      <div className="driller-tracks">
        {DRILLER_TREND_CHANNELS.map((key, i) => (
          <TimeTrack
            key={key}
            channel={CHANNEL_BY_KEY.get(key)!}
            domain={domain}
            markers={markers}
            timeLabels={i === DRILLER_TREND_CHANNELS.length - 1}
            hoverMs={hoverMs}
            onHover={setHover}
            testId={`driller-trend-${key}`}
          />
        ))}
      </div>
    </section>
  );
}
