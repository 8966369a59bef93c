// Which channels the Engineer charts: any number (the track stack scrolls past what fits).
import { useState } from 'react';
import { TREND_CHANNELS } from '../../lib/channels.js';

export function ChannelPicker({ selected, onChange }: { selected: readonly string[]; onChange: (keys: string[]) => void }): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const toggle = (key: string): void => onChange(selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key]);
  return (
    <div className="channel-picker">
      <button className="btn" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="channels-button">
        Channels ({selected.length}) {open ? '▴' : '▾'}
      </button>
      {open && (
        <div className="channel-menu" data-testid="channel-menu">
          {TREND_CHANNELS.map((c) => (
            <label key={c.key} className="check">
              <input type="checkbox" checked={selected.includes(c.key)} onChange={() => toggle(c.key)} data-testid={`chan-${c.key}`} />
              {c.label}
            </label>
          ))}
          <button className="btn btn-small" onClick={() => setOpen(false)} data-testid="channels-done">Done</button>
        </div>
      )}
    </div>
  );
}
