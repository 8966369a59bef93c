// What every command-line entry point shares: node:util parseArgs with one-line messages, the
// same usage style ("usage: npm run <command> -- ..."), value checks that name the flag, and
// exit code 2 for a bad argument.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type FlagSpec = NonNullable<ParseArgsConfig['options']>;

export class UsageError extends Error {}

/** Parses flags strictly (no positionals); an unknown or malformed flag is a UsageError. */
export function parseFlags<T extends FlagSpec>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true as const, allowPositionals: false as const }).values;
  } catch (e) {
    throw new UsageError(oneLine(e));
  }
}

/** node:util's messages, made short: "Unknown option '--bogus'" -> "unknown option --bogus (see --help)". */
function oneLine(e: unknown): string {
  const m = String((e as Error).message ?? e).split('\n')[0];
  const unknown = /Unknown option '([^']+)'/.exec(m);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(m);
  if (missing) return `${missing[1]} needs a value`;
  return m.replace(/\. To specify.*$/, '');
}

/** A whole number within [min, max], or a UsageError naming the flag. */
export function intFlag(flag: string, text: string, min: number, max: number, what = 'a whole number'): number {
  const n = /^-?\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`${flag} expects ${what} (${min}-${max}), got "${text}"`);
  return n;
}

/** A positive number (replay/simulator speed factor) or "max" where allowed. */
export function speedFlag(text: string, allowMax: boolean): number | 'max' {
  if (allowMax && text === 'max') return 'max';
  const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(n > 0) || n > 100_000) throw new UsageError(`--speed expects a positive number up to 100000${allowMax ? ' or "max"' : ''}, got "${text}"`);
  return n;
}

/** One of `choices`, or a UsageError listing them. */
export function choiceFlag<C extends string>(flag: string, text: string, choices: readonly C[]): C {
  if ((choices as readonly string[]).includes(text)) return text as C;
  throw new UsageError(`${flag} expects ${choices.join(', ')}, got "${text}"`);
}

/** One line on stderr, "sairen <program>: <message>", then exit 2 (a bad argument). */
export function exitUsage(program: string, message: string): never {
  const hint = /--help/.test(message) ? '' : ` (npm run ${program} -- --help)`;
  process.stderr.write(`sairen ${program}: ${message}${hint}\n`);
  process.exit(2);
}
