// What the package is: its version, from package.json (part of every cache key), and the folder
// it is installed in. Both are found from this module's place, two folders below the package root
// in the sources (src/core/), in tsc's output (dist/core/) and in the bundle (dist/bundle/).

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, bin/ and seeds/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The version of corpus. */
export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
