// One driller tile: a channel's live value in the screen's units, coloured from the engine's
// active limit for it (LiveStatus.limits), dimmed with its age when the feed is not live. The flow
// tiles also say where flow out comes from (FlowOutNote).
import { memo } from 'react';
import { FLOW_OUT_NOTE_CHANNELS, FlowOutNote } from './FlowOutNote.js';
import { channelNumber, channelUnit, liveValue, type TrendChannel } from '../lib/channels.js';
import { levelFor } from '../lib/limits.js';
import { ageText } from '../lib/time-format.js';
import { useAppLive } from '../store/view-active.js';
import { useStaleAgeS } from '../store/feed-view.js';
import { usePrefs } from '../store/prefs-store.js';

export const Tile = memo(function Tile({ channel }: { channel: TrendChannel }) {
  const value = useAppLive((s) => (s.status ? liveValue(s.status, channel.key) : null));
  const band = useAppLive((s) => (channel.limit ? (s.status?.limits?.[channel.limit] ?? null) : null));
  const units = usePrefs((p) => p.units);
  const staleAge = useStaleAgeS();
  const stale = staleAge !== null;
  const text = channelNumber(channel, value, units);
  const unit = channelUnit(channel, units);
  // a stale value keeps its colour (the last known condition), dimmed
  const level = levelFor(value, band);
  const flowNote = FLOW_OUT_NOTE_CHANNELS.has(channel.key);
  return (
    <div
      className={`tile tile-${level}${stale ? ' tile-stale' : ''}`}
      data-testid={`tile-${channel.key}`}
      data-level={level}
      data-stale={stale}
      data-warning={band?.warning}
      data-critical={band?.critical}
    >
      <div className="tile-label">{channel.label}</div>
      <div className="tile-value" data-testid={`value-${channel.key}`}>{text}</div>
      <div className="tile-unit">
        <span data-testid={`unit-${channel.key}`}>{unit}</span>
        {stale && value !== null && (
          <span className="tile-age" data-testid={`age-${channel.key}`}>
            {staleAge === 'none' ? 'not live' : `${ageText(staleAge * 1000)} old`}
          </span>
        )}
      </div>
      {flowNote && <FlowOutNote />}
    </div>
  );
});
