// The metadata cache's public entry: what the rest of the tool imports to read and write a
// corpus's cache. Two light modules are imported on their own, not from here, so that what
// never opens a cache does not load node:crypto: directory.ts (where the cache lives, for the
// CLI) and temp-files.ts (what to remove at exit, for the launcher).

export { cacheFileFor } from './cache-files.js';
export type { CachedJsonl } from './cached-jsonl.js';
export { CorpusCache } from './corpus-cache.js';
export {
  fingerprintOf,
  keyFields,
  type CacheEntry,
  type CorpusSummary,
  type FileKey,
  type JsonlFileEntry,
} from './file-format.js';
export { RecurringKeys } from './recurring-keys.js';
export { StoredEntry } from './stored-entry.js';
