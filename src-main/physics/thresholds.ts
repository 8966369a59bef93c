// The one place thresholds are worked out (ARCHITECTURE.md "The hot path"): the config's
// global keys, then the active campaign's keys as optional overrides (DOMAIN §8; the reference
// only reported them, quirk 9), then the limits a locked baseline learned. Detectors, tactical,
// verification, specialists, templates and the screens' tile colours all read this result.
import type { Campaign } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { ActiveLimits } from '../../src-shared/status.js';
import type { LearnedLimits } from '../baseline/learner.js';

export interface EffectiveThresholds {
  campaign: Campaign;
  // Well control
  flowImbalanceWarningGpm: number;
  flowImbalanceCriticalGpm: number;
  pitGainWarningBbl: number;
  pitGainCriticalBbl: number;
  pitRateWarningBblHr: number;
  pitRateCriticalBblHr: number;
  gasWarningUnits: number;
  gasCriticalUnits: number;
  h2sWarningPpm: number;
  h2sCriticalPpm: number;
  /** Gas above its running background by this much counts as a kick indicator. */
  kickGasIncreaseUnits: number;
  kickMinIndicators: number;
  lossMinIndicators: number;
  kickFlowSeverityDivisorGpm: number;
  kickPitSeverityDivisorBbl: number;
  kickGasSeverityDivisorUnits: number;
  /** Trip tank against the pipe displacement, with the pumps off (config [trip]). */
  tripGainWarningBbl: number;
  tripGainCriticalBbl: number;
  tripLossWarningBbl: number;
  tripLossCriticalBbl: number;
  // Hydraulics
  ecdMarginWarningPpg: number;
  ecdMarginCriticalPpg: number;
  sppDeviationWarningPsi: number;
  sppDeviationCriticalPsi: number;
  /** SPP drop vs baseline at steady pumps that reads as a washout. */
  washoutSppDropPsi: number;
  // Mechanical
  torqueIncreaseWarningFraction: number;
  torqueIncreaseCriticalFraction: number;
  /**
   * The least torque rise a two-minute trend must show: half the torque warning, the configured
   * one where a learned baseline widened it. The trend already stands against this rig's own
   * noise, and a noisy torque's learned warning (0.47 on one real well) would count that noise twice.
   */
  torqueTrendFloorFraction: number;
  stickSlipCvWarning: number;
  stickSlipCvCritical: number;
  stickSlipMinSamples: number;
  packoffSppIncreaseFraction: number;
  packoffRopDecreaseFraction: number;
  founderWobIncreaseMin: number;
  founderRopResponseMin: number;
  founderSeverityWarning: number;
  founderSeverityHigh: number;
  founderMinSamples: number;
  founderQuickWobDeltaFraction: number;
  founderMinWobKlbf: number;
  founderDebouncePackets: number;
  // Efficiency
  mseEfficiencyWarningPercent: number;
  mseEfficiencyPoorPercent: number;
  /** P&A pressure-test tolerance quoted in well-control advice. */
  pressureTestTolerancePsi: number;
  // Formation
  dExponentDecreaseWarning: number;
  mseChangeSignificantFraction: number;
  dxcTrendThreshold: number;
  // Strategic verification
  verifyFlowBalanceConfirmGpm: number;
  verifyFlowBalanceCriticalGpm: number;
  verifyPitRateConfirmBblHr: number;
  verifyPitRateCriticalBblHr: number;
  verifyFlowBalanceTransientGpm: number;
  verifyPitRateTransientBblHr: number;
  verifySppSustainedPsi: number;
  verifySppNormalPsi: number;
  verifyTrendConsistencyR2: number;
  verifyFormationTrendR2: number;
  verifyDxcChange: number;
}

