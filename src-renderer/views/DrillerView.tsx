// Driller: the advisory, the numbers that matter (big enough to read from two metres with
// gloves on) and which way they are moving. Small parts, so later panels can slot in.
import { AdvisoryBanner } from '../components/AdvisoryBanner.js';
import { DrillerTrends } from './driller/DrillerTrends.js';
import { TileGrid } from './driller/TileGrid.js';
import { OptimumHint } from '../components/OptimumHint.js';

export function DrillerView(): React.JSX.Element {
  return (
    <div className="view view-driller" data-testid="view-driller">
      <AdvisoryBanner />
      <OptimumHint />
      <div className="driller-body">
        <TileGrid />
        <DrillerTrends />
      </div>
    </div>
  );
}
