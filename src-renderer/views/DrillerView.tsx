// Driller: the numbers that matter, big enough to read from two metres with gloves on.
import { OPERATION_CODES } from '../../src-shared/campaign.js';
import type { Quantity } from '../../src-shared/units.js';
import type { AppState } from '../store/app-store.js';
import { useApp } from '../store/app-store.js';
import { useAppLive } from '../store/view-active.js';
import { show } from '../lib/format.js';
import { AdvisoryBanner } from '../components/AdvisoryBanner.js';

type Level = 'ok' | 'warn' | 'crit';

interface TileSpec {
  id: string;
  label: string;
  quantity: Quantity;
  pick: (s: AppState) => number | null;
  level?: (v: number) => Level;
}

const p = (k: keyof NonNullable<NonNullable<AppState['status']>['packet']>) => (s: AppState): number | null => {
  const v = s.status?.packet?.[k];
  return typeof v === 'number' ? v : null;
};
const m = (k: keyof NonNullable<NonNullable<AppState['status']>['metrics']>) => (s: AppState): number | null => {
  const v = s.status?.metrics?.[k];
  return typeof v === 'number' ? v : null;
};

// Default alert bands from DOMAIN.md (flow ±10/±20 gpm, pit gain 5/10 bbl, pit rate 5/15 bbl/hr, ECD margin 0.3/0.1 ppg).
const flowLevel = (v: number): Level => (Math.abs(v) >= 20 ? 'crit' : Math.abs(v) >= 10 ? 'warn' : 'ok');
const pitLevel = (v: number): Level => (Math.abs(v) >= 10 ? 'crit' : Math.abs(v) >= 5 ? 'warn' : 'ok');
const pitRateLevel = (v: number): Level => (Math.abs(v) >= 15 ? 'crit' : Math.abs(v) >= 5 ? 'warn' : 'ok');
const ecdLevel = (v: number): Level => (v <= 0.1 ? 'crit' : v <= 0.3 ? 'warn' : 'ok');
// Trip sheet ([trip] defaults): gain 1.5/4 bbl, loss 2/5 bbl that the pipe does not explain.
const tripLevel = (v: number): Level => (v >= 4 || v <= -5 ? 'crit' : v >= 1.5 || v <= -2 ? 'warn' : 'ok');

export const DRILLER_TILES: readonly TileSpec[] = [
  { id: 'wob', label: 'WOB', quantity: 'force', pick: p('wobKlbf') },
  { id: 'rop', label: 'ROP', quantity: 'rop', pick: p('ropFtHr') },
  { id: 'rpm', label: 'RPM', quantity: 'speed', pick: p('rpm') },
  { id: 'torque', label: 'Torque', quantity: 'torque', pick: p('torqueKftLbf') },
  { id: 'spp', label: 'SPP', quantity: 'pressure', pick: p('sppPsi') },
  { id: 'flow-in', label: 'Flow in', quantity: 'flow', pick: p('flowInGpm') },
  { id: 'flow-out', label: 'Flow out', quantity: 'flow', pick: p('flowOutGpm') },
  { id: 'flow-balance', label: 'Flow balance', quantity: 'flow', pick: m('flowBalanceGpm'), level: flowLevel },
  { id: 'pit-volume', label: 'Pit volume', quantity: 'volume', pick: p('pitVolumeBbl') },
  { id: 'pit-gain', label: 'Pit gain', quantity: 'volume', pick: m('pitGainBbl'), level: pitLevel },
  { id: 'pit-rate', label: 'Pit rate', quantity: 'volumeRate', pick: m('pitRateBblHr'), level: pitRateLevel },
  { id: 'ecd-margin', label: 'ECD margin', quantity: 'density', pick: m('ecdMarginPpg'), level: ecdLevel },
  { id: 'trip-tank', label: 'Trip tank', quantity: 'volume', pick: p('tripTankBbl') },
  { id: 'trip-sheet', label: 'Trip sheet (unexplained)', quantity: 'volume', pick: m('tripTankGainBbl'), level: tripLevel },
  { id: 'hole-depth', label: 'Hole depth', quantity: 'depth', pick: p('holeDepthFt') },
  { id: 'bit-depth', label: 'Bit depth', quantity: 'depth', pick: p('bitDepthFt') },
];

function Tile({ spec }: { spec: TileSpec }): React.JSX.Element {
  const value = useAppLive(spec.pick);
  const units = useApp((s) => s.units);
  const shown = show(value, spec.quantity, units);
  const level = value !== null && spec.level ? spec.level(value) : 'ok';
  const signed = spec.id === 'flow-balance' || spec.id === 'pit-gain' || spec.id === 'trip-sheet';
  const text = signed && value !== null && value > 0 ? `+${shown.text}` : shown.text;
  return (
    <div className={`tile tile-${level}`} data-testid={`tile-${spec.id}`} data-level={level}>
      <div className="tile-label">{spec.label}</div>
      <div className="tile-value" data-testid={`value-${spec.id}`}>{text}</div>
      <div className="tile-unit" data-testid={`unit-${spec.id}`}>{shown.unit}</div>
    </div>
  );
}

function StateTile(): React.JSX.Element {
  const rigState = useAppLive((s) => s.status?.rigState ?? '—');
  const operation = useAppLive((s) => s.status?.operation ?? null);
  return (
    <div className="tile tile-state" data-testid="tile-rig-state">
      <div className="tile-label">Rig state</div>
      <div className="tile-value tile-value-word" data-testid="value-rig-state">{rigState}</div>
      <div className="tile-unit">{operation ? `${operation} (${OPERATION_CODES[operation]})` : ''}</div>
    </div>
  );
}

export function DrillerView(): React.JSX.Element {
  return (
    <div className="view view-driller" data-testid="view-driller">
      <AdvisoryBanner />
      <div className="tiles">
        {DRILLER_TILES.map((t) => (
          <Tile key={t.id} spec={t} />
        ))}
        <StateTile />
      </div>
    </div>
  );
}
