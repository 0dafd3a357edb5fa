// The run's near duplicates, kept beside the cache file (`corpus-<hex>.jsonl.near`): which
// documents, by their position in corpus order, the last run over exactly these files found to be
// near duplicates. Finding them again means reading every document's signature and looking it up
// among those before it (1.5 s of CPU at 100,000 documents); a warm run over the same files reads
// this instead. It holds the SHA-256 of the cache file's entries and the corpus's fingerprint,
// and is used only while both are those of the run: any change to the cache or the files and it
// is ignored (and written anew by the next run that finds them).

import fs from 'node:fs';
import { tempFileFor } from './cache-files.js';

const KIND = 'corpus-near';

/** The file beside a cache file. */
export function nearFileFor(cacheFile: string): string {
  return `${cacheFile}.near`;
}

/** Positions as deltas in base 36, comma-separated: `5,2,2p` for 5, 7, 100. */
function encode(positions: readonly number[]): string {
  let last = 0;
  return positions
    .map((p) => {
      const delta = (p - last).toString(36);
      last = p;
      return delta;
    })
    .join(',');
}

function decode(text: string): Set<number> | null {
  const out = new Set<number>();
  if (text === '') return out;
  let at = 0;
  for (const part of text.split(',')) {
    if (!/^[0-9a-z]{1,8}$/.test(part)) return null;
    at += parseInt(part, 36);
    out.add(at);
  }
  return out;
}

/**
 * The positions of the near duplicates of the last run, when the file beside `cacheFile` was
 * written for a cache whose entries hash to `sha256` and a corpus of this fingerprint; null
 * otherwise (no file, another cache or corpus, not laid out as it should be).
 */
export function readNearFile(cacheFile: string, sha256: string, fingerprint: string): Set<number> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(nearFileFor(cacheFile), 'utf8'));
  } catch {
    return null;
  }
  const p = parsed as { kind?: unknown; cache?: unknown; fingerprint?: unknown; near?: unknown } | null;
  if (p?.kind !== KIND || p.cache !== sha256 || p.fingerprint !== fingerprint || typeof p.near !== 'string')
    return null;
  return decode(p.near);
}

/** Writes the file beside `cacheFile`, atomically (a temporary file renamed); best effort. */
export function writeNearFile(cacheFile: string, sha256: string, fingerprint: string, near: readonly number[]): void {
  const tmp = tempFileFor(cacheFile);
  try {
    fs.writeFileSync(tmp, `${JSON.stringify({ kind: KIND, cache: sha256, fingerprint, near: encode(near) })}\n`);
    fs.renameSync(tmp, nearFileFor(cacheFile));
  } catch {
    // A cache folder that cannot be written was reported with the cache; the flags are found again next time.
    fs.rmSync(tmp, { force: true });
  }
}
