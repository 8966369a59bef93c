// How faults are judged and advised: learned baselines, advisory repeats and cooldowns, alarm
// events, ensemble weights, physics constants and the trip sheet.
import { z } from 'zod';
import { count, fraction, range, section, weight } from './fields.js';

export const baselineLearningSection = section({
  enabled: z.boolean().default(true),
  warning_sigma: range(3, 0.5, 10, 'sigma'),
  critical_sigma: range(5, 1, 20, 'sigma'),
  min_samples_for_lock: count(100, 10, 100_000, 'samples'),
  min_std_floor: range(0.001, 1e-9, 1000, '(channel units)'),
  max_outlier_percentage: fraction(0.05),
  outlier_sigma_threshold: range(3, 0.5, 20, 'sigma'),
});

export const advisorySection = section({
  /** An advised fault is ticketed again after this many seconds (its event's numbers refresh). */
  repeat_after_s: range(600, 60, 3600, 's'),
  /** A well-control fault (kick, loss...) refreshes sooner: the event's numbers are what the crew acts on. */
  well_control_repeat_after_s: range(60, 10, 3600, 's'),
  /** Optimisation advice (efficiency, founder, torque rise, new rock) is repeated at most this often. */
  advice_repeat_after_s: range(1800, 300, 14400, 's'),
  /** ... or after this much new hole, ft. */
  repeat_after_depth_ft: range(100, 10, 2000, 'ft'),
  /** A ticket the physics check rejected is retried after this many seconds. */
  retry_after_rejected_s: range(60, 5, 900, 's'),
  /** Seconds without the detection that end a fault's episode. */
  episode_gap_s: range(120, 10, 1800, 's'),
  // Hard maximums: a longer cooldown would silence a returning critical advisory.
  critical_cooldown_seconds: range(30, 0, 600, 's'),
  default_cooldown_seconds: range(60, 0, 3600, 's'),
  packet_cooldown: count(50, 0, 3600, 'packets'),
  critical_packet_cooldown: count(20, 0, 600, 'packets'),
  depth_cooldown_ft: range(50, 0, 1000, 'ft'),
  critical_depth_cooldown_ft: range(10, 0, 200, 'ft'),
});

/** Alarm events (ISA-18.2 states, EEMUA 191 rates). */
export const alarmsSection = section({
  /** Seconds a condition must be absent (while the detectors can judge it) before its event clears. */
  clear_after_s: range(120, 10, 3600, 's'),
  /** The same for well-control events, seconds. */
  well_control_clear_after_s: range(300, 30, 3600, 's'),
  /** A fault returning within this many seconds of clearing reopens its event (and sounds again). */
  reopen_window_s: range(600, 0, 7200, 's'),
  /** Longest a supervisor may shelve a nuisance event, seconds. */
  max_shelve_s: range(28_800, 60, 43_200, 's'),
});

export const ensembleWeightsSection = section({
  mse: weight(0.2),
  hydraulic: weight(0.2),
  well_control: weight(0.3),
  formation: weight(0.15),
  stuck_pipe: weight(0.15),
});

export const physicsSection = section({
  formation_hardness_base_psi: range(5000, 0, 100_000, 'psi'),
  formation_hardness_multiplier: range(8000, 1, 100_000, 'psi'),
  kick_min_indicators: count(2, 1, 4, 'indicators'),
  loss_min_indicators: count(2, 1, 4, 'indicators'),
  kick_gas_increase_threshold: range(50, 1, 5000, 'gas units'),
  kick_flow_severity_divisor: range(50, 1, 1000, 'gpm'),
  kick_pit_severity_divisor: range(20, 1, 1000, 'bbl'),
  kick_gas_severity_divisor: range(500, 1, 10_000, 'gas units'),
  confidence_full_window: count(60, 1, 3600, 'packets'),
  min_rop_for_mse: range(0.1, 0.01, 100, 'ft/hr'),
  history_size: count(60, 10, 3600, 'packets'),
  pit_rate_window_s: range(40, 20, 900, 's'),
  pit_gain_window_s: range(600, 20, 3600, 's'),
  flowback_settle_s: range(120, 10, 1800, 's'),
});

/** Trip monitoring (the automated trip sheet) and the pit watch with the pumps off. */
export const tripSection = section({
  /** Pipe outside diameter, in (the string being tripped). */
  pipe_od_in: range(5, 1, 20, 'in'),
  /** Pipe inside diameter, in. */
  pipe_id_in: range(4.276, 0, 19, 'in'),
  /** Pipe pulled wet / run closed-end: the mud inside moves with it (closed-end displacement). */
  pipe_closed_end: z.boolean().default(false),
  /** Trip tank: unexplained gain (more back, or less fill, than the pipe displaces) that warns, bbl. */
  gain_warning_bbl: range(1.5, 0.1, 50, 'bbl'),
  gain_critical_bbl: range(4, 0.1, 100, 'bbl'),
  /** Trip tank: unexplained loss (the hole takes more than the pipe displaces) that warns, bbl. */
  loss_warning_bbl: range(2, 0.1, 50, 'bbl'),
  loss_critical_bbl: range(5, 0.1, 100, 'bbl'),
  /** Gains and losses add up over this window, s. */
  window_s: range(900, 120, 7200, 's'),
  /** A tank moving faster than this with nothing else explaining it is a transfer, not the well, bbl/min. */
  transfer_rate_bbl_min: range(5, 1, 100, 'bbl/min'),
});
