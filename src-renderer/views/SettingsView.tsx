// Settings: data source, configuration (validate then apply, engine messages verbatim next to
// the key), campaign, display units (renderer only), LLM model. Every change names its actor
// and is validated and audited by the engine.
import { useEffect, useMemo, useState } from 'react';
import type { SerialPortInfo } from '../../src-shared/bridge.js';
import type { Campaign } from '../../src-shared/campaign.js';
import { CAMPAIGNS, campaignLabel } from '../../src-shared/campaign.js';
import type { ConfigIssue } from '../../src-shared/config.js';
import type { SourceConfig } from '../../src-shared/source.js';
import type { UnitSystem } from '../../src-shared/units.js';
import { FleetSettings } from '../components/FleetSettings.js';
import { fieldText, flatten, groupOf, parseField, unflatten } from '../lib/config-fields.js';
import { rememberActor, rememberedActor } from '../lib/shift.js';
import { useApp } from '../store/app-store.js';
import { getBridge } from '../store/connect.js';

type Msg = { kind: 'ok' | 'err'; text: string } | null;

function Message({ msg, testid }: { msg: Msg; testid: string }): React.JSX.Element | null {
  if (!msg) return null;
  return <div className={msg.kind === 'ok' ? 'form-ok' : 'form-error'} data-testid={testid}>{msg.text}</div>;
}

function useActor(): [string, (v: string) => void] {
  const [actor, setActor] = useState(() => rememberedActor(localStorage, Date.now()) || '');
  return [actor, (v) => {
    setActor(v);
    rememberActor(localStorage, v, Date.now());
  }];
}

function SourcePanel({ actor }: { actor: string }): React.JSX.Element {
  const source = useApp((s) => s.status?.source ?? null);
  const [kind, setKind] = useState<SourceConfig['kind']>('tcp');
  const [host, setHost] = useState('127.0.0.1');
  const [port, setPort] = useState('5000');
  const [listenPort, setListenPort] = useState('5000');
  const [path, setPath] = useState('');
  const [ports, setPorts] = useState<SerialPortInfo[]>([]);
  const [portNote, setPortNote] = useState<string | null>(null);
  const [baud, setBaud] = useState('9600');
  const [parity, setParity] = useState<'none' | 'even' | 'odd'>('none');
  const [dataBits, setDataBits] = useState<7 | 8>(8);
  const [stopBits, setStopBits] = useState<1 | 2>(1);
  const [file, setFile] = useState('');
  const [speed, setSpeed] = useState('1');
  const [units, setUnits] = useState<UnitSystem>('imperial');
  const [msg, setMsg] = useState<Msg>(null);

  const scan = async (): Promise<void> => {
    const r = await getBridge().call('listSerialPorts', {});
    if (!r.ok) return setPortNote(r.error.message);
    setPorts(r.value.ports);
    setPortNote(r.value.note);
    if (r.value.ports[0] && !path) setPath(r.value.ports[0].path);
  };

  const apply = async (): Promise<void> => {
    let src: SourceConfig;
    if (kind === 'tcp') src = { kind, host, port: Number(port) };
    else if (kind === 'listen') src = { kind, port: Number(listenPort) };
    else if (kind === 'serial') src = { kind, path, baudRate: Number(baud), parity, dataBits, stopBits };
    else if (kind === 'csv') src = { kind, path: file, speed: speed === 'max' ? 'max' : Number(speed) };
    else return;
    const r = await getBridge().call('setSource', { source: src, units, actor });
    setMsg(r.ok ? { kind: 'ok', text: `Source: ${r.value.description} (${r.value.state})` } : { kind: 'err', text: r.error.message });
  };

  return (
    <section className="panel" data-testid="settings-source">
      <h3>Data source</h3>
      <p className="cm-muted" data-testid="source-now">Now: {source ? `${source.description} · ${source.state} · ${source.packets} packets` : '—'}</p>
      <div className="row">
        {(['tcp', 'listen', 'serial', 'csv'] as const).map((k) => (
          <button key={k} className={`btn ${kind === k ? 'chosen' : ''}`} onClick={() => setKind(k)} data-testid={`source-kind-${k}`}>
            {k === 'tcp' ? 'TCP client' : k === 'listen' ? 'TCP listen' : k === 'serial' ? 'Serial' : 'Replay file'}
          </button>
        ))}
      </div>
      {kind === 'tcp' && (
        <div className="row">
          <label>Host <input value={host} onChange={(e) => setHost(e.target.value)} /></label>
          <label>Port <input value={port} onChange={(e) => setPort(e.target.value)} size={6} /></label>
        </div>
      )}
      {kind === 'listen' && (
        <div className="row"><label>Listen port <input value={listenPort} onChange={(e) => setListenPort(e.target.value)} size={6} /></label></div>
      )}
      {kind === 'serial' && (
        <>
          <div className="row">
            <label>Port <select value={path} onChange={(e) => setPath(e.target.value)} data-testid="serial-port">
              <option value="">—</option>
              {ports.map((p) => <option key={p.path} value={p.path}>{p.path}{p.manufacturer ? ` (${p.manufacturer})` : ''}</option>)}
            </select></label>
            <button className="btn" onClick={() => void scan()} data-testid="serial-scan">Scan ports</button>
            {portNote && <span className="cm-muted">{portNote}</span>}
          </div>
          <div className="row">
            <label>Baud <select value={baud} onChange={(e) => setBaud(e.target.value)}>{['1200', '2400', '4800', '9600', '19200', '38400', '57600', '115200'].map((b) => <option key={b}>{b}</option>)}</select></label>
            <label>Parity <select value={parity} onChange={(e) => setParity(e.target.value as typeof parity)}>{['none', 'even', 'odd'].map((b) => <option key={b}>{b}</option>)}</select></label>
            <label>Data bits <select value={dataBits} onChange={(e) => setDataBits(Number(e.target.value) as 7 | 8)}><option>7</option><option>8</option></select></label>
            <label>Stop bits <select value={stopBits} onChange={(e) => setStopBits(Number(e.target.value) as 1 | 2)}><option>1</option><option>2</option></select></label>
          </div>
        </>
      )}
      {kind === 'csv' && (
        <div className="row">
          <label>File <input value={file} onChange={(e) => setFile(e.target.value)} placeholder="/path/to/log.csv" size={28} /></label>
          <label>Speed <select value={speed} onChange={(e) => setSpeed(e.target.value)}>{['1', '2', '5', '10', '60', 'max'].map((s) => <option key={s}>{s}</option>)}</select></label>
        </div>
      )}
      <div className="row">
        <label>Source units <select value={units} onChange={(e) => setUnits(e.target.value as UnitSystem)} data-testid="source-units">
          <option value="imperial">US oilfield</option><option value="metric">Metric</option>
        </select></label>
        <button className="btn btn-primary" onClick={() => void apply()} data-testid="source-apply">Apply source</button>
      </div>
      <Message msg={msg} testid="source-result" />
    </section>
  );
}

