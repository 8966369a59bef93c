// The LLM layer's log lines: what the enricher reports, and how an error reads in them.

export interface LlmLogEntry {
  level: 'info' | 'warn';
  message: string;
  advisoryId?: string;
}

/** Without a logger only warnings reach the console; info lines are for a supplied logger. */
export const defaultLlmLog = (e: LlmLogEntry): void => {
  const line = `[llm] ${e.advisoryId ? `${e.advisoryId}: ` : ''}${e.message}`;
  if (e.level === 'warn') console.warn(line);
};

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
