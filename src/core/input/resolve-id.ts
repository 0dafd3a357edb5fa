// Finds the documents a user names: an exact id, a unique id prefix, or a file path; and tells
// the arguments that name a corpus to read (an existing file or folder) from those that name ids.

import fs from 'node:fs';
import path from 'node:path';
import { readDocuments } from './read-documents.js';
import { corpusFiles, type CorpusInputs, type CorpusRun } from './corpus-files.js';
import type { ReadOptions } from './read-documents.js';
import { AmbiguousIdError } from '../errors.js';

export { AmbiguousIdError };

/** How each query resolved: the ids it names, in corpus order, or none. */
export interface Resolution {
  query: string;
  ids: string[];
}

/** A command's arguments told apart: the paths to read as the corpus, and the ids to look up in it. */
export interface NamedArguments {
  paths: string[];
  ids: string[];
}

/**
 * Tells paths from ids before any corpus is read (docs/spec.md §5, `show`): an argument naming
 * an existing file or folder, from `cwd`, is a path; any other is an id or an id prefix. A path
 * wins over an id of the same spelling, so that what `ls` shows is what is read; such an id is
 * still reached with `--corpus`, when no argument is taken as a path.
 */
export function splitArguments(args: readonly string[], cwd: string): NamedArguments {
  const named: NamedArguments = { paths: [], ids: [] };
  for (const arg of args) {
    let exists = false;
    try {
      exists = arg !== '' && fs.statSync(path.resolve(cwd, arg)) !== undefined;
    } catch {
      // not on disk: an id
    }
    (exists ? named.paths : named.ids).push(arg);
  }
  return named;
}

interface Known {
  id: string;
  absPath: string;
}

/**
 * Resolves each query to document ids. An exact id wins; then a path naming a corpus file
 * (all its documents); then a unique prefix. Throws AmbiguousIdError for a prefix shared by
 * several documents. Only ids are collected: text files are not read, JSONL files are.
 */
export async function resolveIds(
  queries: string[],
  options: CorpusInputs & ReadOptions,
  run?: CorpusRun,
): Promise<Resolution[]> {
  const known: Known[] = [];
  const docs = readDocuments(corpusFiles(options, run), {
    ...options,
    wantId: (id, file) => {
      known.push({ id, absPath: file.absPath });
      return false;
    },
  });
  for await (const _ of docs) {
    // every document is declined above; this only drives the walk
  }
  const cwd = options.cwd;
  return queries.map((query) => {
    const exact = known.find((k) => k.id === query);
    if (exact) return { query, ids: [exact.id] };
    const abs = path.resolve(cwd, query);
    const inFile = known.filter((k) => k.absPath === abs);
    if (inFile.length > 0) return { query, ids: inFile.map((k) => k.id) };
    const prefixed = known.filter((k) => k.id.startsWith(query));
    if (prefixed.length > 1)
      throw new AmbiguousIdError(
        query,
        prefixed.map((k) => k.id),
      );
    return { query, ids: prefixed.map((k) => k.id) };
  });
}
