// Finds the files of a corpus: folders walked recursively in a sorted, deterministic order,
// hidden entries and links handled as docs/spec.md §1 says, `--glob` filters applied.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type FastGlob from 'fast-glob';
import type Picomatch from 'picomatch';
import { braceExpansions, MAX_BRACE_EXPANSIONS } from './braces.js';
import { documentFormatOf, isDocumentFile } from './file-kinds.js';
import { escapedName, fsPath, shownPath } from './file-names.js';
import { countSkipped, type SkippedFiles } from './skipped-files.js';
import { namedSpecialFile, specialFileWarning } from './special-files.js';
import type { DocFormat, WarningHandler } from '../types.js';

// Loaded when first needed: most walks have neither a glob to expand nor a --glob to match, and
// loading them takes longer than walking a small corpus.
const require = createRequire(import.meta.url);
const fastGlob = (): typeof FastGlob => require('fast-glob') as typeof FastGlob;
const picomatch = (): typeof Picomatch => require('picomatch') as typeof Picomatch;

/** A file found in the corpus. */
export interface FoundFile {
  /** Absolute path. */
  absPath: string;
  /** Path relative to the corpus root it was found under, with `/` separators. */
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
}

export interface WalkOptions {
  cwd: string;
  /** Walk hidden files and folders, `.git` and `node_modules` too. */
  hidden?: boolean;
  /** Follow symbolic links (loops are detected). */
  follow?: boolean;
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

/** Hidden entries (`.git` among them) and `node_modules`, unless `--hidden`. */
function skippedName(name: string, hidden: boolean): boolean {
  if (hidden) return false;
  // Compared without hashing the name: this runs for every entry of every folder.
  return name.charCodeAt(0) === 0x2e || name === 'node_modules';
}

type GlobFilter = { file(rel: string): boolean; dir(rel: string): boolean };

/** The filter without globs: one for every walk (a new closure each would cost optimized code). */
const EVERY_PATH: GlobFilter = { file: () => true, dir: () => true };

function makeGlobFilter(globs: string[] | undefined): GlobFilter {
  if (!globs || globs.length === 0) return EVERY_PATH;
  const include: Picomatch.Matcher[] = [];
  const exclude: Picomatch.Matcher[] = [];
  for (const g of globs) {
    const negated = g.startsWith('!');
    const pattern = negated ? g.slice(1) : g;
    // Like ripgrep: a pattern without a slash matches the base name anywhere in the tree.
    const m = picomatch()(pattern, { dot: true, basename: !pattern.includes('/') });
    (negated ? exclude : include).push(m);
  }
  return {
    file: (rel) => !exclude.some((m) => m(rel)) && (include.length === 0 || include.some((m) => m(rel))),
    dir: (rel) => !exclude.some((m) => m(rel)),
  };
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

function byName(a: fs.Dirent, b: fs.Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
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
  /** How many entries of its parent folder come after it: a hint of how much is left to walk. */
  following?: number;
}

/** What a walk of one input carries down its folders. */
interface WalkContext {
  hidden: boolean;
  follow: boolean;
  filter: GlobFilter;
  /** The formats read, null for all; and where files with no reader are counted, if anywhere. */
  formats: ReadonlySet<DocFormat> | null;
  skipped: SkippedFiles | undefined;
  warn: WarningHandler;
  /**
   * What goes before a path relative to the root to display it, and the root's own display
   * path: data, not a function, so that each folder a thread walks shares one walk's compiled code.
   */
  head: string;
  rootDisplay: string;
  /** Real paths of the folders being walked, for link loops (with `follow`). */
  ancestors: Set<string>;
  /** Where a problem with the root itself is reported. */
  given: string;
}

/**
 * Walks the inputs in order and yields every document file, each folder's entries sorted by
 * name. Problems (unreadable folders, link loops, missing inputs) go to `onWarning`; a
 * missing input is also returned in `missing` so the caller can treat it as an error.
 */
export function walkFiles(inputs: WalkInput[], options: WalkOptions, missing: string[] = []): Generator<FoundFile> {
  return walkInputs(inputs, options, missing, false) as Generator<FoundFile>;
}

/**
 * Like {@link walkFiles}, but each subfolder of a folder input comes as one {@link FoundFolder},
 * unwalked, in its place among the files. With `follow`, folders are walked here as in
 * {@link walkFiles}: link loops are found by the folders above, which another thread would not know.
 */
export function walkUnits(
  inputs: WalkInput[],
  options: WalkOptions,
  missing: string[] = [],
): Generator<FoundFile | FoundFolder> {
  return walkInputs(inputs, options, missing, !(options.follow ?? false));
}

/** The files of a folder from {@link walkUnits}, walked with the same options. */
export function walkFolder(folder: FoundFolder, options: WalkOptions): Generator<FoundFile> {
  const context = walkContext(options, folder.displayHead, folder.displayHead, folder.displayHead + folder.relPath);
  return walkTree(context, folder.absPath, folder.relPath, false) as Generator<FoundFile>;
}

function walkContext(options: WalkOptions, head: string, rootDisplay: string, given: string): WalkContext {
  return {
    hidden: options.hidden ?? false,
    follow: options.follow ?? false,
    filter: makeGlobFilter(options.globs),
    formats: options.formats ?? null,
    // With --type, files of no format were left out as asked.
    skipped: options.formats ? undefined : options.skipped,
    warn: options.onWarning ?? (() => {}),
    head,
    rootDisplay,
    ancestors: new Set<string>(),
    given,
  };
}

function* walkInputs(
  inputs: WalkInput[],
  options: WalkOptions,
  missing: string[],
  split: boolean,
): Generator<FoundFile | FoundFolder> {
  const filter = makeGlobFilter(options.globs);
  const warn = options.onWarning ?? (() => {});
  // A file's display path is its input's, then its relative path: the head is worked out once.
  const displayHead = (input: WalkInput, rootAbs: string): string => {
    if (input.implicit) {
      const root = toPosix(path.relative(options.cwd, rootAbs));
      return root === '' ? '' : `${root}/`;
    }
    const trimmed = input.given.replace(/\/+$/, '');
    return trimmed === '' ? '/' : trimmed === '.' ? '' : `${trimmed}/`;
  };

  for (const input of inputs) {
    const abs = path.resolve(options.cwd, input.given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      if (fastGlob().isDynamicPattern(input.given)) {
        // Braces expand before anything is matched, and `{a,b}` twenty times is a million patterns.
        const expansions = braceExpansions(input.given);
        if (expansions > MAX_BRACE_EXPANSIONS) {
          missing.push(input.given);
          warn(input.given, `its braces expand to ${expansions} patterns, more than ${MAX_BRACE_EXPANSIONS}: not read`);
          continue;
        }
        yield* globInput(input, options, filter, options.formats ?? null);
        continue;
      }
      missing.push(input.given);
      warn(input.given, 'no such file or folder');
      continue;
    }
    if (stat.isFile()) {
      // A file named on the command line is read whatever its extension, as ripgrep does.
      yield {
        absPath: abs,
        relPath: path.basename(abs),
        displayPath: input.implicit ? toPosix(path.relative(options.cwd, abs)) : input.given,
      };
      continue;
    }
    if (!stat.isDirectory()) {
      // A pipe, `/dev/stdin`, `<(…)`: read once, as ripgrep reads one named; anything else, a warning.
      const found = namedSpecialFile(input, abs, stat, warn);
      if (found) yield found;
      continue;
    }
    const head = displayHead(input, abs);
    const rootDisplay = input.implicit ? toPosix(path.relative(options.cwd, abs)) : input.given;
    const context = walkContext(options, head, rootDisplay, input.given);
    for (const found of walkTree(context, abs, '', split)) {
      if ('folder' in found) found.displayHead = head;
      yield found;
    }
  }
}

/**
 * The document files under a folder, sorted by name at each level; with `split`, its subfolders
 * come as {@link FoundFolder}s instead (their `displayHead` left for the caller to set).
 */
function* walkTree(
  context: WalkContext,
  dirAbs: string,
  dirRel: string,
  split: boolean,
): Generator<FoundFile | FoundFolder> {
  const { filter, ancestors, warn, follow } = context;
  const display = (rel: string): string => (rel === '' ? context.rootDisplay : context.head + shownPath(rel));
  let real = dirAbs;
  if (follow) {
    try {
      real = fs.realpathSync(fsPath(dirAbs)) as string;
    } catch {
      /* keep the path as it is */
    }
    if (ancestors.has(real)) {
      warn(display(dirRel), 'symbolic link loop, not followed');
      return;
    }
    ancestors.add(real);
  }
  let entries: fs.Dirent[];
  try {
    entries = readFolder(dirAbs);
  } catch (err) {
    warn(display(dirRel) || context.given, describeError(err));
    if (follow) ancestors.delete(real);
    return;
  }
  entries.sort(byName);
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k] as fs.Dirent;
    if (skippedName(entry.name, context.hidden)) continue;
    const childAbs = dirAbs.endsWith(path.sep) ? dirAbs + entry.name : dirAbs + path.sep + entry.name;
    const childRel = dirRel === '' ? entry.name : `${dirRel}/${entry.name}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      if (!context.follow) continue;
      try {
        const target = fs.statSync(fsPath(childAbs));
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        warn(display(childRel), 'broken symbolic link');
        continue;
      }
    }
    if (isDir) {
      if (!filter.dir(childRel)) continue;
      if (split)
        yield {
          folder: true,
          absPath: childAbs,
          relPath: childRel,
          displayHead: '',
          following: entries.length - 1 - k,
        };
      else yield* walkTree(context, childAbs, childRel, false);
    } else if (isFile) {
      const format = documentFormatOf(entry.name);
      if (format === null) {
        if (context.skipped !== undefined && filter.file(childRel)) countSkipped(context.skipped, entry.name);
      } else if ((context.formats === null || context.formats.has(format)) && filter.file(childRel))
        yield { absPath: childAbs, relPath: childRel, displayPath: context.head + shownPath(childRel) };
    } else if (!isFile && isDocumentFile(entry.name) && filter.file(childRel)) {
      // Opening a FIFO would wait for a writer for ever: named, it is read (see special-files.ts).
      warn(display(childRel), specialFileWarning(entry));
    }
  }
  // A local, not context.follow: read here only once the loop is done, a property load would
  // have no type feedback yet, and V8 would drop the loop's optimized code on the first folder.
  if (follow) ancestors.delete(real);
}

/**
 * A folder's entries. A name that is not valid UTF-8 comes from Node with U+FFFD for its bad
 * bytes, naming no file: the folder is then read again as bytes, and such names escaped
 * (file-names.ts), so that the file is read and its bad bytes shown.
 */
function readFolder(dirAbs: string): fs.Dirent[] {
  const entries = fs.readdirSync(fsPath(dirAbs), { withFileTypes: true });
  // One check a name: a folder of valid names (nearly all) is not read twice.
  if (!entries.some((e) => e.name.includes('\ufffd'))) return entries;
  const raw = fs.readdirSync(fsPath(dirAbs), { withFileTypes: true, encoding: 'buffer' });
  return raw.map((e) => Object.assign(e, { name: escapedName(e.name) }) as unknown as fs.Dirent);
}

function* globInput(
  input: WalkInput,
  options: WalkOptions,
  filter: GlobFilter,
  formats: ReadonlySet<DocFormat> | null,
): Generator<FoundFile> {
  const base = picomatch().scan(input.given).base || '.';
  const found = fastGlob().sync(input.given, {
    cwd: options.cwd,
    dot: options.hidden ?? false,
    followSymbolicLinks: options.follow ?? false,
    onlyFiles: true,
    ignore: options.hidden ? [] : ['**/node_modules/**', '**/.git/**'],
  });
  found.sort();
  for (const rel of found) {
    const relPath = toPosix(path.relative(base, rel));
    if (!filter.file(relPath)) continue;
    // A glob's files are read whatever their extension, as named ones; --type still chooses.
    if (formats !== null && !formats.has(documentFormatOf(rel) as DocFormat)) continue;
    yield { absPath: path.resolve(options.cwd, rel), relPath, displayPath: rel };
  }
}

/** A short, user-facing reason for a file-system error. */
export function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'is a folder';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
