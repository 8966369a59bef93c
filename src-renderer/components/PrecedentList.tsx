// The precedents of an advisory: "F-7, 2,310 m, 3 weeks ago: pack-off, circulated and reamed,
// resolved" for rig history (recall), the text for knowledge-base entries.
import type { Advisory } from '../../src-shared/advisory.js';
import { precedentView } from '../lib/precedent-text.js';
import { usePrefs } from '../store/prefs-store.js';

export function PrecedentList({ advisory, limit = 3 }: { advisory: Advisory; limit?: number }): React.JSX.Element {
  const units = usePrefs((p) => p.units);
  if (advisory.precedents.length === 0) return <p className="muted">None found.</p>;
  return (
    <ul data-testid="cm-precedents" className="precedents">
      {advisory.precedents.slice(0, limit).map((p) => {
        const v = precedentView(p, advisory.timeMs, units);
        return (
          <li key={v.id} data-testid="precedent" data-outcome={v.outcome ?? ''}>
            {v.head && <b>{v.head}: </b>}
            {v.what} <span className="muted">({v.source})</span>
          </li>
        );
      })}
    </ul>
  );
}
