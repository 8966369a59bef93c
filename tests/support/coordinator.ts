// A bare pipeline (no storage, no knowledge base, fresh baseline) for tests and benchmarks
// that look at what the drilling logic decides, packet by packet.
import type { Campaign } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import { BaselineLearner, baselineSettings } from '../../src-main/baseline/learner.js';
import { NoOpStore } from '../../src-main/knowledge/knowledge-store.js';
import { PipelineCoordinator } from '../../src-main/pipeline/coordinator.js';

export function bareCoordinator(config: WellConfig, campaign: Campaign = 'production', timer: () => number = () => 0): PipelineCoordinator {
  return new PipelineCoordinator({
    config: () => config,
    campaign: () => campaign,
    knowledge: new NoOpStore(),
    baseline: new BaselineLearner(baselineSettings(config)),
    timer,
  });
}
