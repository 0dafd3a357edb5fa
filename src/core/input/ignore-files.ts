// Ignore files as ripgrep reads them (docs/spec.md §1): `.corpusignore`, `.ignore` and, inside a git
// repository, `.gitignore`, in the folders walked and those above; gitignore patterns, read here.

import fs from 'node:fs';
import path from 'node:path';
import { fsPath } from './file-names.js';
import type { WarningHandler } from '../types.js';

/** The ignore files a folder may hold, in the order they decide in (`.corpusignore` is ripgrep's `.rgignore`). */
export const IGNORE_FILES = ['.corpusignore', '.ignore', '.gitignore'] as const;

/** Where `.gitignore` sits among {@link IGNORE_FILES}: it counts only inside a git repository. */
const GITIGNORE = 2;

/** An ignore file bigger than this is not read (said in a warning): it is a list of patterns, not a corpus. */
export const MAX_IGNORE_FILE_BYTES = 1 << 20;

/** One pattern of an ignore file, compiled. */
export interface IgnoreRule {
  /** Matches the path relative to the ignore file's folder, or only the name when `basename`. */
  re: RegExp;
  /**
   * Most patterns are a name (`node_modules`) or an ending (`*.bak`): then the name is compared
   * or its end, which is quicker than the expression (1: the name is `text`, 2: it ends with it, 0: neither).
   */
  plain: 0 | 1 | 2;
  text: string;
  /** `!pattern`: what it matches is read after all. */
  negative: boolean;
  /** `pattern/`: matches folders only. */
  dirOnly: boolean;
  /** A pattern without a slash (but a last one): matches a name at any depth. */
  basename: boolean;
}

/**
 * The ignore files of one folder, compiled, by kind as in {@link IGNORE_FILES} (null: none). A path
 * relative to the walk's root is made relative to this folder by cutting `cut` characters off its
 * front and putting `prefix` there (folders below the root cut, folders above it prefix).
 */
export interface IgnoreLevel {
  prefix: string;
  cut: number;
  rules: (IgnoreRule[] | null)[];
}

/**
 * The ignore rules in force in a folder: plain data, so that a worker thread walking the folder
 * gets it with the folder (see `FoundFolder.ignore`).
 */
export interface IgnoreStack {
  /** The folders with ignore files that apply, the root's ancestors first, the deepest last. */
  levels: IgnoreLevel[];
  /** True when this folder or one above holds `.git`: its `.gitignore` files count. */
  inGit: boolean;
}

/** No rule, outside a git repository: the state of most walks, shared, so that it costs nothing. */
export const NO_RULES: IgnoreStack = { levels: [], inGit: false };
const NO_RULES_IN_GIT: IgnoreStack = { levels: [], inGit: true };

/** What the rules say of a path: nothing, leave it out, or read it (a `!pattern`, which beats hiding). */
export const Verdict = { None: 0, Ignored: 1, Whitelisted: 2 } as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

/**
 * What the rules in force say of an entry, at `rel` (relative to the walk's root) and named `name`.
 * As ripgrep: a `.corpusignore` that says anything decides, else a `.ignore`, else a `.gitignore`;
 * among the files of one kind the deepest folder's decides, and in a file the last matching pattern.
 * Only the path itself is matched, not its folders: those were matched on the way down.
 */
export function verdictOf(stack: IgnoreStack, rel: string, name: string, isDir: boolean): Verdict {
  const { levels } = stack;
  for (let kind = 0; kind < IGNORE_FILES.length; kind++) {
    for (let i = levels.length - 1; i >= 0; i--) {
      const level = levels[i] as IgnoreLevel;
      const rules = level.rules[kind];
      if (rules === null || rules === undefined) continue;
      let p: string | null = null;
      for (let r = rules.length - 1; r >= 0; r--) {
        const rule = rules[r] as IgnoreRule;
        if (rule.dirOnly && !isDir) continue;
        let hit: boolean;
        if (rule.plain === 1) hit = name === rule.text;
        else if (rule.plain === 2) hit = name.endsWith(rule.text);
        else if (rule.basename) hit = rule.re.test(name);
        else hit = rule.re.test((p ??= level.prefix + (level.cut === 0 ? rel : rel.slice(level.cut))));
        if (hit) return rule.negative ? Verdict.Whitelisted : Verdict.Ignored;
      }
    }
  }
  return Verdict.None;
}

/**
 * The rules in force in a folder the walk enters, given those of its parent and the folder's
 * entries (sorted by name): the parent's when the folder holds neither ignore file nor `.git`, as
 * nearly all do, found without a system call. `rel` is the folder's path relative to the walk's root.
 */
