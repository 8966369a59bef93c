// The one boundary where Bridge requests enter the engine, whatever the transport (IPC,
// WebSocket, HTTP): validated with the contract's zod schema, then run; a bad request or a
// failing handler becomes `ok: false` with a readable message, never an exception.
import { BridgeRequests, type BridgeCommand, type BridgeResult } from '../../src-shared/bridge.js';
import { isStorageError } from '../storage/persistence.js';
import { fail, type CommandHandler, type CommandHandlers } from './engine-context.js';

export function dispatcher(handlers: CommandHandlers, log: (line: string) => void) {
  return async <C extends BridgeCommand>(command: C, request: unknown): Promise<BridgeResult<C>> => {
    const schema = BridgeRequests[command];
    if (!schema) return fail('invalid-request', `unknown command ${String(command)}`);
    const parsed = schema.safeParse(request ?? {});
    if (!parsed.success) {
      return fail('invalid-request', parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; '));
    }
    try {
      return await (handlers[command] as CommandHandler<C>)(parsed.data as never);
    } catch (e) {
      log(`command ${command} failed: ${(e as Error).stack ?? e}`);
      // The record could not be written (disk full, I/O): 'unavailable' (HTTP 503), not a bug.
      if (isStorageError(e)) return fail('unavailable', `${command} not carried out: the record cannot be written (${(e as Error).message})`);
      return fail('internal', `${command} failed: ${(e as Error).message}`);
    }
  };
}
