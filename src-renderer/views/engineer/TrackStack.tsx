// The Engineer's time tracks: any number of channels, one track each, stacked with one shared
// window so their time axes line up; zoom/pan with wheel, drag or pinch on any track, hover
// values on all tracks at once. Past what fits, the stack scrolls.
import { useMemo } from 'react';
import { CHANNEL_BY_KEY } from '../../lib/channels.js';
import { TimeTrack } from '../../components/chart/TimeTrack.js';
import { useEventMarkers } from '../../store/use-event-markers.js';
import { useDomain } from '../../store/use-domain.js';
import { useEngineerTime } from './engineer-time.js';

export function TrackStack({ channels }: { channels: readonly string[] }): React.JSX.Element {
  const domain = useDomain(useEngineerTime);
  const hoverMs = useEngineerTime((s) => s.hoverMs);
  const setHover = useEngineerTime((s) => s.setHover);
  const zoom = useEngineerTime((s) => s.zoom);
  const pan = useEngineerTime((s) => s.pan);
  const goLive = useEngineerTime((s) => s.goLive);
  const markers = useEventMarkers();
  const interactive = useMemo(() => ({ onZoom: zoom, onPan: pan, onLive: goLive }), [zoom, pan, goLive]);
  const known = channels.filter((k) => CHANNEL_BY_KEY.has(k));
  return (
    <div className="track-stack" data-testid="track-stack" data-tracks={known.length}>
      {known.length === 0 && <p className="muted">Choose channels to chart.</p>}
      {known.map((k, i) => (
        <TimeTrack
          key={k}
          channel={CHANNEL_BY_KEY.get(k)!}
          domain={domain}
          markers={markers}
          timeLabels={i === known.length - 1}
          hoverMs={hoverMs}
          onHover={setHover}
          interactive={interactive}
          testId={`chart-${k}`}
        />
      ))}
    </div>
  );
}
