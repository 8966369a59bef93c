// PostgresStore's verifier record: tickets (replaced by id) and verification results (appended).
import type pg from 'pg';
import type { Ticket, VerificationResult } from '../../src-shared/advisory.js';
import { pgJson } from './postgres-text.js';

export async function saveTicket(pool: pg.Pool, t: Ticket): Promise<void> {
  await pool.query(
    'INSERT INTO tickets (id, time_ms, category, fault, severity, doc) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
    [t.id, t.timeMs, t.category, t.fault, t.severity, pgJson(t)],
  );
}

export async function saveVerification(pool: pg.Pool, v: VerificationResult): Promise<void> {
  await pool.query('INSERT INTO verifications (ticket_id, time_ms, status, doc) VALUES ($1, $2, $3, $4)', [v.ticketId, v.timeMs, v.status, pgJson(v)]);
}

export async function latestVerification(pool: pg.Pool): Promise<VerificationResult | null> {
  const r = await pool.query<{ doc: VerificationResult }>('SELECT doc FROM verifications ORDER BY time_ms DESC, seq DESC LIMIT 1');
  return r.rows[0]?.doc ?? null;
}
