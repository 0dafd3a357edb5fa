// The corpus read when none is named (docs/spec.md §1): the paths of the nearest project file,
// `.corpus.json`, in the current folder or one above; else CORPUS_PATH; else the current folder.

import fs from 'node:fs';
import path from 'node:path';
import type { WalkInput } from './found-files.js';

/** The project file's name: hidden, so that a walk of its folder does not read it as a document. */
export const PROJECT_FILE = '.corpus.json';

/** A project file bigger than this is not a list of paths: an error, not read in full. */
const MAX_PROJECT_FILE_BYTES = 1 << 20;

/** A project file that cannot be used: unreadable, not JSON, or without a list of paths. */
export class ProjectFileError extends Error {
  constructor(
    readonly file: string,
    why: string,
  ) {
    super(`${file}: ${why}`);
    this.name = 'ProjectFileError';
  }
}

/** The corpus read by default, and where it came from. */
export interface DefaultCorpus {
  /** The inputs to walk, marked implicit: their display paths are relative to the current folder. */
  inputs: WalkInput[];
  /** What chose them: a project file (its absolute path), `CORPUS_PATH`, or the current folder. */
  source: { kind: 'project-file'; file: string } | { kind: 'env' } | { kind: 'cwd' };
}

/** The nearest project file in `cwd` or a folder above it, as an absolute path; null when there is none. */
export function findProjectFile(cwd: string): string | null {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, PROJECT_FILE);
    try {
      // A folder of that name is not a project file: the search goes on above it.
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // none here
    }
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * The paths a project file names, resolved against its folder: `{"paths": ["seeds"]}`. Throws
 * {@link ProjectFileError} when the file is unreadable, too big, not JSON, or has no list of
 * non-empty path strings: a project file that says nothing usable is a mistake to report, not
 * to read past (which would read the current folder instead).
 */
export function readProjectFile(file: string): string[] {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_PROJECT_FILE_BYTES) throw new ProjectFileError(file, `bigger than ${MAX_PROJECT_FILE_BYTES} bytes`);
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof ProjectFileError) throw err;
    throw new ProjectFileError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ProjectFileError(file, `is not JSON: ${(err as Error).message}`);
  }
  const paths = (parsed as { paths?: unknown } | null)?.paths;
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !Array.isArray(paths) ||
    paths.length === 0 ||
    !paths.every((p) => typeof p === 'string' && p !== '')
  )
    throw new ProjectFileError(file, 'must hold {"paths": [...]}, a list of one or more folders, files or globs');
  const dir = path.dirname(file);
  // A glob stays a pattern: made absolute, it is matched from the project file's folder too.
  return (paths as string[]).map((p) => path.resolve(dir, p));
}

/**
 * The corpus to read when none is named on the command line: the nearest project file's paths,
 * else `CORPUS_PATH` (`:`-separated), else the current folder, as ripgrep and fd read it.
 */
export function defaultCorpus(cwd: string, env: NodeJS.ProcessEnv): DefaultCorpus {
  const file = findProjectFile(cwd);
  if (file !== null)
    return {
      inputs: readProjectFile(file).map((given) => ({ given, implicit: true })),
      source: { kind: 'project-file', file },
    };
  const fromEnv = (env.CORPUS_PATH ?? '').split(':').filter((p) => p !== '');
  if (fromEnv.length > 0) return { inputs: fromEnv.map((given) => ({ given })), source: { kind: 'env' } };
  return { inputs: [{ given: '.' }], source: { kind: 'cwd' } };
}
