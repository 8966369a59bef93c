import type { Campaign, Operation } from './campaign.js';
import type { EpisodeSignature, FleetOutcome } from './fleet.js';
import type { RichText } from './quantity.js';
import type { DrillingMetrics } from './metrics.js';
import type { RigState, WitsPacket } from './wits.js';

/** Coarse anomaly families (DOMAIN.md §2.2); specialists and weights work at this level. */
export type AnomalyCategory =
  | 'WellControl'
  | 'Hydraulics'
  | 'Mechanical'
  | 'DrillingEfficiency'
  | 'Formation';

/** What the driller would call the problem. Tests and ground truth work at this level. */
export type FaultKind =
  | 'kick'
  | 'loss'
  | 'gas'
  | 'h2s'
  | 'pit-rate'
  | 'ecd-margin'
  | 'washout'
  | 'spp-deviation'
  | 'pack-off'
  | 'stick-slip'
  | 'founder'
  | 'torque-rise'
  | 'mse-inefficiency'
  | 'formation-change'
  /** The well gains with the pumps off: trip tank against the pipe displacement, or the pits (influx, swab). */
  | 'trip-gain'
  /** The well takes more than the pipe displaces with the pumps off (losses while tripping or static). */
  | 'trip-loss';

export const FAULT_CATEGORY: Record<FaultKind, AnomalyCategory> = {
  kick: 'WellControl',
  loss: 'WellControl',
  gas: 'WellControl',
  h2s: 'WellControl',
  'pit-rate': 'WellControl',
  'ecd-margin': 'Hydraulics',
  washout: 'Hydraulics',
  'spp-deviation': 'Hydraulics',
  'pack-off': 'Mechanical',
  'stick-slip': 'Mechanical',
  founder: 'Mechanical',
  'torque-rise': 'Mechanical',
  'mse-inefficiency': 'DrillingEfficiency',
  'formation-change': 'Formation',
  'trip-gain': 'WellControl',
  'trip-loss': 'WellControl',
};

/**
 * Optimisation advice, not a hazard: efficiency, founder (weight past the founder point), a
 * torque rise with no pack-off sign, new rock. Always GREEN (never an alarm), and not repeated
 * while the driller works on it (issue 11: on real wells these were most of the flood).
 */
export const OPTIMISATION_ADVICE: ReadonlySet<FaultKind> = new Set<FaultKind>(['mse-inefficiency', 'founder', 'torque-rise', 'formation-change']);

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export const SEVERITY_RANK: Record<Severity, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

/** Consensus risk. GREEN = Low, AMBER = Elevated or High, RED = Critical. */
export type RiskLevel = 'Low' | 'Elevated' | 'High' | 'Critical';
export const RISK_RANK: Record<RiskLevel, number> = { Low: 1, Elevated: 2, High: 3, Critical: 4 };

export interface Breach {
  parameter: string;
  actual: number;
  threshold: number;
  level: 'WARNING' | 'CRITICAL';
  unit: string;
}

export interface Ticket {
  id: string;
  timeMs: number;
  category: AnomalyCategory;
  fault: FaultKind;
  severity: Severity;
  trigger: { parameter: string; value: number; threshold: number; unit: string };
  breaches: Breach[];
  description: string;
  rigState: RigState;
  operation: Operation;
  campaign: Campaign;
  depthFt: number | null;
  packet: WitsPacket;
  metrics: DrillingMetrics;
}

export type VerificationStatus = 'Confirmed' | 'Uncertain' | 'Rejected';

export interface VerificationResult {
  ticketId: string;
  timeMs: number;
  category: AnomalyCategory;
  fault: FaultKind;
  status: VerificationStatus;
  severity: Severity;
  /** A reason a driller can read: "flow out 42 gpm above flow in for 30 s, pit +6.1 bbl". */
  reason: string;
  /** 0-1: how much history and how consistent the trend. */
  confidence: number;
  /** Uncertain with the evidence still building (a trend just clearing): checked again this soon, s. */
  recheckAfterS?: number;
}

