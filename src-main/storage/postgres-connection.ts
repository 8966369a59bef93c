// Connecting PostgresStore: a session that holds the one-engine advisory lock for the schema and
// runs the migrations, then a pool for the work. Errors name the server and schema, never the
// password.
import pg from 'pg';
import { guardQueries } from './postgres-errors.js';
import { migratePostgres } from './postgres-migrations.js';

const LOCK_NAMESPACE = 0x5a1f;

/** BIGINT holds epoch ms and sequence numbers, all below 2^53: read as numbers, per pool. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** The URL without its password, for messages. */
export function describePgUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

export interface PostgresConnection {
  pool: pg.Pool;
  /** Holds the one-engine lock: ending it releases the lock. */
  session: pg.Client;
  /** Server, database and schema, for messages. */
  place: string;
}

/** Connects, takes the one-engine lock, migrates. Throws a readable Error (no password in it). */
export async function connectPostgres(opts: { url: string; schema?: string; poolSize?: number }): Promise<PostgresConnection> {
  const schema = opts.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`PostgreSQL schema "${schema}" must be lower-case letters, digits and _`);
  const place = `${describePgUrl(opts.url)} (schema ${schema})`;
  const config = { connectionString: opts.url, options: `-c search_path=${schema}`, types, connectionTimeoutMillis: 10_000 };
  const session = new pg.Client(config);
  session.on('error', () => undefined);
  try {
    await session.connect();
    await session.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const locked = (await session.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LOCK_NAMESPACE, schema])).rows[0].ok;
    if (!locked) throw new Error('another SAIREN engine is using this database; stop it or choose another database');
    await migratePostgres(session);
  } catch (e) {
    await session.end().catch(() => undefined);
    throw new Error(`cannot open PostgreSQL storage ${place}: ${(e as Error).message}`, { cause: e });
  }
  const pool = new pg.Pool({ ...config, max: opts.poolSize ?? 4, idleTimeoutMillis: 30_000 });
  pool.on('error', () => undefined);
  guardQueries(pool, place);
  return { pool, session, place };
}
