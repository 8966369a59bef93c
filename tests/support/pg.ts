// A fresh PostgreSQL database per test file on the throw-away test cluster
// (tests/support/pg-global-setup.ts starts it when SAIREN_TEST_PG_URL is not set).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function testPgUrl(): string {
  const url = process.env.SAIREN_TEST_PG_URL;
  if (!url) throw new Error('SAIREN_TEST_PG_URL is not set: run through vitest (global setup starts PostgreSQL) or tests/support/pg.sh start');
  return url;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: testPgUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates an empty database named after `label`; drop() removes it (connections included). */
export async function freshDatabase(label: string): Promise<TestDatabase> {
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 40)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: withDatabase(testPgUrl(), name),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
