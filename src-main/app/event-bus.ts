// The engine's Bridge events: shells subscribe, the engine's parts publish. A listener that
// throws is logged and never stops the packet loop.
import type { BridgeEventName, BridgeEvents } from '../../src-shared/bridge.js';

type AnyListener = (payload: unknown) => void;

export class EventBus {
  private readonly listeners = new Map<BridgeEventName, Set<AnyListener>>();

  constructor(private readonly log: (line: string) => void) {}

  on<E extends BridgeEventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const l = listener as AnyListener;
    set.add(l);
    return () => set.delete(l);
  }

  emit<E extends BridgeEventName>(event: E, payload: BridgeEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) {
      try {
        l(payload);
      } catch (e) {
        this.log(`listener for ${event} failed: ${(e as Error).message}`);
      }
    }
  }
}
