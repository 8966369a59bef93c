// Reading a --column-map FILE (JSON: CSV header -> channel + unit) at the command line: every
// problem comes back as one readable message, never an exception.
import { readFileSync } from 'node:fs';
import { CsvColumnMapSchema } from '../../src-shared/bridge.js';
import type { CsvColumnMap } from '../../src-shared/source.js';
import { resolveColumnMap } from './csv-columns.js';
import { csvLayoutProblem } from './csv-replay.js';

export type ColumnMapLoad = { ok: true; columns: CsvColumnMap } | { ok: false; error: string };

export function loadColumnMapFile(path: string, read: (p: string) => string = (p) => readFileSync(p, 'utf8')): ColumnMapLoad {
  let text: string;
  try {
    text = read(path);
  } catch (e) {
    return { ok: false, error: `cannot read column map ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `column map ${path} is not valid JSON: ${(e as Error).message}` };
  }
  const shape = CsvColumnMapSchema.safeParse(json);
  if (!shape.success) {
    const first = shape.error.issues[0];
    const where = first.path.length > 0 ? `"${first.path.join('.')}": ` : '';
    return {
      ok: false,
      error: `column map ${path}: ${where}${first.message} (expected {"CSV header": "timestamp" | "channel" | {"channel": "...", "unit": "..."}})`,
    };
  }
  const resolved = resolveColumnMap(shape.data);
  if (!resolved.ok) return { ok: false, error: `column map ${path}: ${resolved.errors.join('; ')}` };
  return { ok: true, columns: shape.data };
}

/** A column map file checked against the CSV it is for (its header must have the mapped columns). */
export async function loadColumnMapFor(csvPath: string, mapPath: string): Promise<ColumnMapLoad> {
  const map = loadColumnMapFile(mapPath);
  if (!map.ok) return map;
  const problem = await csvLayoutProblem(csvPath, { columns: map.columns }).catch((e: Error) => `cannot read ${csvPath}: ${e.message}`);
  return problem ? { ok: false, error: problem } : map;
}
