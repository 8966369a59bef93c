// Small pieces the settings panels share.
import { useState } from 'react';
import { rememberActor, rememberedActor } from '../../lib/shift.js';

export type Msg = { kind: 'ok' | 'err' | 'info'; text: string } | null;

export function Message({ msg, testid }: { msg: Msg; testid: string }): React.JSX.Element | null {
  if (!msg) return null;
  const cls = msg.kind === 'ok' ? 'form-ok' : msg.kind === 'err' ? 'form-error' : 'muted';
  return <div className={cls} data-testid={testid} role={msg.kind === 'err' ? 'alert' : 'status'}>{msg.text}</div>;
}

export function useActor(): [string, (v: string) => void] {
  const [actor, setActor] = useState(() => rememberedActor(localStorage, Date.now()) || '');
  return [actor, (v) => {
    setActor(v);
    rememberActor(localStorage, v, Date.now());
  }];
}

export function Choice<T extends string>({ value, options, onChange, testid }: {
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  testid: string;
}): React.JSX.Element {
  return (
    <div className="row" role="radiogroup">
      {options.map((o) => (
        <button key={o.value} role="radio" aria-checked={value === o.value} className={`btn btn-choice ${value === o.value ? 'chosen' : ''}`} onClick={() => onChange(o.value)} data-testid={`${testid}-${o.value}`}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
