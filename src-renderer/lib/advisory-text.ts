// The driller's banner shows one action, readable from two metres: the first clause of the
// recommendation. The full text stays in the Company man view.

/**
 * Text up to the first ':' or the first sentence end ('.', '!' or ';' followed by a space or the
 * end; a decimal point such as "12.5" does not end it), trimmed. Falls back to the whole text.
 */
export function actionLine(recommendation: string): string {
  const text = recommendation.trim().replace(/^→\s*/, '');
  const m = /^(.*?)(?::|[.!;](?=\s|$))/s.exec(text);
  const first = (m ? m[1] : text).trim();
  return first.length > 0 ? first : text;
}

/** One line: newlines and runs of spaces collapsed (the CSS ellipsis does the cutting). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
