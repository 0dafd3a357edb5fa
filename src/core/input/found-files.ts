// What a walk takes and gives: the inputs named and the options, the files found and, for a
// walk finished in another thread, the folders left unwalked; and the `/`-separated paths they carry.

import path from 'node:path';
import type { IgnoreStack } from './ignore-files.js';
import type { SkippedFiles } from './skipped-files.js';
import type { DocFormat, WarningHandler } from '../types.js';

/** A file found in the corpus. */
export interface FoundFile {
  /** Absolute path. */
  absPath: string;
  /**
   * Path relative to the corpus root it was found under, with `/` separators; with several
   * roots, relative to the folder that holds them all (see `IdHeads` in ids.ts).
   */
  relPath: string;
  /** Path as given on the command line, or relative to the cwd. */
  displayPath: string;
}

/** What to walk: a folder, a file, or a glob pattern, as the user wrote it. */
export interface WalkInput {
  /** As given (used to build display paths). */
  given: string;
  /** When true, display paths are made relative to the cwd instead of from `given`. */
  implicit?: boolean;
  /** A file's display path, when not `given` (documents read from standard input: `stdin`). */
  shown?: string;
}

export interface WalkOptions {
  cwd: string;
  /** Walk hidden files and folders, `.git` and `node_modules` too. */
  hidden?: boolean;
  /** Follow symbolic links (loops are detected). */
  follow?: boolean;
  /** `--no-ignore`: read what `.gitignore`, `.ignore` and `.corpusignore` files leave out (ignore-files.ts). */
  noIgnore?: boolean;
  /** `--glob` patterns; a leading `!` excludes. Matched against the path relative to its root. */
  globs?: string[];
  /** `--type`, `--type-not`: the formats read (see `selectFormats`); null or absent, all of them. */
  formats?: ReadonlySet<DocFormat> | null;
  /**
   * Where the files found with no reader are counted, by kind; not those that `globs` or `formats`
   * leave out (the user asked for that), nor hidden ones.
   */
  skipped?: SkippedFiles;
  onWarning?: WarningHandler;
}

/**
 * A folder of the corpus whose walk is left to whoever takes it, with {@link walkFolder}: in
 * another thread, say. Its files come in the same order, with the same paths, as from
 * {@link walkFiles}.
 */
export interface FoundFolder {
  folder: true;
  absPath: string;
  /** Path relative to the corpus root, with `/` separators. */
  relPath: string;
  /** What goes in front of a relative path to make a display path. */
  displayHead: string;
  /**
   * With several roots, what goes in front of its files' relative paths to make their ids: the
   * part of the path that tells its root from the others (see `IdHeads` in ids.ts).
   */
  idHead?: string;
  /** How many entries of its parent folder come after it: a hint of how much is left to walk. */
  following?: number;
  /**
   * The ignore rules in force in its parent, for whoever walks it (with the folder, they reach a
   * worker); null with `--no-ignore`; absent, read again from the folders above it.
   */
  ignore?: IgnoreStack | null;
}

/** A path with `/` separators, whatever the platform's. */
export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}
