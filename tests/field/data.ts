import { resolve } from 'node:path';

/** The real recordings laid beside the checkout (../shared/data); CI has them, a user's clone may not. */
export const DATA = resolve(import.meta.dirname, '../../../shared/data');
