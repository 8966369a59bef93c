// Preload (sandboxed, so CommonJS and only 'electron' may be required). Exposes exactly one
// object, window.sairen = { call, on, saveFile }, over fixed IPC channels; no ipcRenderer, no Node.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeCommand, BridgeEventName } from '../../src-shared/bridge.js';

// Copies of the contract's names (a sandboxed preload cannot import src-shared at run time);
// `satisfies` makes the compiler check them against the contract.
const COMMANDS = [
  'getStatus', 'getHealth', 'getHistory', 'getAcknowledgements', 'acknowledge', 'setOutcome', 'getOutcomes', 'getOutcomeStats', 'getConfig', 'validateConfig',
  'applyConfig', 'setCampaign', 'getAudit', 'getMetricSeries', 'getBaseline', 'getVerification', 'getShiftSummary', 'getEvents', 'getEventTimeline', 'acknowledgeEvent', 'shelveEvent', 'unshelveEvent', 'setSource', 'testSource',
  'listSerialPorts', 'setLlmModel',
  'getMlLatest', 'getMlOptimal', 'runMlNow', 'getLogTail',
  'buildReport', 'exportReport',
] as const satisfies readonly BridgeCommand[];
const EVENTS = [
  'status', 'advisory', 'acknowledgement', 'outcome', 'health', 'audit', 'ticket', 'verification', 'alarmEvent', 'mlReport', 'mlSkip',
  'reportProgress',
] as const satisfies readonly BridgeEventName[];

// Fails to compile when the contract gains a command or event not listed here.
const _allCommands: Exclude<BridgeCommand, (typeof COMMANDS)[number]> extends never ? true : never = true;
const _allEvents: Exclude<BridgeEventName, (typeof EVENTS)[number]> extends never ? true : never = true;
void _allCommands;
void _allEvents;

const commandSet = new Set<string>(COMMANDS);
const eventSet = new Set<string>(EVENTS);

contextBridge.exposeInMainWorld('sairen', {
  call(command: string, request: unknown): Promise<unknown> {
    if (!commandSet.has(command)) return Promise.resolve({ ok: false, error: { code: 'invalid-request', message: `unknown command ${command}` } });
    return ipcRenderer.invoke(`sairen:call:${command}`, request);
  },
  /** A save dialog for an exported report, shown by the main process. */
  saveFile(fileName: string, base64: string): Promise<unknown> {
    return ipcRenderer.invoke('sairen:save-file', { fileName, base64 });
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!eventSet.has(event)) throw new Error(`unknown event ${event}`);
    const channel = `sairen:event:${event}`;
    const handler = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
});
