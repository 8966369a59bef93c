// Who may run each Bridge command off loopback: every command is classified here, and the
// compiler refuses a new command that is not (deny by default: a command nobody classified
// cannot slip through as a "read"). Writes change state or the record, or make the engine open
// connections; reads only read.
import type { BridgeCommand } from '../../src-shared/bridge.js';

export type CommandAccess = 'read' | 'write';

export const COMMAND_ACCESS: Record<BridgeCommand, CommandAccess> = {
  getStatus: 'read',
  getHealth: 'read',
  getHistory: 'read',
  getAcknowledgements: 'read',
  acknowledge: 'write',
  setOutcome: 'write',
  getOutcomes: 'read',
  getOutcomeStats: 'read',
  getConfig: 'read',
  validateConfig: 'read',
  applyConfig: 'write',
  setCampaign: 'write',
  getAudit: 'read',
  getMetricSeries: 'read',
  getBaseline: 'read',
  getEvents: 'read',
  getEventTimeline: 'read',
  acknowledgeEvent: 'write',
  shelveEvent: 'write',
  unshelveEvent: 'write',
  getVerification: 'read',
  getShiftSummary: 'read',
  setSource: 'write',
  // it makes the engine open connections and ports: not for an unauthenticated network client
  testSource: 'write',
  listSerialPorts: 'read',
  setLlmModel: 'write',
  getMlLatest: 'read',
  getMlOptimal: 'read',
  runMlNow: 'write',
  // the engine's own log lines (no secrets are logged: the token and config secrets are redacted)
  getLogTail: 'read',
  // they read the record (as getAudit does); one runs at a time in the engine's report queue
  buildReport: 'read',
  exportReport: 'read',
};

export const isWriteCommand = (c: BridgeCommand): boolean => COMMAND_ACCESS[c] !== 'read';
