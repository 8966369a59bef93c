// Thresholds and settings, grouped by what they are for, labelled in words with units in the
// screen's units (the raw key in a tooltip). Validate, then apply: the engine checks every rule
// and audits the change; its messages are said in words on the field they concern.
import { useEffect, useMemo, useState } from 'react';
import type { ConfigIssue } from '../../../src-shared/config.js';
import { flatten, unflatten } from '../../lib/config-fields.js';
import { fieldName, fromFieldText, placeIssues, toFieldText } from '../../lib/config-form.js';
import { CONFIG_GROUPS, HIDDEN_KEYS, groupOfKey, labelOf } from '../../lib/config-labels.js';
import { getBridge } from '../../store/connect.js';
import { usePrefs } from '../../store/prefs-store.js';
import { Message, type Msg } from './common.js';

type Issues = { errors: ConfigIssue[]; warnings: ConfigIssue[] };

function Field({ k, text, original, errors, warnings, onChange }: {
  k: string;
  text: string;
  original: unknown;
  errors: string[];
  warnings: string[];
  onChange: (t: string) => void;
}): React.JSX.Element {
  const units = usePrefs((p) => p.units);
  const id = `cfg-${k}`;
  const isBool = typeof original === 'boolean';
  return (
    <div className={`cfg-field ${errors.length ? 'has-error' : ''}`} title={k}>
      <label htmlFor={id}>{fieldName(k, units)}</label>
      {isBool ? (
        <select id={id} data-testid={id} value={text} onChange={(e) => onChange(e.target.value)} aria-invalid={errors.length > 0}>
          <option value="true">yes</option><option value="false">no</option>
        </select>
      ) : (
        <input id={id} data-testid={id} value={text} onChange={(e) => onChange(e.target.value)} aria-invalid={errors.length > 0} inputMode={typeof original === 'number' ? 'decimal' : undefined} />
      )}
      {errors.map((m, i) => <span key={i} className="form-error" data-testid={`cfg-error-${k}`}>{m}</span>)}
      {warnings.map((m, i) => <span key={i} className="form-warn" data-testid={`cfg-warning-${k}`}>{m}</span>)}
    </div>
  );
}

