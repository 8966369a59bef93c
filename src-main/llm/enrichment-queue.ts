// Requests waiting behind the running inference: highest risk first, among equals the newest
// (most relevant) first. Past capacity the lowest-risk, oldest request is dropped with a reason.
import { RISK_RANK } from '../../src-shared/advisory.js';
import type { EnrichmentRequest } from './enricher.js';

interface Pending {
  req: EnrichmentRequest;
  risk: number;
}

export interface DroppedRequest {
  advisoryId: string;
  reason: string;
}

export class EnrichmentQueue {
  private items: Pending[] = [];

  constructor(readonly capacity: number) {}

  get length(): number {
    return this.items.length;
  }

  /** Queues the request (replacing the advisory's own queued one); returns what no longer fits. */
  add(req: EnrichmentRequest): DroppedRequest[] {
    const id = req.advisory.id;
    this.items = this.items.filter((p) => p.req.advisory.id !== id);
    this.items.push({ req, risk: RISK_RANK[req.advisory.riskLevel] });
    this.items.sort((a, b) => b.risk - a.risk || b.req.advisory.timeMs - a.req.advisory.timeMs);
    const dropped: DroppedRequest[] = [];
    while (this.items.length > this.capacity) {
      const last = this.items.pop() as Pending;
      const reason =
        last.req.advisory.id === id
          ? `not run: ${this.capacity} advisories of equal or higher risk already waiting`
          : `pre-empted by ${req.advisory.riskLevel}-risk advisory ${id}`;
      dropped.push({ advisoryId: last.req.advisory.id, reason });
    }
    return dropped;
  }

  /** The next request to run, or undefined when none waits. */
  next(): EnrichmentRequest | undefined {
    return this.items.shift()?.req;
  }

  /** Empties the queue; returns the advisory ids that were waiting. */
  takeAll(): string[] {
    const ids = this.advisoryIds();
    this.items = [];
    return ids;
  }

  advisoryIds(): string[] {
    return this.items.map((p) => p.req.advisory.id);
  }
}
