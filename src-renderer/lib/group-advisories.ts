// The grouping moved to src-shared (the engine's reports use it too); kept here so the views
// import it from where they always have.
export { EVENT_GAP_MS, ackSummary, eventOf, groupAdvisories, type AdvisoryEvent } from '../../src-shared/advisory-groups.js';
