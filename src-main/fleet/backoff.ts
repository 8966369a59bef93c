// Retry delays for the fleet link. Uploads: 2, 4, 8, 16 s, then a 15-minute sleep, then the
// same again. Library sync: 2^k s for k = 1..6, capped at 300 s (DOMAIN §14).
export const UPLOAD_BACKOFF_MS: readonly number[] = [2_000, 4_000, 8_000, 16_000, 15 * 60_000];
export const SYNC_BACKOFF_MS: readonly number[] = [2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 300_000];

export class Backoff {
  private step = 0;

  constructor(
    private readonly delaysMs: readonly number[],
    /** After the last delay: start the sequence again (uploads) or keep the last (sync). */
    private readonly cycle: boolean,
  ) {}

  next(): number {
    const d = this.delaysMs[Math.min(this.step, this.delaysMs.length - 1)];
    this.step = this.cycle && this.step >= this.delaysMs.length - 1 ? 0 : this.step + 1;
    return d;
  }

  reset(): void {
    this.step = 0;
  }

  get failures(): number {
    return this.step;
  }
}
