// Finds the files of a corpus: the inputs named, in order (folders walked recursively in a sorted,
// deterministic order by walk-tree.ts, ignore files honoured by ignore-files.ts, glob patterns
// expanded by globs.ts, files and pipes read as named).

import fs from 'node:fs';
import path from 'node:path';
import { braceExpansions, MAX_BRACE_EXPANSIONS } from './braces.js';
import { toPosix, type FoundFile, type FoundFolder, type WalkInput, type WalkOptions } from './found-files.js';
import { fastGlob, globInput, makeGlobFilter } from './globs.js';
import { NO_RULES, rulesAbove } from './ignore-files.js';
import { namedSpecialFile } from './special-files.js';
import { walkContext, walkTree } from './walk-tree.js';

// The walk's types are imported from here by most of the code that walks.
export type { FoundFile, FoundFolder, WalkInput, WalkOptions } from './found-files.js';

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

/**
 * The files of a folder from {@link walkUnits}, walked with the same options. The ignore rules come
 * with the folder (`--no-ignore` too), so that options made without them, in a worker, walk alike.
 */
export function walkFolder(folder: FoundFolder, options: WalkOptions): Generator<FoundFile> {
  const off = folder.ignore === null || (options.noIgnore ?? false);
  const context = walkContext(
    { ...options, noIgnore: off },
    folder.displayHead,
    folder.displayHead,
    folder.displayHead + folder.relPath,
  );
  const above = off
    ? NO_RULES
    : (folder.ignore ?? rulesAbove(folder.absPath, folder.relPath, options.onWarning ?? (() => {})));
  return walkTree(context, folder.absPath, folder.relPath, false, above) as Generator<FoundFile>;
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
      // A file named on the command line is read whatever its extension or ignore files say, as ripgrep does.
      yield {
        absPath: abs,
        relPath: path.basename(abs),
        displayPath: input.shown ?? (input.implicit ? toPosix(path.relative(options.cwd, abs)) : input.given),
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
    // Named, the folder is read even if an ignore file above it leaves it out; what is in it is not.
    const above = context.readIgnore ? rulesAbove(abs, '', warn) : NO_RULES;
    for (const found of walkTree(context, abs, '', split, above)) {
      if ('folder' in found) found.displayHead = head;
      yield found;
    }
  }
}
