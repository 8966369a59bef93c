// Public surface of the simulator for the engine (built-in simulator mode), tests and the ML work.
export { createSimulation, faultStrength, DEFAULT_START_MS } from './model.js';
export type { SimSample, Simulation, SimulationOptions } from './model.js';
export { FORMATIONS, PRODUCTION_SEQUENCE, modelRopFtHr, wobResponse, rpmResponse, formationByName } from './formations.js';
export type { Formation, FormationKind } from './formations.js';
export { SCENARIOS, DEFAULT_DURATION_S, isScenarioName, defaultCampaign } from './scenarios.js';
export type { GroundTruth, GroundTruthFault, GroundTruthCategory, ScenarioName } from './scenarios.js';
export { runSimulationLive } from './live.js';
export type { LiveOptions, LiveRun } from './live.js';
export { startSimulatorServer } from './server.js';
export type { SimulatorServer, SimulatorServerOptions } from './server.js';
export { createGarbageInjector, wireHookFor, createWitsFormatter, formatCsvRow, CSV_HEADER, CSV_COLUMNS } from './wire.js';
export type { FrameHook, GarbageInjector, WitsWriterOptions } from './wire.js';
