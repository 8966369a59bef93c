// The shape the model must answer in, as a JSON schema (for node-llama-cpp's grammar, so the
// model cannot produce anything else) and as a zod schema (to check what came back), plus the
// per-parameter limits the range check applies. Pure data.
import { z } from 'zod';

export const PARAMETER_NAMES = ['wob', 'rpm', 'flow_rate', 'mud_weight', 'spp', 'torque', 'rop'] as const;
export type ParameterName = (typeof PARAMETER_NAMES)[number];

export const PARAMETER_ACTIONS = ['increase', 'decrease', 'hold', 'set', 'stop'] as const;

export interface ParameterLimit {
  unit: string;
  /** Unit spellings accepted as the same unit (lowercase). */
  unitAliases: readonly string[];
  min: number;
  max: number;
  /**
   * Largest single-step increase over the current reading, as a fraction (0.2 = +20 %).
   * Applies to controls the driller steps up gradually; null = no step rule.
   */
  maxStepUpFraction: number | null;
  label: string;
}

/**
 * Hard limits for any recommended value. Chosen as sane envelopes for land/offshore rotary
 * drilling in US oilfield units; the mud-weight ceiling is further tightened by the well's
 * fracture gradient (metrics or config) in parse-output.ts.
 */
export const PARAMETER_LIMITS: Record<ParameterName, ParameterLimit> = {
  wob: { unit: 'klbf', unitAliases: ['klbf', 'klb', 'klbs', 'kips'], min: 0, max: 100, maxStepUpFraction: 0.2, label: 'WOB' },
  rpm: { unit: 'rpm', unitAliases: ['rpm', 'rev/min'], min: 0, max: 250, maxStepUpFraction: 0.2, label: 'RPM' },
  flow_rate: { unit: 'gpm', unitAliases: ['gpm', 'gal/min'], min: 0, max: 1500, maxStepUpFraction: 0.2, label: 'flow rate' },
  mud_weight: { unit: 'ppg', unitAliases: ['ppg', 'lb/gal'], min: 5, max: 25, maxStepUpFraction: null, label: 'mud weight' },
  spp: { unit: 'psi', unitAliases: ['psi'], min: 0, max: 7500, maxStepUpFraction: null, label: 'standpipe pressure' },
  torque: { unit: 'kft-lbf', unitAliases: ['kft-lbf', 'kft.lbf', 'kftlbf', 'kft-lb', 'kft.lb'], min: 0, max: 100, maxStepUpFraction: null, label: 'torque' },
  rop: { unit: 'ft/hr', unitAliases: ['ft/hr', 'ft/h', 'fph'], min: 0, max: 500, maxStepUpFraction: null, label: 'ROP' },
};

/**
 * Confidence in tenths. An enum, not a free number: the grammar's number rule allows exponents
 * ("-71e827", seen from a random-weight model), which JSON.parse turns into Infinity.
 */
export const CONFIDENCE_STEPS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] as const;

export const TEXT_LIMITS = { diagnosis: 300, recommendation: 300, reasoning: 400, unit: 12, maxParameters: 4 } as const;

/** For the grammar: every string bounded, so the answer always terminates. */
export const ADVISORY_JSON_SCHEMA = {
  type: 'object',
  properties: {
    diagnosis: { type: 'string', minLength: 1, maxLength: TEXT_LIMITS.diagnosis },
    recommendation: { type: 'string', minLength: 1, maxLength: TEXT_LIMITS.recommendation },
    parameters: {
      type: 'array',
      maxItems: TEXT_LIMITS.maxParameters,
      items: {
        type: 'object',
        properties: {
          name: { enum: [...PARAMETER_NAMES] },
          action: { enum: [...PARAMETER_ACTIONS] },
          from: { type: ['number', 'null'] },
          to: { type: ['number', 'null'] },
          unit: { type: 'string', maxLength: TEXT_LIMITS.unit },
        },
      },
    },
    confidence: { enum: [...CONFIDENCE_STEPS] },
    reasoning: { type: 'string', minLength: 1, maxLength: TEXT_LIMITS.reasoning },
  },
} as const;

export const LlmParameterSchema = z
  .object({
    name: z.enum(PARAMETER_NAMES),
    action: z.enum(PARAMETER_ACTIONS),
    from: z.number().finite().nullable(),
    to: z.number().finite().nullable(),
    unit: z.string().max(TEXT_LIMITS.unit),
  })
  .strict();

const text = (max: number) => z.string().max(max).refine((s) => s.trim() !== '', { message: 'empty' });

export const LlmOutputSchema = z
  .object({
    diagnosis: text(TEXT_LIMITS.diagnosis),
    recommendation: text(TEXT_LIMITS.recommendation),
    parameters: z.array(LlmParameterSchema).max(TEXT_LIMITS.maxParameters),
    confidence: z.number().finite(),
    reasoning: text(TEXT_LIMITS.reasoning),
  })
  .strict();

export type LlmOutput = z.infer<typeof LlmOutputSchema>;
