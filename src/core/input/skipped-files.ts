// The files a walk found but has no reader for (a `.pdf`, a `.docx`), counted by kind so that the
// end of a run can say what was left unread rather than skip it in silence. One count a kind,
// not a list of paths: a folder of a million images costs a few map entries.

import { skippedKind } from './file-kinds.js';

/** How many files of each kind (`.pdf`, `.csv.gz`, `''` for none) a walk had no reader for. */
export type SkippedFiles = Map<string, number>;

/** Kinds counted one by one at most; files of further kinds are counted together as {@link OTHER_KINDS}. */
const MOST_KINDS = 256;
/** The kind the files of kinds past {@link MOST_KINDS} are counted as (backups named `.1`, `.2` … say). */
export const OTHER_KINDS = '(other)';

/** Counts a file a walk has no reader for, by its name. */
export function countSkipped(skipped: SkippedFiles, name: string): void {
  let kind = skippedKind(name);
  if (skipped.size >= MOST_KINDS && !skipped.has(kind)) kind = OTHER_KINDS;
  skipped.set(kind, (skipped.get(kind) ?? 0) + 1);
}

/** Adds the counts of `from` (a folder walked in another thread, say) to `into`. */
export function mergeSkipped(into: SkippedFiles, from: ReadonlyMap<string, number>): void {
  for (const [found, count] of from) {
    const kind = into.size >= MOST_KINDS && !into.has(found) ? OTHER_KINDS : found;
    into.set(kind, (into.get(kind) ?? 0) + count);
  }
}

/** The kinds skipped, most files first (then by name), each with its count; and their total. */
export function skippedByKind(skipped: ReadonlyMap<string, number>): { total: number; kinds: [string, number][] } {
  const kinds = [...skipped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { total: kinds.reduce((sum, [, count]) => sum + count, 0), kinds };
}
