// When the CRITICAL alarm sounds. Pure so the re-arm rule is testable:
// - an advisory sounds while it is CRITICAL, not silenced and not acknowledged;
// - Silence mutes the advisory that is sounding now;
// - a NEW critical advisory id re-arms it (an LLM enrichment keeps the id, so it does not).

export interface AlarmInput {
  advisoryId: string | null;
  critical: boolean;
}

export interface AlarmState {
  /** Id of the critical advisory that last sounded (or is sounding). */
  activeId: string | null;
  /** Id the operator silenced; cleared when a different critical arrives. */
  silencedId: string | null;
}

export const INITIAL_ALARM: AlarmState = { activeId: null, silencedId: null };

export function alarmStep(state: AlarmState, input: AlarmInput, acknowledgedIds: ReadonlySet<string>): AlarmState {
  if (!input.critical || !input.advisoryId) return { ...state, activeId: null };
  const id = input.advisoryId;
  const silencedId = state.silencedId !== null && state.silencedId !== id ? null : state.silencedId;
  if (acknowledgedIds.has(id)) return { activeId: null, silencedId };
  return { activeId: id, silencedId };
}

export function silence(state: AlarmState): AlarmState {
  return state.activeId ? { activeId: state.activeId, silencedId: state.activeId } : state;
}

export function shouldSound(state: AlarmState): boolean {
  return state.activeId !== null && state.silencedId !== state.activeId;
}
