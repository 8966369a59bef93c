// Settings, by what a person comes to do: this screen's display, the campaign, the data source,
// thresholds and settings, the AI explainer. Every engine change names its actor and is
// validated and audited by the engine.
import { useState } from 'react';
import { CampaignPanel } from './settings/CampaignPanel.js';
import { ConfigPanel } from './settings/ConfigPanel.js';
import { DisplayPanel } from './settings/DisplayPanel.js';
import { LlmPanel } from './settings/LlmPanel.js';
import { SourcePanel } from './settings/SourcePanel.js';
import { useActor } from './settings/common.js';

const SECTIONS = [
  { id: 'display', label: 'This screen' },
  { id: 'campaign', label: 'Campaign' },
  { id: 'source', label: 'Data source' },
  { id: 'config', label: 'Thresholds & settings' },
  { id: 'llm', label: 'AI explainer' },
] as const;
type Section = (typeof SECTIONS)[number]['id'];

export function SettingsView(): React.JSX.Element {
  const [actor, setActor] = useActor();
  const [section, setSection] = useState<Section>('display');
  return (
    <div className="view view-settings" data-testid="view-settings">
      <div className="settings-head">
        <label className="field field-actor">
          Your name (recorded with every change)
          <input className="field-big" value={actor} onChange={(e) => setActor(e.target.value)} data-testid="settings-actor" placeholder="Name" />
        </label>
        <nav className="settings-nav" aria-label="Settings sections">
          {SECTIONS.map((s) => (
            <button key={s.id} className={`btn btn-section ${s.id === section ? 'chosen' : ''}`} aria-current={s.id === section ? 'page' : undefined} onClick={() => setSection(s.id)} data-testid={`settings-section-${s.id}`}>
              {s.label}
            </button>
          ))}
        </nav>
      </div>
      {/* every section stays mounted (hidden when not chosen): a half-edited form survives a look elsewhere */}
      <div className="settings-body">
        <div className="settings-section" hidden={section !== 'display'}><DisplayPanel /></div>
        <div className="settings-section" hidden={section !== 'campaign'}><CampaignPanel actor={actor} /></div>
        <div className="settings-section" hidden={section !== 'source'}><SourcePanel actor={actor} /></div>
        <div className="settings-section settings-section-fill" hidden={section !== 'config'}><ConfigPanel actor={actor} /></div>
        <div className="settings-section" hidden={section !== 'llm'}><LlmPanel actor={actor} /></div>
      </div>
    </div>
  );
}
