// Finds the documents a user names: an exact id, a unique id prefix, or a file path.

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
