// Node edge for the config loader: reads a text file, null when it does not exist.
import { readFileSync } from 'node:fs';
import type { ReadTextFile } from './load.js';

export const readTextFileOrNull: ReadTextFile = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
};
