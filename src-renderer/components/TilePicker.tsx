// The driller chooses the tiles for each kind of work; kept on this screen (localStorage).
import { useState } from 'react';
import { CHANNEL_BY_KEY } from '../lib/channels.js';
import { DEFAULT_TILES, MAX_TILES, TILE_CHANNELS, TILE_GROUPS, type TileGroup } from '../lib/tiles.js';
import { usePrefs } from '../store/prefs-store.js';
import { Modal } from './Modal.js';

export function TilePicker({ initialGroup, onClose }: { initialGroup: TileGroup; onClose: () => void }): React.JSX.Element {
  const saved = usePrefs((p) => p.tiles);
  const setTiles = usePrefs((p) => p.setTiles);
  const [group, setGroup] = useState<TileGroup>(initialGroup);
  const [draft, setDraft] = useState<Record<TileGroup, string[]>>(() => ({ ...saved }));
  const chosen = draft[group];
  const toggle = (key: string): void =>
    setDraft((d) => {
      const list = d[group];
      const next = list.includes(key) ? list.filter((k) => k !== key) : list.length >= MAX_TILES ? list : [...list, key];
      return { ...d, [group]: next };
    });
  const saveAll = (): void => {
    for (const g of TILE_GROUPS) if (draft[g.group].length) setTiles(g.group, draft[g.group]);
    onClose();
  };
  return (
    <Modal title="Driller tiles" onClose={onClose} testId="tile-picker" className="modal-tiles">
      <div className="row" role="tablist">
        {TILE_GROUPS.map((g) => (
          <button key={g.group} role="tab" aria-selected={g.group === group} className={`btn ${g.group === group ? 'chosen' : ''}`} onClick={() => setGroup(g.group)} data-testid={`tile-group-${g.group}`}>
            {g.label}
          </button>
        ))}
      </div>
      <p className="muted">Shown while {TILE_GROUPS.find((g) => g.group === group)?.label.toLowerCase()}: {chosen.length} of at most {MAX_TILES}.</p>
      <div className="tile-choices">
        {TILE_CHANNELS.map((key) => (
          <label key={key} className="check">
            <input type="checkbox" checked={chosen.includes(key)} onChange={() => toggle(key)} data-testid={`tile-choice-${key}`} />
            {CHANNEL_BY_KEY.get(key)?.label ?? key}
          </label>
        ))}
      </div>
      <div className="modal-buttons">
        <button className="btn" onClick={() => setDraft((d) => ({ ...d, [group]: [...DEFAULT_TILES[group]] }))} data-testid="tile-reset">Defaults for this work</button>
        <button className="btn" onClick={onClose}>Cancel</button>
        <button className="btn btn-primary" onClick={saveAll} disabled={chosen.length === 0} data-testid="tile-save">Save</button>
      </div>
    </Modal>
  );
}
