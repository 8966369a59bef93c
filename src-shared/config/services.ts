// The engine's services: LLM, API server, recall, storage, fleet hub, self-healer, logs, ML
// analysis and reports.
import { z } from 'zod';
import { plainText } from '../text.js';
import { count, range, section } from './fields.js';

export const llmSection = section({
  enabled: z.boolean().default(true),
  /** Path to a GGUF file; empty = look in resources/models. */
  model_path: plainText().max(4096).default(''),
  timeout_cpu_s: range(60, 1, 600, 's'),
  timeout_gpu_s: range(15, 1, 300, 's'),
  max_tokens: count(320, 16, 4096, 'tokens'),
  temperature: range(0.3, 0, 2, '(sampling temperature)'),
  max_consecutive_failures: count(3, 1, 100, 'failures'),
  /** Drop a queued request once its advisory is older than this. */
  relevance_s: range(300, 10, 3600, 's'),
});

export const serverSection = section({
  host: plainText().max(255).default('127.0.0.1'),
  port: count(8080, 0, 65535, '(TCP port)'),
  /** Required for POST when bound to anything but loopback. */
  token: plainText().max(256).default(''),
  /** When bound off loopback, whether GETs work without the token. */
  open_reads: z.boolean().default(false),
  body_limit_bytes: count(65536, 1024, 10_485_760, 'bytes'),
  /** Open connections at most (HTTP and WebSocket); more are closed on arrival. */
  max_connections: count(256, 8, 4096, 'connections'),
});

export const knowledgeSection = section({
  /** Precedents by RAM recall of past episodes (this rig's and the fleet's); false = the static knowledge base. */
  recall_enabled: z.boolean().default(true),
  /** Episodes held for recall; past it the oldest non-critical go. Applied at start. */
  recall_capacity: count(10_000, 100, 100_000, 'episodes'),
});

export const storageSection = section({
  /** The raw 1 Hz tier (one row per channel per packet, about 2 MB per hour). */
  metrics_retention_days: range(90, 1, 3650, 'days'),
  /** The 1-minute rollups (the trends over days). */
  rollup_1min_retention_days: range(365, 1, 3650, 'days'),
  /** The 10-minute rollups (the well's whole history). */
  rollup_10min_retention_days: range(3650, 1, 36_500, 'days'),
  /** The data directory stays under this: the oldest raw metrics are pruned first. */
  max_data_dir_mb: range(8192, 64, 10_000_000, 'MB'),
  metrics_flush_ms: count(1000, 100, 60_000, 'ms'),
  /** Where the engine's record lives: the SQLite file (default) or a PostgreSQL database for SQL reporting. */
  kind: z.enum(['sqlite', 'postgres']).default('sqlite'),
  /** Secret (never shown by the API or audit): postgres://user:password@host:5432/db, used when kind = "postgres". */
  postgres_url: z
    .string()
    .max(1000)
    .refine((s) => s === '' || /^postgres(ql)?:\/\/\S+$/.test(s), 'a postgres:// URL, or empty')
    .default(''),
});

export const fleetSection = section({
  /** The fleet hub, e.g. https://hub.example.com; empty = no fleet (everything stays on the rig). */
  hub_url: z
    .string()
    .max(500)
    .refine((s) => s === '' || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(s), 'an http:// or https:// URL, or empty')
    .default(''),
  /** This rig's id at the hub (letters, digits, dot, dash, underscore). */
  rig_id: z
    .string()
    .max(120)
    .refine((s) => s === '' || /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s), 'letters, digits, dot, dash, underscore')
    .default(''),
  /** Secret: the rig's hub key, shown once by the hub at registration. */
  key: z.string().max(512).default(''),
  /** Seconds between library downloads (up to 30 min of jitter is added). */
  sync_interval_s: count(21_600, 600, 604_800, 's'),
  /** Confirmed AMBER/RED events kept on disk for the fleet hub. Applied at start. */
  queue_capacity: count(1000, 10, 100_000, 'events'),
});

export const healthSection = section({
  /** The self-healer's pass: every check, and a heal for what is down. */
  check_interval_s: range(30, 1, 600, 's'),
  /** Below this free space non-critical writes stop (raw metrics, tickets, routine log lines); degraded below twice it. */
  disk_low_mb: range(500, 1, 1_000_000, 'MB'),
  /** How often the database's structure is checked (PRAGMA quick_check, in a worker thread). */
  integrity_check_interval_s: range(21_600, 60, 604_800, 's'),
  /** A check that runs longer is abandoned (said in health, not counted as damage). */
  integrity_check_timeout_s: range(60, 1, 3600, 's'),
  /** The LLM, switched to templates after failures, is re-probed after this (doubling to 8 times it). */
  llm_retry_after_s: range(600, 10, 86_400, 's'),
  /** Longest wait between the self-healer's reconnects of a silent feed (it doubles up to this). */
  feed_reconnect_max_s: range(300, 5, 3600, 's'),
});

export const loggingSection = section({
  /** logs/sairen.log in the data directory rotates at this size. */
  max_file_mb: range(10, 1, 1000, 'MB'),
  /** Rotated files kept (sairen.log.1 ...); the oldest goes. */
  keep_files: count(5, 1, 100, 'files'),
});

export const mlSection = section({
  /** Hourly optimal-parameter analysis (DOMAIN §10). */
  enabled: z.boolean().default(true),
  /** Data-time seconds between scheduled runs. */
  interval_s: range(3600, 300, 86_400, 's'),
  /** Data-time seconds looked back over (at most 7200 packets are analysed). */
  window_s: range(7200, 600, 14_400, 's'),
});

export const reportsSection = section({
  /** Local hours (0-23) at which a shift starts; the report of the shift that ended is written then. */
  shift_start_hours: z.array(z.number().int().min(0).max(23)).min(1).max(24).default([6, 18]),
  /** Write the shift report into <data dir>/reports at each shift change. */
  auto_write: z.boolean().default(true),
  /** Units of the automatic report (an export asks for its own). */
  units: z.enum(['imperial', 'metric']).default('imperial'),
  /** A TrueType font with the letters the reports need; empty = DejaVu Sans where installed. */
  font_file: z.string().default(''),
});
