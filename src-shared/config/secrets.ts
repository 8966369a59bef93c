// Secret configuration keys and how they are hidden outside the engine.
import type { WellConfig } from '../config.js';

/**
 * Keys whose values never leave the engine: GET /config, the Bridge's getConfig, audit entries
 * of config changes and logs show REDACTED_SECRET instead. Add any future secret here.
 */
export const SECRET_CONFIG_KEYS: readonly string[] = ['server.token', 'fleet.key', 'storage.postgres_url'];

/** How a set secret reads outside the engine. Sent back unchanged it means "keep the secret". */
export const REDACTED_SECRET = '(hidden)';

export const isSecretConfigKey = (dottedKey: string): boolean => SECRET_CONFIG_KEYS.includes(dottedKey);

/** A secret's value as it may be shown: REDACTED_SECRET when set, '' when not. */
export const redactedValue = (value: unknown): unknown => (value === '' || value === undefined || value === null ? value : REDACTED_SECRET);

function leafOf(obj: unknown, parts: string[]): { parent: Record<string, unknown>; key: string } | null {
  let node = obj;
  for (const p of parts.slice(0, -1)) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
    node = (node as Record<string, unknown>)[p];
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
  const key = parts[parts.length - 1];
  return Object.prototype.hasOwnProperty.call(node, key) ? { parent: node as Record<string, unknown>, key } : null;
}

/** A copy of the configuration safe to hand out: every secret replaced by REDACTED_SECRET. */
export function redactConfig(config: WellConfig): WellConfig {
  const copy = structuredClone(config);
  for (const k of SECRET_CONFIG_KEYS) {
    const leaf = leafOf(copy, k.split('.'));
    if (leaf) leaf.parent[leaf.key] = redactedValue(leaf.parent[leaf.key]);
  }
  return copy;
}

/**
 * A config update with every secret that still reads REDACTED_SECRET taken out: a form that
 * echoes what getConfig gave it must not overwrite the real secret with the placeholder.
 */
export function dropRedactedSecrets(update: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(update);
  for (const k of SECRET_CONFIG_KEYS) {
    const leaf = leafOf(copy, k.split('.'));
    if (leaf && leaf.parent[leaf.key] === REDACTED_SECRET) delete leaf.parent[leaf.key];
  }
  return copy;
}
