export type Campaign = 'production' | 'plug_abandonment';

export const CAMPAIGNS: readonly Campaign[] = ['production', 'plug_abandonment'];

export type Operation =
  | 'ProductionDrilling'
  | 'Milling'
  | 'CementDrillOut'
  | 'Circulating'
  | 'Static';

export const OPERATION_CODES: Record<Operation, string> = {
  ProductionDrilling: 'DRILL',
  Milling: 'MILL',
  CementDrillOut: 'CDO',
  Circulating: 'CIRC',
  Static: 'STATIC',
};

/** Accepts the names drillers and scripts use (DOMAIN.md §8); null when not a campaign. */
export function parseCampaign(name: string): Campaign | null {
  const n = name.trim().toLowerCase();
  if (['production', 'prod', 'drilling'].includes(n)) return 'production';
  if (['p&a', 'pa', 'plug_abandonment', 'plug-abandonment', 'abandonment'].includes(n)) {
    return 'plug_abandonment';
  }
  return null;
}

export function campaignLabel(c: Campaign): string {
  return c === 'production' ? 'Production' : 'Plug & Abandonment';
}

/** A recorded campaign switch: who, when, from what to what. */
export interface CampaignChange {
  timeMs: number;
  actor: string;
  from: Campaign;
  to: Campaign;
}
