// Thresholds and settings, grouped by what they are for, labelled in words with units in the
// screen's units (the raw key in a tooltip). Validate, then apply: the engine checks every rule
// and audits the change; its messages are said in words on the field they concern.
import { useEffect, useMemo, useState } from 'react';
import type { ConfigIssue } from '../../../src-shared/config.js';
import { flatten, unflatten } from '../../lib/config-fields.js';
import { fieldName, fromFieldText, negativeLimits, placeIssues, toFieldText } from '../../lib/config-form.js';
import { CONFIG_GROUPS, HIDDEN_KEYS, groupOfKey, labelOf } from '../../lib/config-labels.js';
import { getBridge } from '../../store/connect.js';
import { usePrefs } from '../../store/prefs-store.js';
import { Message, type Msg } from './common.js';

type Issues = { errors: ConfigIssue[]; warnings: ConfigIssue[] };

function Field({ k, text, original, unset, errors, warnings, onChange }: {
  k: string;
  text: string;
  original: unknown;
  /** An optional key not set now: empty means the global value applies. */
  unset: boolean;
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
        <input id={id} data-testid={id} value={text} onChange={(e) => onChange(e.target.value)} aria-invalid={errors.length > 0} inputMode={typeof original === 'number' ? 'decimal' : undefined} placeholder={unset ? 'not set: the global limit applies' : undefined} />
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
  /** What this screen refuses itself (negative limits), worded, by key. */
  const [local, setLocal] = useState<Map<string, string[]>>(new Map());
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
  // Every labelled key has a field, also an optional one not set now (a campaign override:
  // empty = the global limit applies).
  const keys = useMemo(
    () => (original ? [...new Set([...Object.keys(original), ...CONFIG_GROUPS.flatMap((g) => g.keys)])].filter((k) => !HIDDEN_KEYS.has(k)) : []),
    [original],
  );
  // field texts follow the unit switch for every field not being edited
  useEffect(() => {
    if (!original) return;
    setDraft((d) => Object.fromEntries(keys.map((k) => [k, edited.has(k) ? d[k] : k in original ? toFieldText(k, original[k], units) : ''])));
    // (edited fields keep the user's text)
  }, [original, units]);

  /** The stored value, or a number's type for an optional key not set now. */
  const typeOf = (k: string): unknown => (original && k in original ? original[k] : 0);
  const valueOf = (k: string): unknown => (edited.has(k) ? fromFieldText(k, draft[k] ?? '', typeOf(k), units) : original?.[k]);
  /** Only the fields the user changed: the engine merges them over the configuration in use. */
  const changes = (): Record<string, unknown> =>
    unflatten(Object.fromEntries([...edited].filter((k) => !(draft[k] === '' && !(original && k in original))).map((k) => [k, valueOf(k)])));

  const placed = useMemo(() => {
    const errors = placeIssues(issues.errors, valueOf, units).byKey;
    // This screen's own words win for a key it refused itself (one message per field).
    for (const [k, ms] of local) errors.set(k, ms);
    return { errors, warnings: placeIssues(issues.warnings, valueOf, units).byKey };
    // recomputed when the issues or units change; values are read at that moment
  }, [issues, local, units]);
  const shownKeys = keys.filter((k) => groupOfKey(k) === group);
  const groups = [...CONFIG_GROUPS, ...(keys.some((k) => groupOfKey(k) === 'other') ? [{ id: 'other', title: 'Other', purpose: '', keys: [] }] : [])];
  const groupHasError = (id: string): boolean => [...placed.errors.keys()].some((k) => groupOfKey(k) === id);
  const unplaced = [...placed.errors.entries()].filter(([k]) => !keys.includes(k));

  const validate = async (): Promise<boolean> => {
    const mine = negativeLimits(edited, valueOf, units);
    setLocal(mine);
    const r = await getBridge().call('validateConfig', { config: changes() });
    if (!r.ok) {
      setMsg({ kind: 'err', text: r.error.message });
      return false;
    }
    setIssues({ errors: r.value.errors, warnings: r.value.warnings });
    const problems = r.value.errors.length + mine.size;
    setMsg(problems === 0 ? { kind: 'ok', text: edited.size ? 'Valid.' : 'Nothing changed.' } : { kind: 'err', text: `${problems} problem(s): not applied.` });
    const firstBad = mine.keys().next().value ?? (r.value.errors[0] ? placeIssues([r.value.errors[0]], valueOf, units).byKey.keys().next().value : undefined);
    if (firstBad) setGroup(groupOfKey(firstBad));
    return problems === 0;
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
                original={typeOf(k)}
                unset={!(original && k in original)}
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
            <button className="btn" onClick={() => { setIssues({ errors: [], warnings: [] }); setLocal(new Map()); setMsg(null); void load(); }} data-testid="cfg-revert">Revert</button>
            <span className="muted">{edited.size ? `${edited.size} changed` : ''}</span>
          </div>
          <Message msg={msg} testid="cfg-result" />
        </div>
      </div>
    </section>
  );
}

export { labelOf };
