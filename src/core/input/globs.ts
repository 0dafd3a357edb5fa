// The globs of a walk: `--glob` filters on paths relative to a root, and inputs that are glob
// patterns, expanded by fast-glob.

import { createRequire } from 'node:module';
import path from 'node:path';
import type FastGlob from 'fast-glob';
import type Picomatch from 'picomatch';
import { documentFormatOf } from './file-kinds.js';
import { toPosix, type FoundFile, type WalkInput, type WalkOptions } from './found-files.js';
import type { DocFormat } from '../types.js';

// Loaded when first needed: most walks have neither a glob to expand nor a --glob to match, and
// loading them takes longer than walking a small corpus.
const require = createRequire(import.meta.url);
/** fast-glob, loaded on first use: walk.ts asks it whether an input is a pattern. */
export const fastGlob = (): typeof FastGlob => require('fast-glob') as typeof FastGlob;
const picomatch = (): typeof Picomatch => require('picomatch') as typeof Picomatch;

/**
 * Which paths relative to a root a walk keeps: files, and folders it goes into; and the files a
 * `--glob` names (not only lets through): as in ripgrep, those are read even where an ignore file
 * leaves them out.
 */
export type GlobFilter = { file(rel: string): boolean; dir(rel: string): boolean; named(rel: string): boolean };

/** The filter without globs: one for every walk (a new closure each would cost optimized code). */
const EVERY_PATH: GlobFilter = { file: () => true, dir: () => true, named: () => false };

/** The `--glob` filter: a leading `!` excludes; a pattern without a slash matches base names anywhere. */
export function makeGlobFilter(globs: string[] | undefined): GlobFilter {
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
    named: (rel) => include.some((m) => m(rel)) && !exclude.some((m) => m(rel)),
  };
}

/** The folder a glob pattern's files are found under, their root: the part before its first pattern. */
export function globBase(pattern: string): string {
  return picomatch().scan(pattern).base || '.';
}

/** The files an input that is a glob pattern names, sorted, filtered by `filter` and `formats`. */
export function* globInput(
  input: WalkInput,
  options: WalkOptions,
  filter: GlobFilter,
  formats: ReadonlySet<DocFormat> | null,
): Generator<FoundFile> {
  const base = globBase(input.given);
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
