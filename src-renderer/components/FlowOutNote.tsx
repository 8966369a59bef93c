// On the flow tiles, under the unit: where flow out comes from and whether flow-based kick
// detection is live ("learning 45/120 s", "paddle calibrated", "flow-out meter", "no flow out").
// Blue while a pump rate is learned (normal), amber when kick and loss are judged on pits only.
import { flowOutNoteText, flowOutSeverity } from '../../src-shared/flow-out.js';
import { useAppLive } from '../store/view-active.js';

/** The flow tiles that carry the note. */
export const FLOW_OUT_NOTE_CHANNELS: ReadonlySet<string> = new Set(['flowBalanceGpm', 'flowOutGpm']);

export function FlowOutNote(): React.JSX.Element | null {
  // Strings, so the tile re-renders only when the words change.
  const text = useAppLive((s) => (s.status?.metrics?.flowOut ? flowOutNoteText(s.status.metrics.flowOut) : null));
  const severity = useAppLive((s) => (s.status?.metrics?.flowOut ? flowOutSeverity(s.status.metrics.flowOut) : null));
  if (text === null || severity === null) return null;
  return (
    <div className={`tile-note tile-note-${severity}`} data-testid="flow-out-note" data-severity={severity} data-may-truncate="true" title={text}>
      {text}
    </div>
  );
}
