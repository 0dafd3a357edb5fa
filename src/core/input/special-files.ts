// Inputs that are neither files nor folders. A pipe or a terminal named on the command line (a
// FIFO, `/dev/stdin`, `<(…)`) is read, as ripgrep reads one: once, up to the size limit, into a
// temporary file that every later reading (both passes, the workers) opens as a regular file. Any
// other such input, and a FIFO met while walking (opening it would wait for a writer for ever),
// is a warning, never silence.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeAtExit } from '../cache/temp-files.js';
import { maxFileSize } from './limits.js';
import { readWhole } from './read-file.js';
import type { WarningHandler } from '../types.js';

/** What a file that is neither a regular file nor a folder is, for a warning. */
function kindOf(entry: fs.Dirent | fs.Stats): string {
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** The warning of a special file met while walking a folder. */
export function specialFileWarning(entry: fs.Dirent | fs.Stats): string {
  const kind = kindOf(entry);
  return kind === 'not a regular file'
    ? 'not a regular file, skipped'
    : `not a regular file (${kind}), skipped; named on the command line, it is read`;
}

/**
 * The file to read for a named input that is neither a file nor a folder: a pipe or a character
 * device is read now, whole, into a temporary file removed at exit (its display path and id
 * stay the input's); anything else, or one that cannot be read, is null with a warning.
 */
export function namedSpecialFile(
  input: { given: string; implicit?: boolean },
  abs: string,
  stat: fs.Stats,
  warn: WarningHandler,
): { absPath: string; relPath: string; displayPath: string } | null {
  if (!stat.isFIFO() && !stat.isCharacterDevice()) {
    warn(input.given, `not a regular file (${kindOf(stat)}), skipped`);
    return null;
  }
  let bytes: Buffer;
  try {
    bytes = readWhole(abs, maxFileSize());
  } catch (err) {
    warn(input.given, err instanceof Error ? err.message : String(err));
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `corpus-pipe-${process.pid}-`));
  removeAtExit(dir);
  const copy = path.join(dir, 'input');
  fs.writeFileSync(copy, bytes);
  const relPath = path.basename(abs);
  return { absPath: copy, relPath, displayPath: input.implicit ? relPath : input.given };
}
