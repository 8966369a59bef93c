// [campaign]: production or plug & abandonment, with each campaign's overrides.
import { z } from 'zod';
import { optionalRange, percent, range, section, weight } from './fields.js';

export const campaignSection = section({
  active: z.enum(['production', 'plug_abandonment']).default('production'),
  /** Unset = the global thresholds apply (thresholds.mse, thresholds.well_control). */
  production: section({
    mse_efficiency_warning: optionalRange(1, 100, '%'),
    mse_efficiency_poor: optionalRange(0, 100, '%'),
    flow_imbalance_warning: optionalRange(1, 100, 'gpm'),
    flow_imbalance_critical: optionalRange(1, 200, 'gpm'),
    pressure_test_tolerance: range(50, 1, 1000, 'psi'),
    weight_mse: weight(0.2),
    weight_hydraulic: weight(0.2),
    weight_well_control: weight(0.3),
    weight_formation: weight(0.15),
    weight_stuck_pipe: weight(0.15),
  }),
  /** P&A's tighter tolerances (DOMAIN §8) override the global thresholds while P&A is active. */
  plug_abandonment: section({
    mse_efficiency_warning: percent(50, 1),
    mse_efficiency_poor: percent(30),
    flow_imbalance_warning: range(5, 1, 100, 'gpm'),
    flow_imbalance_critical: range(15, 1, 200, 'gpm'),
    pressure_test_tolerance: range(25, 1, 1000, 'psi'),
    /** Optional: well-control events clear after this many seconds in P&A (unset: alarms.well_control_clear_after_s). */
    alarm_well_control_clear_after_s: optionalRange(30, 3600, 's'),
    cement_pressure_hold: range(500, 0, 10_000, 'psi'),
    barrier_pressure_margin: range(100, 0, 5000, 'psi'),
    cement_returns_expected: z.boolean().default(true),
    plug_depth_tolerance: range(5, 0, 500, 'ft'),
    weight_mse: weight(0.1),
    weight_hydraulic: weight(0.3),
    weight_well_control: weight(0.4),
    weight_formation: weight(0.1),
    weight_stuck_pipe: weight(0.1),
  }),
});