function ConfigPanel({ actor }: { actor: string }): React.JSX.Element {
  const [original, setOriginal] = useState<Record<string, unknown> | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [group, setGroup] = useState('thresholds.well_control');
  const [issues, setIssues] = useState<{ errors: ConfigIssue[]; warnings: ConfigIssue[] }>({ errors: [], warnings: [] });
  const [msg, setMsg] = useState<Msg>(null);

  const load = async (): Promise<void> => {
    const r = await getBridge().call('getConfig', {});
    if (!r.ok) return setMsg({ kind: 'err', text: r.error.message });
    const flat = flatten(r.value);
    setOriginal(flat);
    setDraft(Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, fieldText(v)])));
  };
  useEffect(() => {
    void load();
  }, []);

  const groups = useMemo(() => [...new Set(Object.keys(original ?? {}).map(groupOf))], [original]);
  const keys = Object.keys(original ?? {}).filter((k) => groupOf(k) === group);
  const errorFor = (k: string): ConfigIssue[] => issues.errors.filter((e) => e.key === k);
  const warningFor = (k: string): ConfigIssue[] => issues.warnings.filter((e) => e.key === k);
  const unplaced = issues.errors.filter((e) => !(original && e.key in original));

  const buildConfig = (): Record<string, unknown> =>
    unflatten(Object.fromEntries(Object.entries(draft).map(([k, t]) => [k, parseField(t, original?.[k])])));

  const validate = async (): Promise<boolean> => {
    const r = await getBridge().call('validateConfig', { config: buildConfig() });
    if (!r.ok) {
      setMsg({ kind: 'err', text: r.error.message });
      return false;
    }
    setIssues({ errors: r.value.errors, warnings: r.value.warnings });
    setMsg(r.value.ok ? { kind: 'ok', text: 'Valid.' } : { kind: 'err', text: `${r.value.errors.length} error(s): not applied.` });
    return r.value.ok;
  };

  const apply = async (): Promise<void> => {
    if (!(await validate())) return;
    const r = await getBridge().call('applyConfig', { config: buildConfig(), actor });
    if (!r.ok) return setMsg({ kind: 'err', text: r.error.message });
    setIssues({ errors: r.value.errors, warnings: r.value.warnings });
    setMsg(r.value.applied ? { kind: 'ok', text: 'Applied and audited.' } : { kind: 'err', text: 'Refused by the engine.' });
    if (r.value.applied) void load();
  };

  return (
    <section className="panel panel-config" data-testid="settings-config">
      <h3>Well configuration &amp; thresholds</h3>
      <div className="row tabs">
        {groups.map((g) => (
          <button key={g} className={`btn btn-tab ${g === group ? 'chosen' : ''} ${issues.errors.some((e) => groupOf(e.key) === g) ? 'has-error' : ''}`} onClick={() => setGroup(g)} data-testid={`cfg-group-${g}`}>
            {g.replace('thresholds.', '')}
          </button>
        ))}
      </div>
      <div className="cfg-fields scroll">
        {keys.map((k) => (
          <div key={k} className={`cfg-field ${errorFor(k).length ? 'has-error' : ''}`}>
            <label htmlFor={`cfg-${k}`}>{k.split('.').slice(-1)[0]}</label>
            <input id={`cfg-${k}`} data-testid={`cfg-${k}`} value={draft[k] ?? ''} onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))} />
            {errorFor(k).map((e, i) => <span key={i} className="form-error" data-testid={`cfg-error-${k}`}>{e.message}</span>)}
            {warningFor(k).map((e, i) => <span key={i} className="form-warn">{e.message}</span>)}
          </div>
        ))}
      </div>
      {unplaced.map((e, i) => <div key={i} className="form-error" data-testid="cfg-error-other">{e.key}: {e.message}</div>)}
      <div className="row">
        <button className="btn" onClick={() => void validate()} data-testid="cfg-validate">Validate</button>
        <button className="btn btn-primary" onClick={() => void apply()} data-testid="cfg-apply" disabled={!actor.trim()}>Apply</button>
        <button className="btn" onClick={() => { setIssues({ errors: [], warnings: [] }); setMsg(null); void load(); }}>Revert</button>
      </div>
      <Message msg={msg} testid="cfg-result" />
    </section>
  );
}

