// Validation of the [trip] section beyond each key's own range (the schema): the pipe must be a
// pipe (ID < OD) and each critical limit at or beyond its warning.
import type { ConfigIssue, WellConfig } from '../../src-shared/config.js';

export function tripIssues(c: WellConfig): ConfigIssue[] {
  const t = c.trip;
  const out: ConfigIssue[] = [];
  const err = (key: string, rule: string) => out.push({ key: `trip.${key}`, message: `trip.${key}: ${rule}` });
  if (t.pipe_id_in >= t.pipe_od_in) err('pipe_id_in', `must be less than trip.pipe_od_in (${t.pipe_id_in} >= ${t.pipe_od_in})`);
  if (t.gain_critical_bbl < t.gain_warning_bbl) err('gain_critical_bbl', `must be >= trip.gain_warning_bbl (${t.gain_critical_bbl} < ${t.gain_warning_bbl})`);
  if (t.loss_critical_bbl < t.loss_warning_bbl) err('loss_critical_bbl', `must be >= trip.loss_warning_bbl (${t.loss_critical_bbl} < ${t.loss_warning_bbl})`);
  return out;
}
