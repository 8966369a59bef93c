// Library deltas: episodes changed since a version, in pages ordered by (version, id), read in
// one repeatable-read snapshot per page. A change made while a rig pages through gets a higher
// version and so still comes after the rig's cursor: nothing is skipped. Pruned ids go with the
// last page, whose version is the rig's new watermark. A rig never gets its own episodes back.
import type pg from 'pg';

export interface LibraryCursor {
  version: number;
  id: string;
}

export interface LibraryPage {
  version: number;
  /** Stored episode JSON, sent as is. */
  episodesJson: string[];
  prunedIds: string[];
  totalEpisodes: number;
  /** More pages: ask again with this cursor. null = this was the last page. */
  next: LibraryCursor | null;
}

export function formatCursor(c: LibraryCursor): string {
  return `${c.version}~${c.id}`;
}

export function parseCursor(text: string): LibraryCursor | null {
  const m = /^(\d{1,15})~([A-Za-z0-9._-]{1,200})$/.exec(text);
  return m ? { version: Number(m[1]), id: m[2] } : null;
}

export class LibraryStore {
  constructor(private readonly pool: pg.Pool) {}

  async version(): Promise<number> {
    return (await this.pool.query<{ version: number }>('SELECT version FROM library_meta')).rows[0].version;
  }

  async size(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM episodes')).rows[0].n;
  }

  /** 'not-modified' when the rig is up to date (no cursor and nothing newer). */
  async page(rigId: string, since: number, cursor: LibraryCursor | null, limit: number): Promise<LibraryPage | 'not-modified'> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const version = (await c.query<{ version: number }>('SELECT version FROM library_meta')).rows[0].version;
      if (!cursor && since === version) {
        await c.query('COMMIT');
        return 'not-modified';
      }
      // A watermark from the future (the library was rebuilt): start again from nothing.
      const from = since > version ? 0 : since;
      const after = cursor ?? { version: from, id: '' };
      const rows = (
        await c.query<{ version: number; id: string; json: string }>(
          `SELECT version, id, json FROM episodes
           WHERE version > $1 AND source_rig <> $2 AND (version, id) > ($3::bigint, $4::text)
           ORDER BY version, id LIMIT $5`,
          [from, rigId, after.version, after.id, limit + 1],
        )
      ).rows;
      const more = rows.length > limit;
      const pageRows = more ? rows.slice(0, limit) : rows;
      const prunedIds = more
        ? []
        : (
            await c.query<{ id: string }>('SELECT id FROM episode_tombstones WHERE version > $1 AND version <= $2 ORDER BY version, id', [from, version])
          ).rows.map((r) => r.id);
      const totalEpisodes = (await c.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM episodes')).rows[0].n;
      await c.query('COMMIT');
      const last = pageRows[pageRows.length - 1];
      return {
        version,
        episodesJson: pageRows.map((r) => r.json),
        prunedIds,
        totalEpisodes,
        next: more ? { version: last.version, id: last.id } : null,
      };
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }
}

/** The LibraryDelta JSON of a page, built from the stored episode JSON without re-parsing it. */
export function libraryDeltaJson(p: LibraryPage): string {
  return `{"episodes":[${p.episodesJson.join(',')}],"prunedIds":${JSON.stringify(p.prunedIds)},"totalEpisodes":${p.totalEpisodes},"version":${p.version}}`;
}
