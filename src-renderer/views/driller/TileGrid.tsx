// The tiles for the work in hand: the rig state picks drilling, tripping or circulating, each
// with the driller's own choice of channels (Choose tiles).
import { useState } from 'react';
import { OPERATION_CODES } from '../../../src-shared/campaign.js';
import { Tile } from '../../components/Tile.js';
import { useBoxSize } from '../../components/chart/use-box-size.js';
import { TilePicker } from '../../components/TilePicker.js';
import { TILE_GROUPS, tileChannel, tileColumns, tileGroupOf } from '../../lib/tiles.js';
import { usePrefs } from '../../store/prefs-store.js';
import { useAppLive } from '../../store/view-active.js';

export function TileGrid(): React.JSX.Element {
  const rigState = useAppLive((s) => s.status?.rigState ?? null);
  const operation = useAppLive((s) => s.status?.operation ?? null);
  const group = tileGroupOf(rigState);
  const keys = usePrefs((p) => p.tiles[group]);
  const [picking, setPicking] = useState(false);
  const channels = keys.map(tileChannel).filter((c) => c !== null);
  const [box, size] = useBoxSize();
  const cols = size ? tileColumns(channels.length, size.w, size.h) : 3;
  return (
    <section className="tile-area" aria-label="Live values">
      <div className="tile-head">
        <span className="rig-state" data-testid="value-rig-state">{rigState ?? '—'}</span>
        {operation && <span className="muted" data-testid="value-operation">{operation} ({OPERATION_CODES[operation]})</span>}
        <span className="muted" data-testid="tile-group" data-group={group}>tiles for {TILE_GROUPS.find((g) => g.group === group)?.label.toLowerCase()}</span>
        <span className="spacer" />
        <button className="btn btn-small" onClick={() => setPicking(true)} data-testid="choose-tiles">Choose tiles</button>
      </div>
      <div className="tiles" ref={box} data-testid="tiles" data-columns={cols} style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${Math.ceil(channels.length / cols)}, minmax(0, 1fr))` }}>
        {channels.map((c) => (
          <Tile key={c.key} channel={c} />
        ))}
      </div>
      {picking && <TilePicker initialGroup={group} onClose={() => setPicking(false)} />}
    </section>
  );
}