export function enterFolder(
  parent: IgnoreStack,
  dirAbs: string,
  rel: string,
  entries: readonly fs.Dirent[],
  warn: WarningHandler,
  shown: (rel: string) => string,
): IgnoreStack {
  let found = 0;
  for (let k = 0; k < entries.length; k++) {
    const name = (entries[k] as fs.Dirent).name;
    const first = name.charCodeAt(0);
    // Sorted: past the names that start with a dot, there is nothing more to find.
    if (first > 0x2e) break;
    if (first === 0x2e) found |= flagOf(name);
  }
  if (found === 0) return parent;
  const level = { prefix: '', cut: rel === '' ? 0 : rel.length + 1 };
  const join = (name: string): string => (rel === '' ? name : `${rel}/${name}`);
  return withLevel(parent, found, dirAbs, level, warn, (name) => shown(join(name)));
}

/**
 * The rules in force at a walk's root from the folders above it (the root's own files are read
 * when the walk enters it): ripgrep reads those too, so that `corpus list docs` in a repository
 * leaves out what the repository's `.gitignore` does. The root itself is read even if they name it.
 * `rootRel` is the root's path relative to the walk's root: '' but for a folder walked on its own.
 */
export function rulesAbove(rootAbs: string, rootRel: string, warn: WarningHandler): IgnoreStack {
  const above: string[] = [];
  for (let dir = rootAbs; ;) {
    const up = path.dirname(dir);
    if (up === dir) break;
    above.push(up);
    dir = up;
  }
  let stack = NO_RULES;
  for (let i = above.length - 1; i >= 0; i--) {
    const dir = above[i] as string;
    let found = 0;
    for (const name of ['.git', ...IGNORE_FILES])
      if (fs.statSync(fsPath(path.join(dir, name)), { throwIfNoEntry: false }) !== undefined) found |= flagOf(name);
    if (found === 0) continue;
    const level = {
      prefix: `${path.relative(dir, rootAbs).split(path.sep).join('/')}/`,
      cut: rootRel === '' ? 0 : rootRel.length + 1,
    };
    stack = withLevel(stack, found, dir, level, warn, (name) => path.join(dir, name));
  }
  return stack;
}

/** A bit for `.git` and each of {@link IGNORE_FILES}, or 0. */
function flagOf(name: string): number {
  switch (name) {
    case '.git':
      return 1;
    case '.corpusignore':
      return 2;
    case '.ignore':
      return 4;
    case '.gitignore':
      return 8;
    default:
      return 0;
  }
}

/** The stack with a folder's files read onto it, as `found` (bits of {@link flagOf}) says it holds. */
function withLevel(
  parent: IgnoreStack,
  found: number,
  dirAbs: string,
  at: Pick<IgnoreLevel, 'prefix' | 'cut'>,
  warn: WarningHandler,
  shown: (name: string) => string,
): IgnoreStack {
  let { levels } = parent;
  const hasGit = (found & 1) !== 0;
  // A repository within: the `.gitignore` files above it are another repository's (as git and rg).
  if (hasGit && parent.inGit)
    levels = levels.map((l) =>
      l.rules[GITIGNORE] ? { ...l, rules: [l.rules[0] ?? null, l.rules[1] ?? null, null] } : l,
    );
  const inGit = parent.inGit || hasGit;
  const rules: (IgnoreRule[] | null)[] = [null, null, null];
  let any = false;
  for (let kind = 0; kind < IGNORE_FILES.length; kind++) {
    const name = IGNORE_FILES[kind] as string;
    if ((found & flagOf(name)) === 0 || (kind === GITIGNORE && !inGit)) continue;
    const text = readIgnoreFile(path.join(dirAbs, name), shown(name), warn);
    if (text === null) continue;
    const compiled = parseIgnoreFile(text);
    if (compiled.length === 0) continue;
    rules[kind] = compiled;
    any = true;
  }
  if (any) levels = [...levels, { ...at, rules }];
  if (levels.length === 0) return inGit ? NO_RULES_IN_GIT : NO_RULES;
  return levels === parent.levels && inGit === parent.inGit ? parent : { levels, inGit };
}

