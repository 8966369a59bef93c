// Hub configuration from the environment, validated at start: a bad value stops the hub with
// one line naming the variable. Nothing else is configurable at run time (no state outside
// PostgreSQL, so every instance behind a load balancer runs with the same environment).
import { z } from 'zod';

const int = (min: number, max: number, d: number) => z.coerce.number().int().min(min).max(max).default(d);

const HubEnvSchema = z.object({
  SAIREN_HUB_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL'),
  SAIREN_HUB_HOST: z.string().min(1).default('127.0.0.1'),
  SAIREN_HUB_PORT: int(0, 65535, 8090),
  /** Protects the admin endpoints and the fleet page. */
  SAIREN_HUB_ADMIN_KEY: z.string().min(24, 'at least 24 characters'),
  /** Compressed upload limit (DOMAIN §14: 1 MB). */
  SAIREN_HUB_MAX_UPLOAD_BYTES: int(1024, 16 * 1024 * 1024, 1024 * 1024),
  /** Decompressed limit: a zip bomb stops here. */
  SAIREN_HUB_MAX_DECOMPRESSED_BYTES: int(1024, 64 * 1024 * 1024, 10 * 1024 * 1024),
  /** Requests per minute per rig (per instance). */
  SAIREN_HUB_RATE_LIMIT_PER_MIN: int(1, 1_000_000, 120),
  SAIREN_HUB_LIBRARY_CAP: int(10, 10_000_000, 50_000),
  /** Episodes per library page. */
  SAIREN_HUB_LIBRARY_PAGE: int(10, 20_000, 2000),
  /** Background curator pass for events another instance stored but did not curate. */
  SAIREN_HUB_CURATOR_INTERVAL_S: int(1, 86_400, 60),
  SAIREN_HUB_DB_POOL: int(1, 200, 10),
  /** Oldest event accepted: a rig may have been cut off for weeks (DOMAIN §14 says 7 d; we allow more). */
  SAIREN_HUB_MAX_EVENT_AGE_DAYS: int(1, 3650, 30),
});

export interface HubConfig {
  databaseUrl: string;
  host: string;
  port: number;
  adminKey: string;
  maxUploadBytes: number;
  maxDecompressedBytes: number;
  rateLimitPerMin: number;
  libraryCap: number;
  libraryPageSize: number;
  curatorIntervalMs: number;
  dbPoolSize: number;
  maxEventAgeDays: number;
}

export type HubConfigResult = { ok: true; config: HubConfig } | { ok: false; message: string };

export function hubConfigFromEnv(env: Record<string, string | undefined>): HubConfigResult {
  const parsed = HubEnvSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const name = String(first.path[0] ?? 'environment');
    const why = first.code === 'invalid_type' && env[name] === undefined ? 'is not set' : first.message;
    return { ok: false, message: `${name} ${why}` };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      databaseUrl: e.SAIREN_HUB_DATABASE_URL,
      host: e.SAIREN_HUB_HOST,
      port: e.SAIREN_HUB_PORT,
      adminKey: e.SAIREN_HUB_ADMIN_KEY,
      maxUploadBytes: e.SAIREN_HUB_MAX_UPLOAD_BYTES,
      maxDecompressedBytes: e.SAIREN_HUB_MAX_DECOMPRESSED_BYTES,
      rateLimitPerMin: e.SAIREN_HUB_RATE_LIMIT_PER_MIN,
      libraryCap: e.SAIREN_HUB_LIBRARY_CAP,
      libraryPageSize: e.SAIREN_HUB_LIBRARY_PAGE,
      curatorIntervalMs: e.SAIREN_HUB_CURATOR_INTERVAL_S * 1000,
      dbPoolSize: e.SAIREN_HUB_DB_POOL,
      maxEventAgeDays: e.SAIREN_HUB_MAX_EVENT_AGE_DAYS,
    },
  };
}
