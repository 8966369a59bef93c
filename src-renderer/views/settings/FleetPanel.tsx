// The fleet hub link: hub URL, rig id and key, and how the link is doing. The key is write-only:
// the engine never sends it back, so the field stays empty and an empty field keeps the key.
import { useEffect, useState } from 'react';
import { fleetStatusLines } from '../../lib/fleet-status.js';
import { useApp } from '../../store/app-store.js';
import { getBridge } from '../../store/connect.js';
import { Message, type Msg } from './common.js';

export function FleetPanel({ actor }: { actor: string }): React.JSX.Element {
  const fleet = useApp((s) => s.health?.fleet);
  const [hubUrl, setHubUrl] = useState('');
  const [rigId, setRigId] = useState('');
  const [key, setKey] = useState('');
  const [msg, setMsg] = useState<Msg>(null);

  useEffect(() => {
    void getBridge()
      .call('getConfig', {})
      .then((r) => {
        if (!r.ok) return;
        setHubUrl(r.value.fleet.hub_url);
        setRigId(r.value.fleet.rig_id);
      });
  }, []);

  const apply = async (): Promise<void> => {
    const change = { fleet: { hub_url: hubUrl.trim(), rig_id: rigId.trim(), ...(key ? { key } : {}) } };
    const r = await getBridge().call('applyConfig', { config: change, actor });
    if (!r.ok) return setMsg({ kind: 'err', text: r.error.message });
    if (!r.value.ok) return setMsg({ kind: 'err', text: r.value.errors.map((e) => e.message).join('; ') });
    setKey('');
    setMsg({ kind: 'ok', text: r.value.applied ? 'Saved and audited (the key is not shown again).' : 'No change.' });
  };

  return (
    <section className="panel" data-testid="settings-fleet">
      <h3>Fleet hub</h3>
      <dl className="fleet-status" data-testid="fleet-status">
        {fleetStatusLines(fleet, Date.now()).map((l) => (
          <div key={l.label} className={l.warn ? 'form-warn' : ''}>
            <dt>{l.label}</dt>
            <dd>{l.value}</dd>
          </div>
        ))}
      </dl>
      <div className="row">
        <label className="field">Hub URL <input value={hubUrl} onChange={(e) => setHubUrl(e.target.value)} placeholder="https://hub.example.com" data-testid="fleet-hub-url" /></label>
        <label className="field">Rig id <input value={rigId} onChange={(e) => setRigId(e.target.value)} data-testid="fleet-rig-id" /></label>
        <label className="field">Key <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} placeholder={fleet?.configured ? 'unchanged' : 'from the hub'} data-testid="fleet-key" /></label>
        <button className="btn btn-primary" onClick={() => void apply()} disabled={!actor.trim()} data-testid="fleet-apply">Save</button>
      </div>
      <Message msg={msg} testid="fleet-result" />
    </section>
  );
}
