// The field kinds of the configuration schema: a number in its physical range and unit, a whole
// number, a fraction, and a section (a strict table whose keys all have defaults).
import { z } from 'zod';

/** A number accepted by `ok`; otherwise an error naming the range, e.g. "must be within 1 to 100 gpm (got -3)". */
const checked = (ok: (v: number) => boolean, rule: string) => z.number().refine(ok, { error: (iss) => `must be ${rule} (got ${String(iss.input)})` });
const inRange = (min: number, max: number, unit: string) => checked((v) => Number.isFinite(v) && v >= min && v <= max, `within ${min} to ${max} ${unit}`);

/**
 * A number within its physical range, in its unit. Safety-relevant limits (feed timeout,
 * well-control thresholds, cooldowns) have hard maximums that no configuration can exceed.
 */
export const range = (d: number, min: number, max: number, unit: string) => inRange(min, max, unit).default(d);
/** A whole number within its range (sample counts, packets). */
export const count = (d: number, min: number, max: number, unit: string) =>
  checked((v) => Number.isInteger(v) && v >= min && v <= max, `a whole number within ${min} to ${max} ${unit}`).default(d);
export const fraction = (d: number, min = 0, max = 1) => range(d, min, max, '(fraction)');
export const percent = (d: number, min = 0) => range(d, min, 100, '%');
export const weight = (d: number) => range(d, 0, 1, '(weight)');
/** Like range(), but unset means "not overridden" (campaign keys over the global thresholds). */
export const optionalRange = (min: number, max: number, unit: string) => inRange(min, max, unit).optional();
export const section = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict().prefault({} as never);
