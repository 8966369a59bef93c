// The optional local model that words advisories (templates otherwise).
import { useState } from 'react';
import { useApp } from '../../store/app-store.js';
import { getBridge } from '../../store/connect.js';
import { Message, type Msg } from './common.js';

export function LlmPanel({ actor }: { actor: string }): React.JSX.Element {
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
      <p className="muted">Now: {llm ? `${llm.mode === 'llm' ? 'AI text' : 'templates only'}${llm.model ? ` · ${llm.model}` : ''}${llm.device ? ` on ${llm.device}` : ''}` : '—'}</p>
      <div className="row">
        <label className="field">Model file <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/models/model.gguf" /></label>
        <label className="check"><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> enabled</label>
        <button className="btn btn-primary" onClick={() => void apply()} disabled={!actor.trim()}>Apply</button>
      </div>
      <Message msg={msg} testid="llm-result" />
    </section>
  );
}
