// The walk of one folder tree: each folder's entries sorted by name, hidden entries, links and
// ignore files handled as docs/spec.md §1 says, the glob filter applied, problems reported as warnings.

import fs from 'node:fs';
import path from 'node:path';
import { documentFormatOf, isDocumentFile } from './file-kinds.js';
import { escapedName, fsPath, shownPath } from './file-names.js';
import type { FoundFile, FoundFolder, WalkOptions } from './found-files.js';
import { describeError } from './fs-errors.js';
import { makeGlobFilter, type GlobFilter } from './globs.js';
import { enterFolder, Verdict, verdictOf, type IgnoreStack } from './ignore-files.js';
import { countSkipped, type SkippedFiles } from './skipped-files.js';
import { specialFileWarning } from './special-files.js';
import type { DocFormat, WarningHandler } from '../types.js';

/** Hidden entries (`.git` among them) and `node_modules`, unless `--hidden`. */
function skippedName(name: string, hidden: boolean): boolean {
  if (hidden) return false;
  // Compared without hashing the name: this runs for every entry of every folder.
  return name.charCodeAt(0) === 0x2e || name === 'node_modules';
}

function byName(a: fs.Dirent, b: fs.Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** What a walk of one input carries down its folders. */
export interface WalkContext {
  hidden: boolean;
  follow: boolean;
  /** False with `--no-ignore`: no ignore file is read. */
  readIgnore: boolean;
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

/** The {@link WalkContext} of a walk from one root, made from the walk's options. */
export function walkContext(options: WalkOptions, head: string, rootDisplay: string, given: string): WalkContext {
  return {
    hidden: options.hidden ?? false,
    follow: options.follow ?? false,
    readIgnore: !(options.noIgnore ?? false),
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

/**
 * The document files under a folder, sorted by name at each level; with `split`, its subfolders
 * come as {@link FoundFolder}s instead (their `displayHead` left for the caller to set). `above`
 * holds the ignore rules in force in the folder's parent (see ignore-files.ts).
 */
export function* walkTree(
  context: WalkContext,
  dirAbs: string,
  dirRel: string,
  split: boolean,
  above: IgnoreStack,
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
  // The folder's own ignore files apply to its entries: nearly always none, and then no work.
  const rules = context.readIgnore ? enterFolder(above, dirAbs, dirRel, entries, warn, display) : above;
  const ruled = rules.levels.length !== 0;
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k] as fs.Dirent;
    // A hidden entry that an ignore file names with `!pattern` is read, as ripgrep reads it.
    if (skippedName(entry.name, context.hidden) && !(ruled && whitelisted(rules, dirRel, entry))) continue;
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
    if (ruled && ignored(rules, filter, childRel, entry.name, isDir, isFile)) continue;
    if (isDir) {
      if (!filter.dir(childRel)) continue;
      if (split)
        yield {
          folder: true,
          absPath: childAbs,
          relPath: childRel,
          displayHead: '',
          following: entries.length - 1 - k,
          ignore: context.readIgnore ? rules : null,
        };
      else yield* walkTree(context, childAbs, childRel, false, rules);
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

/** True when an ignore file says to read an entry of the folder at `dirRel` (with `!pattern`). */
function whitelisted(rules: IgnoreStack, dirRel: string, entry: fs.Dirent): boolean {
  const rel = dirRel === '' ? entry.name : `${dirRel}/${entry.name}`;
  return verdictOf(rules, rel, entry.name, entry.isDirectory()) === Verdict.Whitelisted;
}

/** True when an ignore file leaves the entry out and no `--glob` names it: ripgrep's globs override ignore files. */
function ignored(
  rules: IgnoreStack,
  filter: GlobFilter,
  rel: string,
  name: string,
  isDir: boolean,
  isFile: boolean,
): boolean {
  return verdictOf(rules, rel, name, isDir) === Verdict.Ignored && !(isFile && filter.named(rel));
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
