// The well configuration (well_config.toml). Keys mirror the TOML file one-to-one (snake_case)
// so an error can name the exact key a user typed. Every key is optional; defaults are the
// reference values in DOMAIN.md §11. Cross-field rules live in src-main/config/validate.ts.
// The sections are in src-shared/config/; this file is the public entry.
import { z } from 'zod';
import { campaignSection } from './config/campaign.js';
import { advisorySection, alarmsSection, baselineLearningSection, ensembleWeightsSection, physicsSection, tripSection } from './config/detection.js';
import { fleetSection, healthSection, knowledgeSection, llmSection, loggingSection, mlSection, reportsSection, serverSection, storageSection } from './config/services.js';
import { thresholdsSection } from './config/thresholds.js';
import { acquisitionSection, wellSection } from './config/well.js';

export const WellConfigSchema = z
  .object({
    well: wellSection,
    acquisition: acquisitionSection,
    thresholds: thresholdsSection,
    baseline_learning: baselineLearningSection,
    advisory: advisorySection,
    alarms: alarmsSection,
    ensemble_weights: ensembleWeightsSection,
    physics: physicsSection,
    trip: tripSection,
    campaign: campaignSection,
    llm: llmSection,
    server: serverSection,
    knowledge: knowledgeSection,
    storage: storageSection,
    fleet: fleetSection,
    health: healthSection,
    logging: loggingSection,
    ml: mlSection,
    reports: reportsSection,
  })
  .strict();

export type WellConfig = z.output<typeof WellConfigSchema>;
export type WellConfigInput = z.input<typeof WellConfigSchema>;

export { REDACTED_SECRET, SECRET_CONFIG_KEYS, dropRedactedSecrets, isSecretConfigKey, redactConfig, redactedValue } from './config/secrets.js';

export function defaultConfig(): WellConfig {
  return WellConfigSchema.parse({});
}

/** A validation problem, naming the key and the rule. */
export interface ConfigIssue {
  key: string;
  message: string;
}

export interface ConfigValidation {
  ok: boolean;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}
