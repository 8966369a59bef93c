// The current advisory, full width, coloured by risk: GREEN Low, AMBER Elevated/High, RED
// Critical. One obvious action: the first clause of the recommendation in large type (in this
// screen's units), the diagnosis on one line under it, and Acknowledge (key A) / Silence (S).
import { actionLine, displayText, oneLine } from '../lib/advisory-text.js';
import { shouldSound } from '../lib/alarm-logic.js';
import { selectCurrentAdvisory, useApp } from '../store/app-store.js';
import { usePrefs } from '../store/prefs-store.js';
import { EnableSoundButton } from './Alarm.js';

export function riskClass(risk: string | undefined): string {
  if (risk === 'Critical') return 'risk-red';
  if (risk === 'High' || risk === 'Elevated') return 'risk-amber';
  return 'risk-green';
}

export function AdvisoryBanner(): React.JSX.Element {
  const advisory = useApp(selectCurrentAdvisory);
  const ack = useApp((s) => (advisory ? s.acks.find((a) => a.advisoryId === advisory.id) ?? null : null));
  const sounding = useApp((s) => shouldSound(s.alarm));
  const openAck = useApp((s) => s.openAck);
  const silence = useApp((s) => s.silenceAlarm);
  const setView = useApp((s) => s.setView);
  const units = usePrefs((p) => p.units);

  if (!advisory) {
    return (
      <div className="advisory-banner risk-green" data-testid="advisory-banner" data-risk="None">
        <div className="adv-risk">NORMAL</div>
        <div className="adv-body">
          <div className="adv-title">No active advisory</div>
        </div>
      </div>
    );
  }
  const text = displayText(advisory, units);
  const diagnosis = oneLine(text.diagnosis);
  const action = actionLine(text.recommendation);
  return (
    <div className={`advisory-banner ${riskClass(advisory.riskLevel)}`} data-testid="advisory-banner" data-risk={advisory.riskLevel} data-advisory-id={advisory.id}>
      <div className="adv-risk">{advisory.riskLevel.toUpperCase()}</div>
      <div className="adv-body">
        <div className="adv-action" data-testid="advisory-recommendation" title={text.recommendation}>→ {action}</div>
        {/* one line; the full text is in the title and in the Company man view */}
        <div className="adv-diagnosis" data-testid="advisory-diagnosis" title={diagnosis} data-may-truncate="true">{diagnosis}</div>
      </div>
      <div className="adv-actions">
        {sounding && (
          <button className="btn btn-big btn-silence" data-testid="silence-button" onClick={silence} aria-keyshortcuts="S">
            Silence <kbd>S</kbd>
          </button>
        )}
        <EnableSoundButton />
        <button className="btn btn-details" data-testid="advisory-details" onClick={() => setView('company')}>
          Details
        </button>
        {ack ? (
          <div className="adv-acked" data-testid="advisory-acked">
            Acknowledged by {ack.actor}: {ack.action}
          </div>
        ) : (
          <button className="btn btn-big btn-ack" data-testid="ack-button" onClick={() => openAck(advisory.id)} aria-keyshortcuts="A">
            Acknowledge <kbd>A</kbd>
          </button>
        )}
      </div>
    </div>
  );
}