export type VoteLevel = 'HEALTHY' | Severity;

export interface SpecialistVote {
  specialist: string;
  level: VoteLevel;
  weight: number;
  reason: string;
}

export interface Precedent {
  id: string;
  /** One line: "F-7, 7,579 ft, 3 weeks ago: pack-off, circulated and reamed, resolved". */
  summary: string;
  source: string;
  /** Structured fields (recall precedents; the static knowledge base has only the text). */
  rig?: string;
  well?: string;
  depthFt?: number | null;
  timeMs?: number;
  outcome?: FleetOutcome;
  /** What was done and how it ended: "pack-off, circulated and reamed, resolved". */
  resolution?: string;
  /** Cosine similarity of the physics signatures, 0-1. */
  similarity?: number;
}

export interface AdvisoryText {
  diagnosis: string;
  recommendation: string;
  expectedBenefit: string;
  reasoning: string;
}

/** The template text as parts with numbers and units, so a screen can show its own units. */
export interface AdvisoryParts {
  diagnosis: RichText;
  recommendation: RichText;
  expectedBenefit: RichText;
  reasoning: RichText;
}

export interface RecommendedParameter {
  name: string;
  action: string;
  from: number | null;
  to: number | null;
  unit: string;
}

export interface LlmAdvisoryText extends AdvisoryText {
  model: string;
  parameters: RecommendedParameter[];
  confidence: number;
}

export interface Advisory {
  /** `ADV-` + 8 hex; stable across template -> LLM enrichment. */
  id: string;
  timeMs: number;
  ticketId: string;
  category: AnomalyCategory;
  fault: FaultKind;
  severity: Severity;
  riskLevel: RiskLevel;
  /** Weighted consensus score of the votes (1 = Low .. 4 = Critical). */
  consensusScore: number;
  confidence: number;
  /** Which text is shown. */
  source: 'template' | 'llm';
  template: AdvisoryText;
  /** `template` as parts (absent on advisories stored before parts existed). */
  templateParts?: AdvisoryParts;
  llm: LlmAdvisoryText | null;
  /** Why the LLM text is not shown, when a model was asked and failed or was refused. */
  llmFallbackReason: string | null;
  physicsVerdict: VerificationResult;
  votes: SpecialistVote[];
  precedents: Precedent[];
  trigger: Ticket['trigger'];
  breaches: Breach[];
  campaign: Campaign;
  operation: Operation;
  rigState: RigState;
  depthFt: number | null;
  metrics: DrillingMetrics;
  /** The physics signature precedents were matched on (absent on advisories from older releases). */
  signature?: EpisodeSignature;
  /** The alarm event (one per fault) this advisory belongs to; absent on records made before events. */
  eventId?: string | null;
}

/** The text the UI shows: the LLM's when the advisory says so, else the template's. */
export function shownText(a: Advisory): AdvisoryText {
  return a.source === 'llm' && a.llm ? a.llm : a.template;
}

export interface Acknowledgement {
  id: string;
  advisoryId: string;
  /** The alarm event acknowledged (absent on acknowledgements made before events). */
  eventId?: string | null;
  timeMs: number;
  actor: string;
  action: string;
  notes: string;
}

export type AuditKind =
  | 'acknowledgement'
  | 'config-change'
  | 'campaign-switch'
  | 'baseline-lock'
  | 'baseline-reset'
  | 'source-change'
  | 'llm-mode'
  | 'ml-run'
  | 'outcome'
  | 'alarm-event'
  | 'not-recording'
  | 'file-set-aside'
  | 'config-rejected'
  /** The self-healer acted on a component (reconnect, fallback, writes paused, file set aside). */
  | 'self-heal';

export interface AuditEntry {
  seq: number;
  timeMs: number;
  actor: string;
  kind: AuditKind;
  summary: string;
  before: unknown;
  after: unknown;
  /** What the entry is about when it is one thing (an alarm event's id); null otherwise. */
  subject?: string | null;
}
