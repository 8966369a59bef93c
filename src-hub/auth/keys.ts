// Rig keys: random, shown once at registration, stored only as a salted scrypt hash and
// compared in constant time. scrypt is slow on purpose, so a verified (rig, key, stored hash)
// triple is remembered for a few minutes: revocation and key changes still apply at once,
// because the stored hash is read from PostgreSQL on every call and must match the memo.
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const SCRYPT = { N: 16_384, r: 8, p: 1, keyLen: 32, saltLen: 16 } as const;
const MAX_N = 1 << 17;

function scryptAsync(secret: string, salt: Buffer, keyLen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(secret, salt, keyLen, opts, (err, out) => (err ? reject(err) : resolve(out))));
}

export function generateRigKey(): string {
  return `sk_${randomBytes(32).toString('base64url')}`;
}

/** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash. */
export async function hashRigKey(key: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLen);
  const hash = await scryptAsync(key, salt, SCRYPT.keyLen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 256 * SCRYPT.N * SCRYPT.r });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyRigKey(key: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$');
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  if (scheme !== 'scrypt' || !Number.isInteger(N) || N < 2 || N > MAX_N || !(R >= 1 && R <= 32) || !(P >= 1 && P <= 4)) return false;
  const expected = Buffer.from(hashText ?? '', 'base64url');
  if (expected.length < 16) return false;
  const actual = await scryptAsync(key, Buffer.from(saltText ?? '', 'base64url'), expected.length, { N, r: R, p: P, maxmem: 256 * N * R });
  return timingSafeEqual(actual, expected);
}

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Constant-time equality of two secrets of any length (compares their digests). */
export function secretEquals(presented: string, expected: string): boolean {
  return timingSafeEqual(sha256(presented), sha256(expected));
}

export class RigKeyVerifier {
  private readonly memo = new Map<string, { stored: string; untilMs: number }>();
  /** Checks under way: a burst of calls with one key costs one scrypt, not one each. */
  private readonly inFlight = new Map<string, Promise<boolean>>();

  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly maxEntries = 20_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async verify(rigId: string, key: string, stored: string): Promise<boolean> {
    const memoKey = sha256(`${rigId}\u0000${key}\u0000${stored}`).toString('base64url');
    const hit = this.memo.get(memoKey);
    if (hit && hit.stored === stored && hit.untilMs > this.clock()) return true;
    let pending = this.inFlight.get(memoKey);
    if (!pending) {
      pending = verifyRigKey(key, stored).finally(() => this.inFlight.delete(memoKey));
      this.inFlight.set(memoKey, pending);
    }
    const ok = await pending;
    if (ok) {
      if (this.memo.size >= this.maxEntries) this.memo.delete(this.memo.keys().next().value as string);
      this.memo.set(memoKey, { stored, untilMs: this.clock() + this.ttlMs });
    } else {
      this.memo.delete(memoKey);
    }
    return ok;
  }
}