function CampaignPanel({ actor }: { actor: string }): React.JSX.Element {
  const campaign = useApp((s) => s.status?.campaign ?? null);
  const [msg, setMsg] = useState<Msg>(null);
  const switchTo = async (c: Campaign): Promise<void> => {
    const r = await getBridge().call('setCampaign', { campaign: c, actor });
    setMsg(r.ok ? { kind: 'ok', text: `Campaign: ${campaignLabel(r.value.campaign)}` } : { kind: 'err', text: r.error.message });
  };
  return (
    <section className="panel" data-testid="settings-campaign">
      <h3>Campaign</h3>
      <div className="row">
        {CAMPAIGNS.map((c) => (
          <button key={c} className={`btn ${campaign === c ? 'chosen' : ''}`} onClick={() => void switchTo(c)} data-testid={`campaign-${c}`} disabled={!actor.trim()}>
            {campaignLabel(c)}
          </button>
        ))}
      </div>
      <Message msg={msg} testid="campaign-result" />
    </section>
  );
}

function UnitsPanel(): React.JSX.Element {
  const units = useApp((s) => s.units);
  const setUnits = useApp((s) => s.setUnits);
  return (
    <section className="panel" data-testid="settings-units">
      <h3>Display units (this screen only)</h3>
      <div className="row">
        <button className={`btn btn-big ${units === 'imperial' ? 'chosen' : ''}`} onClick={() => setUnits('imperial')} data-testid="units-imperial">US oilfield</button>
        <button className={`btn btn-big ${units === 'metric' ? 'chosen' : ''}`} onClick={() => setUnits('metric')} data-testid="units-metric">Metric</button>
      </div>
    </section>
  );
}

function LlmPanel({ actor }: { actor: string }): React.JSX.Element {
  const llm = useApp((s) => s.status?.llm ?? null);
  const [path, setPath] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [msg, setMsg] = useState<Msg>(null);
  const apply = async (): Promise<void> => {
    const r = await getBridge().call('setLlmModel', { path, enabled, actor });
    setMsg(r.ok ? { kind: 'ok', text: `${r.value.mode}${r.value.model ? ` · ${r.value.model}` : ''}: ${r.value.detail}` } : { kind: 'err', text: r.error.message });
  };
  return (
    <section className="panel" data-testid="settings-llm">
      <h3>AI explainer (local model)</h3>
      <p className="cm-muted">Now: {llm ? `${llm.mode}${llm.model ? ` · ${llm.model}` : ''}${llm.device ? ` on ${llm.device}` : ''}` : '—'}</p>
      <div className="row">
        <label>Model file <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/models/model.gguf" size={28} /></label>
        <label><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> enabled</label>
        <button className="btn btn-primary" onClick={() => void apply()} disabled={!actor.trim()}>Apply</button>
      </div>
      <Message msg={msg} testid="llm-result" />
    </section>
  );
}

export function SettingsView(): React.JSX.Element {
  const [actor, setActor] = useActor();
  return (
    <div className="view view-settings" data-testid="view-settings">
      <div className="settings-col">
        <section className="panel">
          <h3>Your name (recorded with every change)</h3>
          <input className="field-big" value={actor} onChange={(e) => setActor(e.target.value)} data-testid="settings-actor" placeholder="Name" />
        </section>
        <UnitsPanel />
        <CampaignPanel actor={actor} />
        <LlmPanel actor={actor} />
        <FleetSettings actor={actor} />
      </div>
      <div className="settings-col"><SourcePanel actor={actor} /></div>
      <div className="settings-col settings-col-wide"><ConfigPanel actor={actor} /></div>
    </div>
  );
}
