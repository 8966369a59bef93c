// The data source: what is in use now (from the live status, so it is true after a reload too),
// choose another (rig feed or the simulator back), test it without applying it, apply it and
// watch it go connecting -> connected.
import { useEffect, useRef, useState } from 'react';
import type { SerialPortInfo } from '../../../src-shared/bridge.js';
import type { UnitSystem } from '../../../src-shared/units.js';
import { ageText } from '../../lib/time-format.js';
import { useApp } from '../../store/app-store.js';
import { useNow } from '../../store/clock-store.js';
import { getBridge } from '../../store/connect.js';
import { Message, type Msg } from './common.js';
import { BAUD_RATES, EMPTY_DRAFT, KIND_LABEL, SCENARIOS, configFrom, draftFrom, type SourceDraft, type SourceKind } from './source-draft.js';

const KINDS: readonly SourceKind[] = ['tcp', 'listen', 'serial', 'csv', 'simulator'];

function InUse(): React.JSX.Element {
  const source = useApp((s) => s.status?.source ?? null);
  const lastDataAtMs = useApp((s) => s.feedClock.lastDataAtMs);
  const nowMs = useNow((n) => n.nowMs);
  if (!source) return <p className="muted" data-testid="source-now">In use: —</p>;
  const last = lastDataAtMs !== null ? ` · last data ${ageText(nowMs - lastDataAtMs)} ago` : '';
  return (
    <p data-testid="source-now" data-kind={source.kind}>
      In use: <b>{source.description}</b> ·{' '}
      <span className={`source-state state-${source.state}`} data-testid="source-state" data-state={source.state}>{source.state}</span> · {source.packets} packets{last}
      {source.detail && source.state !== 'connected' ? <span className="muted"> ({source.detail})</span> : null}
    </p>
  );
}

