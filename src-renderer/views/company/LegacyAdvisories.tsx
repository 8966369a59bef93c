// Advisories recorded before alarm events existed (no event id): still listed, one row per run of
// the same fault (lib/group-advisories.ts), so nothing a person acknowledged before is lost from view.
import { useMemo } from 'react';
import type { Advisory } from '../../../src-shared/advisory.js';
import { ackSummary, groupAdvisories } from '../../lib/group-advisories.js';
import { FAULT_LABEL } from '../../lib/fault-labels.js';
import { riskClass } from '../../lib/risk-class.js';
import { clockText, type ClockStyle } from '../../lib/time-format.js';

export function LegacyAdvisories({ advisories, ackedIds, selectedId, clock, onPick }: {
  advisories: readonly Advisory[];
  ackedIds: ReadonlySet<string>;
  selectedId: string | null;
  clock: ClockStyle;
  onPick: (advisoryId: string) => void;
}): React.JSX.Element | null {
  const groups = useMemo(() => groupAdvisories(advisories, ackedIds), [advisories, ackedIds]);
  if (groups.length === 0) return null;
  return (
    <>
      <h4 className="cm-legacy-title">Before alarm events</h4>
      {groups.map((g) => (
        <div className="cm-event" key={g.key} data-testid="cm-legacy" data-count={g.count}>
          <button className={`cm-item ${riskClass(g.riskLevel)} ${g.members.some((a) => a.id === selectedId) ? 'selected' : ''}`} onClick={() => onPick(g.latest.id)}>
            <span className="cm-item-line"><b>{g.riskLevel}</b> {FAULT_LABEL[g.fault]}{g.count > 1 && <span className="cm-count"> ×{g.count}</span>}</span>
            <span className="cm-item-sub">{g.count > 1 ? `${clockText(g.firstMs, clock)} – ${clockText(g.lastMs, clock)}` : clockText(g.lastMs, clock)}</span>
            <span className={`cm-item-sub ${g.latestAcked ? '' : 'cm-unacked'}`}>{ackSummary(g)}</span>
          </button>
        </div>
      ))}
    </>
  );
}
