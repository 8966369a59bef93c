// MemoryStore's verifier record: tickets by id and verification results in the order saved.
import type { Ticket, VerificationResult } from '../../src-shared/advisory.js';

export class MemoryTickets {
  private readonly tickets = new Map<string, Ticket>();
  private readonly verifications: VerificationResult[] = [];

  saveTicket(t: Ticket): void {
    this.tickets.set(t.id, structuredClone(t));
  }

  saveVerification(v: VerificationResult): void {
    this.verifications.push(structuredClone(v));
  }

  /** The newest by time; of equal times, the last saved. */
  latestVerification(): VerificationResult | null {
    let best: VerificationResult | null = null;
    for (const v of this.verifications) if (!best || v.timeMs >= best.timeMs) best = v;
    return best ? structuredClone(best) : null;
  }

  ticketsBetween(fromMs: number, toMs: number): number {
    return [...this.tickets.values()].filter((t) => t.timeMs >= fromMs && t.timeMs <= toMs).length;
  }

  verificationStatusesBetween(fromMs: number, toMs: number): VerificationResult['status'][] {
    return this.verifications.filter((v) => v.timeMs >= fromMs && v.timeMs <= toMs).map((v) => v.status);
  }
}
