// Edge: reads resources/knowledge-base.json. A missing or bad file gives an empty store and a
// warning; the advisory still works, it just quotes no precedent.
import { readFileSync } from 'node:fs';
import { StaticKnowledgeStore, parseKnowledgeBase } from './static-store.js';

export function loadStaticKnowledgeStore(
  path: string,
  readText: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): { store: StaticKnowledgeStore; warning: string | null } {
  let json: unknown;
  try {
    json = JSON.parse(readText(path));
  } catch (e) {
    return { store: new StaticKnowledgeStore([]), warning: `cannot load ${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
  const r = parseKnowledgeBase(json);
  if (!r.ok) return { store: new StaticKnowledgeStore([]), warning: `${path}: ${r.error}` };
  return { store: new StaticKnowledgeStore(r.entries), warning: null };
}