/** An ignore file's text; null, with a warning, when it cannot be read or is too big to be one. */
function readIgnoreFile(abs: string, shown: string, warn: WarningHandler): string | null {
  try {
    const stat = fs.statSync(fsPath(abs));
    // A folder or a pipe of that name is no ignore file: ripgrep passes over it in silence too.
    if (!stat.isFile()) return null;
    if (stat.size > MAX_IGNORE_FILE_BYTES) {
      warn(shown, `ignore file bigger than ${MAX_IGNORE_FILE_BYTES >> 20} MiB, not read`);
      return null;
    }
    return fs.readFileSync(fsPath(abs), 'utf8');
  } catch (err) {
    warn(shown, `ignore file not read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    return null;
  }
}

/**
 * The patterns of an ignore file, compiled, in order, as gitignore(5) reads them: `#` comments and
 * blank lines skipped, trailing spaces dropped unless escaped, `!` negates, a trailing `/` matches
 * folders only, a slash elsewhere anchors to the file's folder, `*` `?` `[…]` stop at `/`, `**`
 * spans folders. Case matters, as in ripgrep. A pattern git would not match (a lone `\` at the
 * end, a `[` that does not close) is left out.
 */
export function parseIgnoreFile(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n] as string;
    if (n === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    line = trimTrailingSpaces(line);
    if (line === '' || line.startsWith('#')) continue;
    const negative = line.startsWith('!');
    if (negative) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.replace(/\/+$/, '');
    if (line === '') continue;
    const basename = !line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const source = globSource(line);
    if (source === null) continue;
    // A name or an ending with nothing to escape or expand (`*.bak` but not `*.b?k`, `a*b`, `\*`).
    const plain = !basename || /[\\?[]/.test(line) ? 0 : !line.includes('*') ? 1 : /^\*[^*]+$/.test(line) ? 2 : 0;
    const text = plain === 2 ? line.slice(1) : plain === 1 ? line : '';
    rules.push({ re: new RegExp(`^${source}$`, 'su'), plain, text, negative, dirOnly, basename });
  }
  return rules;
}

/** The line without its trailing spaces, but for one escaped with a backslash. */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 0x20) end--;
  if (end === line.length) return line;
  let slashes = 0;
  while (end - slashes > 0 && line.charCodeAt(end - slashes - 1) === 0x5c) slashes++;
  return line.slice(0, slashes % 2 === 1 ? end + 1 : end);
}

/** A gitignore glob as a regular expression's source (flags `su`); null when git would match nothing. */
function globSource(glob: string): string | null {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '\\') {
      if (++i === glob.length) return null;
      out += literal(glob[i] as string);
    } else if (c === '*') {
      let j = i;
      while (glob[j + 1] === '*') j++;
      const wholeSegment = (i === 0 || glob[i - 1] === '/') && (j + 1 === glob.length || glob[j + 1] === '/');
      if (j > i && wholeSegment) {
        // `**/` is any number of folders, none too; a last `**` everything below.
        if (j + 1 === glob.length) out += '.*';
        else {
          out += '(?:.*/)?';
          j++;
        }
      } else out += '[^/]*';
      i = j;
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      // Unclosed, git's wildmatch gives up on the pattern: it matches nothing.
      const set = bracket(glob, i);
      if (set === null) return null;
      out += set.source;
      i = set.end;
    } else out += literal(c);
  }
  return out;
}

/** A character matched as itself. */
function literal(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** POSIX classes in brackets (`[[:digit:]]`), as the ranges they stand for. */
const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  xdigit: '0-9A-Fa-f',
};

/**
 * The bracket expression at `start` (`[abc]`, `[!a-z]`, `[^…]`, `[]…]`, `[[:alpha:]]`) as a class
 * that never matches `/`, and the index of its `]`; null when it does not close.
 */
function bracket(glob: string, start: number): { source: string; end: number } | null {
  let i = start + 1;
  const negated = glob[i] === '!' || glob[i] === '^';
  if (negated) i++;
  let body = '';
  for (let first = true; i < glob.length; i++, first = false) {
    let c = glob[i] as string;
    if (c === ']' && !first) return { source: negated ? `[^/${body}]` : `(?!/)[${body}]`, end: i };
    if (c === '[' && glob[i + 1] === ':') {
      const close = glob.indexOf(':]', i + 2);
      const ranges = close === -1 ? undefined : POSIX_CLASSES[glob.slice(i + 2, close)];
      if (ranges === undefined) return null;
      body += ranges;
      i = close + 1;
      continue;
    }
    const escaped = c === '\\';
    if (escaped) {
      if (++i === glob.length) return null;
      c = glob[i] as string;
    }
    // A `-` between two characters makes a range; anywhere else, and every other character, is itself.
    const dash = c === '-' && !escaped && !first && glob[i + 1] !== ']' && i + 1 < glob.length;
    body += dash ? '-' : `\\u{${(c.codePointAt(0) as number).toString(16)}}`;
  }
  return null;
}