function SerialFields({ d, set }: { d: SourceDraft; set: (p: Partial<SourceDraft>) => void }): React.JSX.Element {
  const [ports, setPorts] = useState<SerialPortInfo[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const scan = async (): Promise<void> => {
    const r = await getBridge().call('listSerialPorts', {});
    if (!r.ok) return setNote(r.error.message);
    setPorts(r.value.ports);
    setNote(r.value.note);
    if (r.value.ports[0] && !d.path) set({ path: r.value.ports[0].path });
  };
  // listed as soon as the serial form opens: no button to find
  useEffect(() => {
    void scan();
  }, []);
  return (
    <>
      <div className="row">
        <label className="field">Port
          <input list="serial-ports" value={d.path} onChange={(e) => set({ path: e.target.value })} placeholder="/dev/ttyUSB0 or COM3" data-testid="serial-port" />
        </label>
        <datalist id="serial-ports">{(ports ?? []).map((p) => <option key={p.path} value={p.path}>{p.manufacturer ?? ''}</option>)}</datalist>
        <button className="btn btn-small" onClick={() => void scan()} data-testid="serial-refresh">Refresh</button>
      </div>
      <p className="muted" data-testid="serial-ports-found">
        {ports === null ? 'Looking for serial ports…' : ports.length ? `Found: ${ports.map((p) => `${p.path}${p.manufacturer ? ` (${p.manufacturer})` : ''}`).join(', ')}` : (note ?? 'No serial ports found.')}
      </p>
      <div className="row">
        <label className="field">Baud <select value={d.baud} onChange={(e) => set({ baud: e.target.value })} data-testid="serial-baud">{BAUD_RATES.map((b) => <option key={b}>{b}</option>)}</select></label>
        <label className="field">Parity <select value={d.parity} onChange={(e) => set({ parity: e.target.value as SourceDraft['parity'] })}>{['none', 'even', 'odd'].map((b) => <option key={b}>{b}</option>)}</select></label>
        <label className="field">Data bits <select value={d.dataBits} onChange={(e) => set({ dataBits: Number(e.target.value) as 7 | 8 })}><option>7</option><option>8</option></select></label>
        <label className="field">Stop bits <select value={d.stopBits} onChange={(e) => set({ stopBits: Number(e.target.value) as 1 | 2 })}><option>1</option><option>2</option></select></label>
        <label className="field">Flow control
          <select value={d.flowControl} onChange={(e) => set({ flowControl: e.target.value as SourceDraft['flowControl'] })} data-testid="serial-flow-control">
            <option value="none">None</option><option value="rtscts">RTS/CTS (hardware)</option><option value="xonxoff">XON/XOFF (software)</option>
          </select>
        </label>
      </div>
    </>
  );
}

function KindFields({ d, set }: { d: SourceDraft; set: (p: Partial<SourceDraft>) => void }): React.JSX.Element | null {
  switch (d.kind) {
    case 'tcp':
      return (
        <div className="row">
          <label className="field">Host <input value={d.host} onChange={(e) => set({ host: e.target.value })} data-testid="source-host" /></label>
          <label className="field">Port <input value={d.port} onChange={(e) => set({ port: e.target.value })} size={6} inputMode="numeric" data-testid="source-port" /></label>
        </div>
      );
    case 'listen':
      return <div className="row"><label className="field">Listen on port <input value={d.listenPort} onChange={(e) => set({ listenPort: e.target.value })} size={6} inputMode="numeric" data-testid="source-listen-port" /></label></div>;
    case 'serial':
      return <SerialFields d={d} set={set} />;
    case 'csv':
      return (
        <div className="row">
          <label className="field">File <input value={d.file} onChange={(e) => set({ file: e.target.value })} placeholder="/path/to/log.csv" data-testid="source-file" /></label>
          <label className="field">Speed <select value={d.speed} onChange={(e) => set({ speed: e.target.value })}>{['1', '2', '5', '10', '60', 'max'].map((s) => <option key={s}>{s}</option>)}</select></label>
        </div>
      );
    case 'simulator':
      return (
        <div className="row">
          <label className="field">Scenario <select value={d.scenario} onChange={(e) => set({ scenario: e.target.value })} data-testid="source-scenario">{SCENARIOS.map((s) => <option key={s}>{s}</option>)}</select></label>
          <label className="field">Speed <select value={d.simSpeed} onChange={(e) => set({ simSpeed: e.target.value })}>{['1', '2', '5', '10', '100'].map((s) => <option key={s}>{s}</option>)}</select></label>
        </div>
      );
    default:
      return null;
  }
}

export function SourcePanel({ actor }: { actor: string }): React.JSX.Element {
  const inUse = useApp((s) => s.status?.source.config ?? null);
  const inUseUnits = useApp((s) => s.status?.source.units ?? null);
  const [d, setD] = useState<SourceDraft>(EMPTY_DRAFT);
  const [units, setUnits] = useState<UnitSystem>('imperial');
  const [sameRig, setSameRig] = useState(false);
  const [msg, setMsg] = useState<Msg>(null);
  const [test, setTest] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<'test' | 'apply' | null>(null);
  const filled = useRef(false);
  // the form opens on the source in use (once known; a reload shows it again)
  useEffect(() => {
    if (filled.current || !inUse) return;
    filled.current = true;
    setD(draftFrom(inUse));
    if (inUseUnits) setUnits(inUseUnits);
  }, [inUse, inUseUnits]);
  const set = (p: Partial<SourceDraft>): void => {
    setD((x) => ({ ...x, ...p }));
    setTest(null);
  };

  const runTest = async (): Promise<void> => {
    setBusy('test');
    setTest(null);
    const r = await getBridge().call('testSource', { source: configFrom(d) });
    setBusy(null);
    setTest(r.ok ? { ok: r.value.ok, text: `${r.value.ok ? 'Works' : 'Does not work'}: ${r.value.message}` } : { ok: false, text: r.error.message });
  };
  const apply = async (): Promise<void> => {
    setBusy('apply');
    const r = await getBridge().call('setSource', { source: configFrom(d), units, sameRig, actor });
    setBusy(null);
    setMsg(r.ok ? { kind: 'ok', text: `Switched to ${r.value.description}. Its state shows above.` } : { kind: 'err', text: r.error.message });
  };

  return (
    <section className="panel" data-testid="settings-source">
      <h3>Data source</h3>
      <InUse />
      <div className="row" role="radiogroup" aria-label="Source kind">
        {KINDS.map((k) => (
          <button key={k} role="radio" aria-checked={d.kind === k} className={`btn ${d.kind === k ? 'chosen' : ''}`} onClick={() => set({ kind: k })} data-testid={`source-kind-${k}`}>
            {KIND_LABEL[k]}
          </button>
        ))}
      </div>
      <KindFields d={d} set={set} />
      <div className="row">
        <label className="field">The rig sends
          <select value={units} onChange={(e) => setUnits(e.target.value as UnitSystem)} data-testid="source-units">
            <option value="imperial">US oilfield units</option><option value="metric">Metric units</option>
          </select>
        </label>
        <label className="check"><input type="checkbox" checked={sameRig} onChange={(e) => setSameRig(e.target.checked)} data-testid="source-same-rig" /> Same rig (keep the learned baseline)</label>
      </div>
      <div className="row">
        <button className="btn" onClick={() => void runTest()} disabled={busy !== null} data-testid="source-test">{busy === 'test' ? 'Testing…' : 'Test connection'}</button>
        <button className="btn btn-primary" onClick={() => void apply()} disabled={busy !== null || !actor.trim()} data-testid="source-apply">{busy === 'apply' ? 'Switching…' : 'Use this source'}</button>
        {!actor.trim() && <span className="muted">Enter your name above to switch.</span>}
      </div>
      {test && <div className={test.ok ? 'form-ok' : 'form-error'} data-testid="source-test-result" data-ok={test.ok} role="status">{test.text}</div>}
      <Message msg={msg} testid="source-result" />
    </section>
  );
}
