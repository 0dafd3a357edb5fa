// The largest file or record the readers decode (`--max-filesize`): one limit for the process, set
// once by the command line and seen by every worker thread started after it (worker environment
// data), so a gzip bomb or a sparse giant costs bounded memory and becomes a warning.

import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';

/** The default limit: 256 MiB of decoded bytes a file (or a JSON Lines record). */
export const DEFAULT_MAX_FILE_SIZE = 256 * 1024 * 1024;

const KEY = 'corpus:max-filesize';
const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

let limit: number | undefined;

/**
 * Sets the limit for this thread and the workers started from now on. A worker started earlier
 * (grep's early worker) keeps the default: the command line does not start one with the option.
 */
export function setMaxFileSize(bytes: number): void {
  limit = bytes;
  setEnvironmentData(KEY, bytes);
}

/** The largest decoded size, in bytes, of a file or a record that is read. */
export function maxFileSize(): number {
  return (limit ??= (getEnvironmentData(KEY) as number | undefined) ?? DEFAULT_MAX_FILE_SIZE);
}

/**
 * Bytes from a size as `--max-filesize` takes it: a whole number, optionally followed by `K`, `M`
 * or `G` (any case, powers of 1024); null when it is not one.
 */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+)\s*([kmg]?)\s*$/i.exec(text);
  if (!m) return null;
  const bytes = Number(m[1]) * (UNITS[(m[2] as string).toUpperCase()] as number);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** A size as `--max-filesize` takes it, in the largest unit that divides it (`256M`, `1500K`). */
export function formatSize(bytes: number): string {
  for (const unit of ['G', 'M', 'K'])
    if (bytes >= (UNITS[unit] as number) && bytes % (UNITS[unit] as number) === 0)
      return `${bytes / (UNITS[unit] as number)}${unit}`;
  return String(bytes);
}

/** The warning of a file or record over the limit. */
export function tooBigWarning(bytes = maxFileSize()): string {
  return `bigger than --max-filesize (${formatSize(bytes)}), skipped; a larger --max-filesize reads it`;
}

/** Thrown by a reader when what it reads grows past the limit. */
export class TooBigError extends Error {
  constructor(readonly limit: number) {
    super(tooBigWarning(limit));
    this.name = 'TooBigError';
  }
}