export function thresholdsFor(config: WellConfig, campaign: Campaign, learned: LearnedLimits | null = null): EffectiveThresholds {
  const t = config.thresholds;
  const wc = t.well_control;
  const c: CampaignOverrides = config.campaign[campaign];
  const sv = t.strategic_verification;
  const configured: EffectiveThresholds = {
    campaign,
    flowImbalanceWarningGpm: c.flow_imbalance_warning ?? wc.flow_imbalance_warning_gpm,
    flowImbalanceCriticalGpm: c.flow_imbalance_critical ?? wc.flow_imbalance_critical_gpm,
    pitGainWarningBbl: wc.pit_gain_warning_bbl,
    pitGainCriticalBbl: wc.pit_gain_critical_bbl,
    pitRateWarningBblHr: wc.pit_rate_warning_bbl_hr,
    pitRateCriticalBblHr: wc.pit_rate_critical_bbl_hr,
    gasWarningUnits: wc.gas_units_warning,
    gasCriticalUnits: wc.gas_units_critical,
    h2sWarningPpm: wc.h2s_warning_ppm,
    h2sCriticalPpm: wc.h2s_critical_ppm,
    kickGasIncreaseUnits: config.physics.kick_gas_increase_threshold,
    kickMinIndicators: config.physics.kick_min_indicators,
    lossMinIndicators: config.physics.loss_min_indicators,
    kickFlowSeverityDivisorGpm: config.physics.kick_flow_severity_divisor,
    kickPitSeverityDivisorBbl: config.physics.kick_pit_severity_divisor,
    kickGasSeverityDivisorUnits: config.physics.kick_gas_severity_divisor,
    tripGainWarningBbl: config.trip.gain_warning_bbl,
    tripGainCriticalBbl: config.trip.gain_critical_bbl,
    tripLossWarningBbl: config.trip.loss_warning_bbl,
    tripLossCriticalBbl: config.trip.loss_critical_bbl,
    ecdMarginWarningPpg: t.hydraulics.ecd_margin_warning_ppg,
    ecdMarginCriticalPpg: t.hydraulics.ecd_margin_critical_ppg,
    sppDeviationWarningPsi: t.hydraulics.spp_deviation_warning_psi,
    sppDeviationCriticalPsi: t.hydraulics.spp_deviation_critical_psi,
    washoutSppDropPsi: t.hydraulics.spp_deviation_warning_psi,
    torqueIncreaseWarningFraction: t.mechanical.torque_increase_warning,
    torqueIncreaseCriticalFraction: t.mechanical.torque_increase_critical,
    torqueTrendFloorFraction: t.mechanical.torque_increase_warning / 2,
    stickSlipCvWarning: t.mechanical.stick_slip_cv_warning,
    stickSlipCvCritical: t.mechanical.stick_slip_cv_critical,
    stickSlipMinSamples: t.mechanical.stick_slip_min_samples,
    packoffSppIncreaseFraction: t.mechanical.packoff_spp_increase_threshold,
    packoffRopDecreaseFraction: t.mechanical.packoff_rop_decrease_threshold,
    founderWobIncreaseMin: t.founder.wob_increase_min,
    founderRopResponseMin: t.founder.rop_response_min,
    founderSeverityWarning: t.founder.severity_warning,
    founderSeverityHigh: t.founder.severity_high,
    founderMinSamples: t.founder.min_samples,
    founderQuickWobDeltaFraction: t.founder.quick_wob_delta_percent,
    founderMinWobKlbf: t.founder.min_wob_klbs,
    founderDebouncePackets: t.founder.debounce_packets,
    mseEfficiencyWarningPercent: c.mse_efficiency_warning ?? t.mse.efficiency_warning_percent,
    mseEfficiencyPoorPercent: c.mse_efficiency_poor ?? t.mse.efficiency_poor_percent,
    pressureTestTolerancePsi: config.campaign[campaign].pressure_test_tolerance,
    dExponentDecreaseWarning: t.formation.dexp_decrease_warning,
    mseChangeSignificantFraction: t.formation.mse_change_significant,
    dxcTrendThreshold: t.formation.dxc_trend_threshold,
    verifyFlowBalanceConfirmGpm: sv.flow_balance_confirmation_gpm,
    verifyFlowBalanceCriticalGpm: sv.flow_balance_critical_gpm,
    verifyPitRateConfirmBblHr: sv.pit_rate_confirmation_bbl_hr,
    verifyPitRateCriticalBblHr: sv.pit_rate_critical_bbl_hr,
    verifyFlowBalanceTransientGpm: sv.flow_balance_transient_gpm,
    verifyPitRateTransientBblHr: sv.pit_rate_transient_bbl_hr,
    verifySppSustainedPsi: sv.spp_deviation_sustained_psi,
    verifySppNormalPsi: sv.spp_deviation_normal_psi,
    verifyTrendConsistencyR2: sv.trend_consistency_threshold,
    verifyFormationTrendR2: sv.formation_trend_consistency,
    verifyDxcChange: sv.dxc_change_threshold,
  };
  if (!learned) return configured;
  const merged = { ...configured, ...learned };
  // A learned torque warning under the configured one (a quiet rig) lowers the trend's floor too.
  merged.torqueTrendFloorFraction = Math.min(merged.torqueIncreaseWarningFraction, configured.torqueIncreaseWarningFraction) / 2;
  return merged;
}

/** The keys a campaign section may set over the global ones (unset = the global key applies). */
interface CampaignOverrides {
  flow_imbalance_warning?: number;
  flow_imbalance_critical?: number;
  mse_efficiency_warning?: number;
  mse_efficiency_poor?: number;
}

/** The bands a screen needs to colour tiles and draw threshold lines, from the effective thresholds. */
export function activeLimits(t: EffectiveThresholds): ActiveLimits {
  return {
    flowBalanceGpm: { warning: t.flowImbalanceWarningGpm, critical: t.flowImbalanceCriticalGpm, direction: 'magnitude', unit: 'gpm' },
    pitGainBbl: { warning: t.pitGainWarningBbl, critical: t.pitGainCriticalBbl, direction: 'magnitude', unit: 'bbl' },
    pitRateBblHr: { warning: t.pitRateWarningBblHr, critical: t.pitRateCriticalBblHr, direction: 'magnitude', unit: 'bbl/hr' },
    gasUnits: { warning: t.gasWarningUnits, critical: t.gasCriticalUnits, direction: 'above', unit: 'units' },
    h2sPpm: { warning: t.h2sWarningPpm, critical: t.h2sCriticalPpm, direction: 'above', unit: 'ppm' },
    ecdMarginPpg: { warning: t.ecdMarginWarningPpg, critical: t.ecdMarginCriticalPpg, direction: 'below', unit: 'ppg' },
    sppDeltaPsi: { warning: t.sppDeviationWarningPsi, critical: t.sppDeviationCriticalPsi, direction: 'magnitude', unit: 'psi' },
    torqueDeltaFraction: { warning: t.torqueIncreaseWarningFraction, critical: t.torqueIncreaseCriticalFraction, direction: 'above', unit: 'fraction' },
    torqueCv: { warning: t.stickSlipCvWarning, critical: t.stickSlipCvCritical, direction: 'above', unit: 'fraction' },
    mseEfficiencyPercent: { warning: t.mseEfficiencyWarningPercent, critical: t.mseEfficiencyPoorPercent, direction: 'below', unit: '%' },
    tripTankGainBbl: { warning: t.tripGainWarningBbl, critical: t.tripGainCriticalBbl, direction: 'magnitude', unit: 'bbl' },
  };
}
