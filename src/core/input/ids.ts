// The ids of a run's documents (docs/spec.md §2): a file's id from its path, the part in front
// of it that tells several roots apart, and the registry that keeps them unique, giving a true
// clash a `~2`, `~3` … suffix with a warning.

import fs from 'node:fs';
import path from 'node:path';
import { withoutCompression } from './file-kinds.js';
import { shownPath } from './file-names.js';
import { toPosix, type FoundFile, type FoundFolder, type WalkInput } from './found-files.js';
import { fastGlob, globBase } from './globs.js';
import type { WarningHandler } from '../types.js';

/**
 * A file's id: its path relative to its root (with several roots, to the folder holding them all:
 * see {@link IdHeads}), without the extension (and without `.gz` or `.zst`); a
 * byte of its name that is not UTF-8 shown as `\xNN` (see file-names.ts).
 */
export function fileId(relPath: string): string {
  const plain = withoutCompression(relPath);
  const slash = plain.lastIndexOf('/');
  const dot = plain.lastIndexOf('.');
  return shownPath(dot > slash + 1 ? plain.slice(0, dot) : plain);
}

/**
 * The folder the ids of a run are relative to when it has several roots: the deepest folder
 * holding them all (`news` for `news/cmn news/jpn`; for paths read from stdin, their common
 * folder). A glob's root is the folder before its first pattern, as the walk takes it (globs.ts).
 * Null for a single input, whose ids stay relative to it, as they always were. Worked out from
 * the paths as named, with one look at the disk (is the folder they share a file?): a stat of
 * each of 100,000 paths from stdin cost 0.2 s, and the ids then hung on which of them exist.
 */
export function idBase(inputs: readonly WalkInput[], cwd: string): string | null {
  if (inputs.length < 2) return null;
  let common: string | null = null;
  for (const input of inputs) {
    const root = path.resolve(cwd, mayBeGlob(input.given) ? globBase(input.given) : input.given);
    common = common === null ? root : sharedFolder(common, root);
    // Roots on different drives share no folder.
    if (common === '') return null;
  }
  // The inputs share only one file, named twice: the ids start at its folder.
  return isFile(common as string) ? path.dirname(common as string) : common;
}

/** Whether a path is a glob pattern, fast-glob's test made only when a character of one is in it (100,000 paths: 40 ms less). */
function mayBeGlob(given: string): boolean {
  return GLOB_CHARS.test(given) && fastGlob().isDynamicPattern(given);
}
const GLOB_CHARS = /[*?[\]{}()!+@]/;

/** The deepest path that is `a` or `b` or a folder above both; '' when there is none. */
function sharedFolder(a: string, b: string): string {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length && (i === b.length || b[i] === path.sep)) return a;
  if (i === b.length && a[i] === path.sep) return b;
  const cut = a.lastIndexOf(path.sep, i - 1);
  if (cut < 0) return '';
  const root = path.parse(a).root;
  return cut < root.length ? root : a.slice(0, cut);
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Gives the files and folders of a walk of several roots the part of their ids that tells their
 * roots apart (docs/spec.md §2): each file's `relPath` becomes relative to the run's
 * {@link idBase} (`cmn/00.txt`, not `00.txt`), and a folder left unwalked carries the same
 * part in `idHead`, for whoever makes its files' ids. A file's root is its absolute path less its
 * relative one; a file whose path does not end so (a pipe, read from a copy) keeps its own.
 * Objects are changed in place: the walk yields fresh ones.
 */
export class IdHeads {
  private readonly heads = new Map<string, string>();

  constructor(private readonly base: string) {}

  /** The file or folder, its path made relative to the base. */
  stamp<T extends FoundFile | FoundFolder>(found: T): T {
    const head = this.head(found.absPath, found.relPath);
    if (head === '') return found;
    if ('folder' in found) found.idHead = head;
    else found.relPath = head + found.relPath;
    return found;
  }

  private head(absPath: string, relPath: string): string {
    const native = path.sep === '/' ? relPath : relPath.split('/').join(path.sep);
    if (!absPath.endsWith(native)) return '';
    const root = absPath.slice(0, absPath.length - native.length);
    let head = this.heads.get(root);
    if (head === undefined) {
      const rel = toPosix(path.relative(this.base, root));
      // Outside the base (a pipe's copy in a temporary folder): no head.
      head = rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel) ? '' : `${rel}/`;
      this.heads.set(root, head);
    }
    return head;
  }
}

/**
 * True when no two of a folder's files, in walk order, can have the same id: each name has one
 * dot, and each folder's files come together, so files of one stem would come one after the
 * other. False when that cannot be told so cheaply (names with several dots, as a compressed one's, a folder
 * whose files a subfolder's come between): the ids are then claimed one by one.
 */
export class DistinctIds {
  distinct = true;
  private dir = '';
  private stem = '';
  private readonly dirsLeft = new Set<string>();

