// Settings: the fleet hub link (hub URL, rig id, key) and how it is doing. The key is write-only:
// the engine never sends it back, so the field stays empty and an empty field keeps the key.
import { useEffect, useState } from 'react';
import { useApp } from '../store/app-store.js';
import { getBridge } from '../store/connect.js';
import { fleetStatusLines } from '../lib/fleet-status.js';

export function FleetSettings({ actor }: { actor: string }): React.JSX.Element {
  const fleet = useApp((s) => s.health?.fleet);
  const [hubUrl, setHubUrl] = useState('');
  const [rigId, setRigId] = useState('');
  const [key, setKey] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);

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
    if (!r.ok) return setMsg({ ok: false, text: r.error.message });
    if (!r.value.ok) return setMsg({ ok: false, text: r.value.errors.map((e) => e.message).join('; ') });
    setKey('');
    setMsg({ ok: true, text: r.value.applied ? 'Saved and audited (the key is not shown again).' : 'No change.' });
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
        <label>Hub URL <input value={hubUrl} onChange={(e) => setHubUrl(e.target.value)} placeholder="https://hub.example.com" size={28} data-testid="fleet-hub-url" /></label>
      </div>
      <div className="row">
        <label>Rig id <input value={rigId} onChange={(e) => setRigId(e.target.value)} size={14} data-testid="fleet-rig-id" /></label>
        <label>Key <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} placeholder={fleet?.configured ? 'unchanged' : 'from the hub'} size={20} data-testid="fleet-key" /></label>
        <button className="btn btn-primary" onClick={() => void apply()} disabled={!actor.trim()} data-testid="fleet-apply">Save</button>
      </div>
      {msg && <div className={msg.ok ? 'form-ok' : 'form-error'} data-testid="fleet-result">{msg.text}</div>}
    </section>
  );
}
