// The running campaign (Production / Plug & Abandonment) and its specialist weights (its
// thresholds are worked out with the rest in physics/thresholds.ts). Switching is recorded (who, when) and
// applies from the next packet.
import { parseCampaign, type Campaign, type CampaignChange } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import { WEIGHT_SUM_TOLERANCE } from './validate.js';

/** Specialist weights, one per specialist; they sum to 1. */
export interface Weights {
  mse: number;
  hydraulic: number;
  wellControl: number;
  formation: number;
  stuckPipe: number;
}

export class InvalidWeightsError extends Error {
  constructor(
    readonly key: string,
    readonly sum: number,
  ) {
    super(`${key}: specialist weights must sum to 1 within ±${WEIGHT_SUM_TOLERANCE} (sum ${Math.round(sum * 1000) / 1000})`);
    this.name = 'InvalidWeightsError';
  }
}

/** Throws InvalidWeightsError unless the weights are non-negative and sum to 1 (±0.01). */
export function assertWeights(w: Weights, key: string): Weights {
  const values = [w.mse, w.hydraulic, w.wellControl, w.formation, w.stuckPipe];
  const sum = values.reduce((a, b) => a + b, 0);
  if (values.some((v) => !Number.isFinite(v) || v < 0) || Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    throw new InvalidWeightsError(key, sum);
  }
  return w;
}

/**
 * The active campaign's weight_* keys (DOMAIN §8: campaign keys apply over the global ones;
 * production's defaults equal ensemble_weights).
 */
export function weightsFor(config: WellConfig, campaign: Campaign): Weights {
  const s = config.campaign[campaign];
  return assertWeights(
    {
      mse: s.weight_mse,
      hydraulic: s.weight_hydraulic,
      wellControl: s.weight_well_control,
      formation: s.weight_formation,
      stuckPipe: s.weight_stuck_pipe,
    },
    `campaign.${campaign}`,
  );
}

export const unknownCampaign = (name: string): string =>
  `unknown campaign "${name}": use production (prod, drilling) or plug_abandonment (pa, p&a, abandonment)`;

export type CampaignListener = (change: CampaignChange) => void;

export type CampaignSwitchResult =
  | { ok: true; change: CampaignChange | null; campaign: Campaign }
  | { ok: false; error: string; campaign: Campaign };

export class CampaignController {
  private current: Campaign;
  private readonly log: CampaignChange[] = [];
  private readonly listeners = new Set<CampaignListener>();

  constructor(initial: Campaign = 'production') {
    this.current = initial;
  }

  get(): Campaign {
    return this.current;
  }

  /** Accepts the names of parseCampaign (prod, pa, p&a, ...). Same campaign = no change. */
  switch(name: string, actor: string, nowMs: number): CampaignSwitchResult {
    const to = parseCampaign(name);
    if (!to) {
      return {
        ok: false,
        error: unknownCampaign(name),
        campaign: this.current,
      };
    }
    if (to === this.current) return { ok: true, change: null, campaign: to };
    const change: CampaignChange = { timeMs: nowMs, actor, from: this.current, to };
    this.current = to;
    this.log.push(change);
    for (const l of this.listeners) l(change);
    return { ok: true, change, campaign: to };
  }

  history(): readonly CampaignChange[] {
    return this.log;
  }

  onSwitch(listener: CampaignListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
