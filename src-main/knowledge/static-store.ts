// A static knowledge base of known precedents (resources/knowledge-base.json). Parsing and
// querying are pure; reading the file is the thin edge in knowledge-file.ts.
import { z } from 'zod';
import { FAULT_CATEGORY, type FaultKind, type Precedent } from '../../src-shared/advisory.js';
import type { KnowledgeStore, PrecedentQuery } from './knowledge-store.js';

const FAULTS = Object.keys(FAULT_CATEGORY) as [FaultKind, ...FaultKind[]];

const EntrySchema = z
  .object({
    id: z.string().min(1),
    fault: z.enum(FAULTS),
    campaign: z.enum(['production', 'plug_abandonment', 'any']),
    depthFt: z.number().finite().nullable().default(null),
    summary: z.string().min(1),
  })
  .strict();

const KnowledgeBaseSchema = z.object({ schema_version: z.literal(1), precedents: z.array(EntrySchema) }).strict();

export type KnowledgeEntry = z.output<typeof EntrySchema>;

export const STATIC_SOURCE = 'static knowledge base';

export type KnowledgeParse = { ok: true; entries: KnowledgeEntry[] } | { ok: false; error: string };

export function parseKnowledgeBase(json: unknown): KnowledgeParse {
  const r = KnowledgeBaseSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, error: `knowledge base invalid at ${i.path.join('.') || '(root)'}: ${i.message}` };
  }
  const ids = new Set<string>();
  for (const e of r.data.precedents) {
    if (ids.has(e.id)) return { ok: false, error: `knowledge base has a duplicate id ${e.id}` };
    ids.add(e.id);
  }
  return { ok: true, entries: r.data.precedents };
}

/**
 * Relevance: same fault 4, same category only 1 (others excluded); same campaign 2, "any"
 * 1, the other campaign 0; plus up to 1 for depth closeness (1 at the same depth, 0.5 at
 * 1,000 ft). Ties go to the id, so results are deterministic.
 */
export function scorePrecedent(e: KnowledgeEntry, q: PrecedentQuery): number | null {
  const sameFault = e.fault === q.fault;
  if (!sameFault && FAULT_CATEGORY[e.fault] !== q.category) return null;
  let s = sameFault ? 4 : 1;
  s += e.campaign === q.campaign ? 2 : e.campaign === 'any' ? 1 : 0;
  if (q.depthFt !== null && e.depthFt !== null) s += 1 / (1 + Math.abs(q.depthFt - e.depthFt) / 1000);
  return s;
}

export class StaticKnowledgeStore implements KnowledgeStore {
  readonly name = 'static';

  constructor(private readonly entries: readonly KnowledgeEntry[]) {}

  queryPrecedents(q: PrecedentQuery): Precedent[] {
    if (q.limit <= 0) return [];
    const scored: { e: KnowledgeEntry; s: number }[] = [];
    for (const e of this.entries) {
      const s = scorePrecedent(e, q);
      if (s !== null) scored.push({ e, s });
    }
    scored.sort((a, b) => b.s - a.s || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
    return scored.slice(0, q.limit).map(({ e }) => ({ id: e.id, summary: e.summary, source: STATIC_SOURCE }));
  }

  isHealthy(): boolean {
    return this.entries.length > 0;
  }

  size(): number {
    return this.entries.length;
  }
}
