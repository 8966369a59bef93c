// Validation of the [trip] section: the pipe must be a pipe (ID < OD), limits positive with
// critical beyond warning, windows and rates within what a trip sheet can use.
import type { ConfigIssue, WellConfig } from '../../src-shared/config.js';

export function tripIssues(c: WellConfig): ConfigIssue[] {
  const t = c.trip;
  const out: ConfigIssue[] = [];
  const err = (key: string, rule: string) => out.push({ key: `trip.${key}`, message: `trip.${key}: ${rule}` });
  const within = (key: keyof WellConfig['trip'], lo: number, hi: number, unit: string) => {
    const v = t[key] as number;
    if (!(v >= lo && v <= hi)) err(key, `must be within ${lo}-${hi} ${unit} (got ${v})`);
  };
  within('pipe_od_in', 1, 20, 'in');
  within('pipe_id_in', 0, 19, 'in');
  if (t.pipe_id_in >= t.pipe_od_in) err('pipe_id_in', `must be less than trip.pipe_od_in (${t.pipe_id_in} >= ${t.pipe_od_in})`);
  within('gain_warning_bbl', 0.1, 50, 'bbl');
  within('loss_warning_bbl', 0.1, 50, 'bbl');
  if (t.gain_critical_bbl < t.gain_warning_bbl) err('gain_critical_bbl', `must be >= trip.gain_warning_bbl (${t.gain_critical_bbl} < ${t.gain_warning_bbl})`);
  if (t.loss_critical_bbl < t.loss_warning_bbl) err('loss_critical_bbl', `must be >= trip.loss_warning_bbl (${t.loss_critical_bbl} < ${t.loss_warning_bbl})`);
  within('window_s', 120, 7200, 's');
  within('transfer_rate_bbl_min', 1, 100, 'bbl/min');
  return out;
}
