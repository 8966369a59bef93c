// Every failure of the PostgreSQL store reaches the engine as a StorageUnavailableError, so a
// command answers "the record cannot be written" (503) instead of "internal", as with SQLite.
import type pg from 'pg';
import { StorageUnavailableError } from './persistence.js';

export function asStorageError(e: unknown, where: string): Error {
  if (e instanceof StorageUnavailableError) return e;
  return new StorageUnavailableError(`PostgreSQL ${where}: ${(e as Error).message}`, { cause: e });
}

/** Wraps the pool's query() so its failures come out as storage errors. */
export function guardQueries(pool: pg.Pool, where: string): void {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  pool.query = ((...args: unknown[]) =>
    query(...args).catch((e: unknown) => {
      throw asStorageError(e, where);
    })) as typeof pool.query;
}