export function ConfigPanel({ actor }: { actor: string }): React.JSX.Element {
  const units = usePrefs((p) => p.units);
  const [original, setOriginal] = useState<Record<string, unknown> | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [group, setGroup] = useState(CONFIG_GROUPS[0].id);
  const [issues, setIssues] = useState<Issues>({ errors: [], warnings: [] });
  const [msg, setMsg] = useState<Msg>(null);

  const load = async (): Promise<void> => {
    const r = await getBridge().call('getConfig', {});
    if (!r.ok) return setMsg({ kind: 'err', text: r.error.message });
    setOriginal(flatten(r.value));
    setEdited(new Set());
  };
  useEffect(() => {
    void load();
  }, []);
  // field texts follow the unit switch for every field not being edited
  useEffect(() => {
    if (!original) return;
    setDraft((d) => Object.fromEntries(Object.entries(original).map(([k, v]) => [k, edited.has(k) ? d[k] : toFieldText(k, v, units)])));
    // (edited fields keep the user's text)
  }, [original, units]);

  const valueOf = (k: string): unknown => (edited.has(k) ? fromFieldText(k, draft[k] ?? '', original?.[k], units) : original?.[k]);
  /** Only the fields the user changed: the engine merges them over the configuration in use. */
  const changes = (): Record<string, unknown> => unflatten(Object.fromEntries([...edited].map((k) => [k, valueOf(k)])));

  const placed = useMemo(() => ({ errors: placeIssues(issues.errors, valueOf, units).byKey, warnings: placeIssues(issues.warnings, valueOf, units).byKey }),
    // recomputed when the issues or units change; values are read at that moment
    [issues, units]);
  const keys = Object.keys(original ?? {}).filter((k) => !HIDDEN_KEYS.has(k));
  const shownKeys = keys.filter((k) => groupOfKey(k) === group);
  const groups = [...CONFIG_GROUPS, ...(keys.some((k) => groupOfKey(k) === 'other') ? [{ id: 'other', title: 'Other', purpose: '', keys: [] }] : [])];
  const groupHasError = (id: string): boolean => [...placed.errors.keys()].some((k) => groupOfKey(k) === id);
  const unplaced = [...placed.errors.entries()].filter(([k]) => !(original && k in original));

  const validate = async (): Promise<boolean> => {
    const r = await getBridge().call('validateConfig', { config: changes() });
    if (!r.ok) {
      setMsg({ kind: 'err', text: r.error.message });
      return false;
    }
    setIssues({ errors: r.value.errors, warnings: r.value.warnings });
    setMsg(r.value.ok ? { kind: 'ok', text: edited.size ? 'Valid.' : 'Nothing changed.' } : { kind: 'err', text: `${r.value.errors.length} problem(s): not applied.` });
    const firstBad = r.value.errors[0];
    if (firstBad) {
      const where = placeIssues([firstBad], valueOf, units).byKey.keys().next().value;
      if (where) setGroup(groupOfKey(where));
    }
    return r.value.ok;
  };

  const apply = async (): Promise<void> => {
    if (!(await validate())) return;
    const r = await getBridge().call('applyConfig', { config: changes(), actor });
    if (!r.ok) return setMsg({ kind: 'err', text: r.error.message });
    setIssues({ errors: r.value.errors, warnings: r.value.warnings });
    setMsg(r.value.applied ? { kind: 'ok', text: 'Applied and audited.' } : r.value.ok ? { kind: 'info', text: 'Nothing changed.' } : { kind: 'err', text: 'Refused by the engine.' });
    if (r.value.applied) void load();
  };

  const current = groups.find((g) => g.id === group);
  return (
    <section className="panel panel-config" data-testid="settings-config">
      <div className="cfg-layout">
        <nav className="cfg-groups" aria-label="Setting groups">
          {groups.map((g) => (
            <button key={g.id} className={`btn btn-group ${g.id === group ? 'chosen' : ''} ${groupHasError(g.id) ? 'has-error' : ''}`} aria-current={g.id === group ? 'true' : undefined} onClick={() => setGroup(g.id)} data-testid={`cfg-group-${g.id}`}>
              {g.title}
            </button>
          ))}
        </nav>
        <div className="cfg-main">
          {current?.purpose && <p className="muted cfg-purpose">{current.purpose} Hover a field for its key in well_config.toml.</p>}
          <div className="cfg-fields scroll">
            {shownKeys.map((k) => (
              <Field
                key={k}
                k={k}
                text={draft[k] ?? ''}
                original={original?.[k]}
                errors={placed.errors.get(k) ?? []}
                warnings={placed.warnings.get(k) ?? []}
                onChange={(t) => {
                  setDraft((d) => ({ ...d, [k]: t }));
                  setEdited((e) => new Set([...e, k]));
                }}
              />
            ))}
          </div>
          {unplaced.map(([k, ms]) => ms.map((m, i) => <div key={`${k}${i}`} className="form-error" data-testid="cfg-error-other">{m}</div>))}
          <div className="row">
            <button className="btn" onClick={() => void validate()} data-testid="cfg-validate">Check</button>
            <button className="btn btn-primary" onClick={() => void apply()} data-testid="cfg-apply" disabled={!actor.trim() || edited.size === 0}>Apply</button>
            <button className="btn" onClick={() => { setIssues({ errors: [], warnings: [] }); setMsg(null); void load(); }} data-testid="cfg-revert">Revert</button>
            <span className="muted">{edited.size ? `${edited.size} changed` : ''}</span>
          </div>
          <Message msg={msg} testid="cfg-result" />
        </div>
      </div>
    </section>
  );
}

export { labelOf };
