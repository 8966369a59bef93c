// Writes the shift report by itself at each shift change, so the night driller's handover
// exists even if nobody clicks. Watches data time (packet times), so a replayed recording
// writes the shifts it covers just as the live feed would. Pure bookkeeping; the writing is
// passed in and runs off the packet loop.
import { nextShiftStart, shiftStartAt } from '../../src-shared/shift-clock.js';

export interface ShiftWriterDeps {
  hours: () => readonly number[];
  enabled: () => boolean;
  /** Queues the report of [fromMs, toMs); must not block. */
  write: (fromMs: number, toMs: number) => void;
}

export class ShiftReportWriter {
  private nextBoundaryMs: number | null = null;
  private lastMs = -Infinity;
  private hoursKey = '';

  constructor(private readonly deps: ShiftWriterDeps) {}

  /** Each packet's data time. */
  observe(timeMs: number): void {
    if (!Number.isFinite(timeMs) || !this.deps.enabled()) return;
    const hours = this.deps.hours();
    const key = hours.join(',');
    // First packet, changed shift hours, or time going back (a new replay): re-arm.
    if (this.nextBoundaryMs === null || key !== this.hoursKey || timeMs < this.lastMs) {
      this.hoursKey = key;
      this.nextBoundaryMs = nextShiftStart(timeMs, hours);
    } else if (timeMs >= this.nextBoundaryMs) {
      const endMs = this.nextBoundaryMs;
      this.nextBoundaryMs = nextShiftStart(timeMs, hours);
      this.deps.write(shiftStartAt(endMs - 1, hours), endMs);
    }
    this.lastMs = timeMs;
  }
}
