// The campaign (Production or Plug & Abandonment): switches the limits the engine applies.
import { useState } from 'react';
import { CAMPAIGNS, campaignLabel, type Campaign } from '../../../src-shared/campaign.js';
import { useApp } from '../../store/app-store.js';
import { getBridge } from '../../store/connect.js';
import { Message, type Msg } from './common.js';

export function CampaignPanel({ actor }: { actor: string }): React.JSX.Element {
  const campaign = useApp((s) => s.status?.campaign ?? null);
  const [msg, setMsg] = useState<Msg>(null);
  const switchTo = async (c: Campaign): Promise<void> => {
    const r = await getBridge().call('setCampaign', { campaign: c, actor });
    setMsg(r.ok ? { kind: 'ok', text: `Campaign: ${campaignLabel(r.value.campaign)}` } : { kind: 'err', text: r.error.message });
  };
  return (
    <section className="panel" data-testid="settings-campaign">
      <h3>Campaign</h3>
      <p className="muted">The campaign sets the flow limits, efficiency limits and specialist weights in force.</p>
      <div className="row">
        {CAMPAIGNS.map((c) => (
          <button key={c} className={`btn btn-choice ${campaign === c ? 'chosen' : ''}`} aria-pressed={campaign === c} onClick={() => void switchTo(c)} data-testid={`campaign-${c}`} disabled={!actor.trim()}>
            {campaignLabel(c)}
          </button>
        ))}
      </div>
      {!actor.trim() && <p className="muted">Enter your name above to change the campaign.</p>}
      <Message msg={msg} testid="campaign-result" />
    </section>
  );
}
