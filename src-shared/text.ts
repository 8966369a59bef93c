// Text typed by people (names, actions, notes, well names) goes into the audited record, so it
// must read the same everywhere it is shown. NUL and the other control characters, and the
// bidirectional controls (U+202E made "drill" display for a longer stored value), are refused
// here, in the one schema HTTP, WebSocket and IPC share.
import { z } from 'zod';

/** C0 controls except tab, LF and CR; DEL; Arabic letter mark; LRM/RLM; embeddings/overrides; isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** The first character that could hide or reorder what is displayed, as "U+202E", or null. */
export function hiddenCharacter(text: string): string | null {
  const m = HIDDEN_CHARACTER.exec(text);
  return m ? `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

const refuseHidden = (s: string, ctx: z.core.$RefinementCtx<string>) => {
  const c = hiddenCharacter(s);
  if (c) ctx.addIssue({ code: 'custom', message: `contains ${c}, a control or text-direction character that could hide what is stored; remove it` });
};

/** A person's text: trimmed, at most `max` characters, no hidden characters. */
export const personText = (max: number) => z.string().trim().max(max).superRefine(refuseHidden);

/** Plain text without hidden characters (not trimmed): paths, host names, ids. */
export const plainText = () => z.string().superRefine(refuseHidden);

/** Keys that reach an object's prototype when merged (deepMerge, Object.assign, spreads). */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** The dotted path of the first prototype key anywhere in `value`, or null. */
export function prototypeKeyPath(value: unknown, path = ''): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const k of Object.keys(value)) {
    const here = path ? `${path}.${k}` : k;
    if (PROTOTYPE_KEYS.includes(k)) return here;
    const deeper = prototypeKeyPath((value as Record<string, unknown>)[k], here);
    if (deeper) return deeper;
  }
  return null;
}

/** An object of sections (a config update) that carries no prototype keys at any depth. */
export const configUpdate = () =>
  // Checked on the input: building the record would turn a "__proto__" key into a prototype.
  z
    .unknown()
    .superRefine((v, ctx) => {
      const at = prototypeKeyPath(v);
      if (at) ctx.addIssue({ code: 'custom', message: `key "${at}" is not allowed (__proto__, constructor and prototype are refused)` });
    })
    .pipe(z.record(z.string(), z.unknown()));