  /** Notes the next file of the walk, by its path relative to the root. */
  add(relPath: string): void {
    if (!this.distinct) return;
    const slash = relPath.lastIndexOf('/');
    const dot = relPath.indexOf('.', slash + 1);
    if (dot <= slash + 1 || relPath.indexOf('.', dot + 1) !== -1) {
      this.distinct = false;
      return;
    }
    const dir = relPath.slice(0, slash + 1);
    const stem = relPath.slice(slash + 1, dot);
    if (dir === this.dir) {
      if (stem === this.stem) this.distinct = false;
    } else {
      // Back in a folder left before: a file of the stem last seen there may come again.
      if (this.dirsLeft.has(dir)) this.distinct = false;
      this.dirsLeft.add(this.dir);
      this.dir = dir;
    }
    this.stem = stem;
  }
}

/** Keeps ids unique within a run: a clash gets a `~2`, `~3` … suffix. */
export class IdRegistry {
  private readonly seen = new Set<string>();
  /**
   * With folder claims: the folders claimed whole, by their id prefix (`a/`), each with what
   * gives its ids when a claim under the prefix needs them; and every folder prefix of an id
   * (or folder) claimed, so that such a folder is not claimed whole.
   */
  private readonly folders: Map<string, () => Iterable<string>> | null;
  private readonly touched: Set<string> | null;
  /** The id claimed last. */
  last: string | undefined;

  /** @param folderClaims - Whether {@link claimFolder} is used (it costs every claim a little). */
  constructor(folderClaims = false) {
    this.folders = folderClaims ? new Map() : null;
    this.touched = folderClaims ? new Set() : null;
  }

  /** The id to use for `wanted`, and whether it had to be changed. */
  claim(wanted: string): { id: string; clashed: boolean } {
    if (this.folders) this.touch(wanted);
    if (!this.seen.has(wanted)) {
      this.seen.add(wanted);
      this.last = wanted;
      return { id: wanted, clashed: false };
    }
    let n = 2;
    while (this.seen.has(`${wanted}~${n}`)) n++;
    const id = `${wanted}~${n}`;
    this.seen.add(id);
    this.last = id;
    return { id, clashed: true };
  }

  /** The id `wanted` would get, without claiming it. */
  peek(wanted: string): string {
    if (this.folders) this.expand(wanted);
    if (!this.seen.has(wanted)) return wanted;
    let n = 2;
    while (this.seen.has(`${wanted}~${n}`)) n++;
    return `${wanted}~${n}`;
  }

  /**
   * Claims the ids of the files under a folder at once (`prefix` is its path and a `/`), when
   * they are distinct among themselves ({@link DistinctIds}) and no id under the folder is
   * taken: then none of them clashes, and `ids` is called only if a later claim falls under the
   * folder. Returns false, claiming nothing, when an id under the folder is taken: the caller
   * then claims them one by one.
   */
  claimFolder(prefix: string, ids: () => Iterable<string>): boolean {
    if (!this.folders || !this.touched) throw new Error('IdRegistry: folder claims are not enabled');
    if (this.touched.has(prefix)) return false;
    // A folder claimed whole above this one may hold ids under it: make them ids first.
    this.touch(prefix);
    this.folders.set(prefix, ids);
    return true;
  }

  /** Before a claim of `id` (or of a folder, `a/`): its folders marked, and those claimed whole made ids. */
  private touch(id: string): void {
    this.expand(id);
    for (let slash = id.indexOf('/'); slash !== -1; slash = id.indexOf('/', slash + 1))
      (this.touched as Set<string>).add(id.slice(0, slash + 1));
  }

  /** The ids of a folder claimed whole that `id` falls under, made ids one by one. */
  private expand(id: string): void {
    const folders = this.folders as Map<string, () => Iterable<string>>;
    if (folders.size === 0) return;
    for (let slash = id.indexOf('/'); slash !== -1; slash = id.indexOf('/', slash + 1)) {
      const prefix = id.slice(0, slash + 1);
      const ids = folders.get(prefix);
      if (ids === undefined) continue;
      folders.delete(prefix);
      for (const claimed of ids()) this.seen.add(claimed);
    }
  }
}

/** Claims the id of a file that is one document, warning when it had to change. */
export function claimFor(
  ids: IdRegistry,
  wantedId: string,
  file: Pick<FoundFile, 'displayPath'>,
  warn: WarningHandler,
): string {
  const { id, clashed } = ids.claim(wantedId);
  if (clashed) warn(file.displayPath, `id ${wantedId} is taken, using ${id}`);
  return id;
}

/** Claims the id a record asks for, warning at its line when it had to change. */
export function claimRecordId(
  ids: IdRegistry,
  wanted: string,
  file: Pick<FoundFile, 'displayPath'>,
  lineNo: number,
  warn: WarningHandler,
): string {
  const { id, clashed } = ids.claim(wanted);
  if (clashed) warn(`${file.displayPath}:${lineNo}`, `id ${wanted} is taken, using ${id}`);
  return id;
}
