import { describe, expect, it } from 'vitest';
import { RigKeyVerifier, generateRigKey, hashRigKey, secretEquals, verifyRigKey } from '../../../src-hub/auth/keys.js';
import { hubConfigFromEnv } from '../../../src-hub/config.js';
import { DecompressedTooLargeError, zstdCompress, zstdDecompressBounded } from '../../../src-hub/zstd.js';

describe('rig keys', () => {
  it('hashes with a fresh salt and verifies only the right key', async () => {
    const key = generateRigKey();
    expect(key).toMatch(/^sk_[\w-]{43}$/);
    const [h1, h2] = await Promise.all([hashRigKey(key), hashRigKey(key)]);
    expect(h1).not.toBe(h2);
    expect(await verifyRigKey(key, h1)).toBe(true);
    expect(await verifyRigKey(`${key}x`, h1)).toBe(false);
    expect(await verifyRigKey(key, 'scrypt$1048576$8$1$AAAA$BBBB')).toBe(false); // parameters out of range are refused
    expect(await verifyRigKey(key, 'plain-text')).toBe(false);
  });

  it('remembers a verified key only while the stored hash is the same', async () => {
    let t = 0;
    const v = new RigKeyVerifier(1000, 10, () => t);
    const key = generateRigKey();
    const h = await hashRigKey(key);
    expect(await v.verify('R', key, h)).toBe(true);
    const other = await hashRigKey(generateRigKey());
    expect(await v.verify('R', key, other)).toBe(false); // key rotated in the database
    t = 5000;
    expect(await v.verify('R', 'wrong', h)).toBe(false);
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(secretEquals('abc', 'abc')).toBe(true);
    expect(secretEquals('abc', 'abcd')).toBe(false);
  });
});

describe('bounded zstd', () => {
  it('round-trips and refuses output over the cap', () => {
    const text = JSON.stringify({ a: 'b'.repeat(5000) });
    expect(zstdDecompressBounded(zstdCompress(text), 10_000).toString()).toBe(text);
    expect(() => zstdDecompressBounded(zstdCompress(text), 1000)).toThrow(DecompressedTooLargeError);
    expect(() => zstdDecompressBounded(zstdCompress(text).subarray(0, 10), 10_000)).toThrow(/not valid zstd/);
  });
});

describe('hub configuration from the environment', () => {
  const base = { SAIREN_HUB_DATABASE_URL: 'postgres://u@127.0.0.1/db', SAIREN_HUB_ADMIN_KEY: 'a'.repeat(24) };
  it('applies defaults and names a bad variable in one line', () => {
    const ok = hubConfigFromEnv(base);
    expect(ok).toMatchObject({ ok: true, config: { host: '127.0.0.1', port: 8090, maxUploadBytes: 1_048_576, maxDecompressedBytes: 10_485_760, libraryCap: 50_000 } });
    expect(hubConfigFromEnv({ ...base, SAIREN_HUB_ADMIN_KEY: 'short' })).toEqual({ ok: false, message: 'SAIREN_HUB_ADMIN_KEY at least 24 characters' });
    expect(hubConfigFromEnv({ SAIREN_HUB_ADMIN_KEY: 'a'.repeat(24) })).toEqual({ ok: false, message: 'SAIREN_HUB_DATABASE_URL is not set' });
    const badPort = hubConfigFromEnv({ ...base, SAIREN_HUB_PORT: '70000' });
    expect(badPort.ok).toBe(false);
    expect(!badPort.ok && badPort.message).toMatch(/^SAIREN_HUB_PORT /);
  });
});
