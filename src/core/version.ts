// The tool's version, from package.json: part of every cache key.

import { createRequire } from 'node:module';

/** The version of corpus. */
export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
