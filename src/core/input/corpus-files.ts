// Which files make the corpus: the inputs named, else the bundled seeds, walked in order.
// Kept apart from the analysis so that searching loads none of it.

import path from 'node:path';
import { PACKAGE_ROOT } from '../version.js';
import type { SkippedFiles } from './skipped-files.js';
import { walkFiles, type FoundFile, type WalkInput, type WalkOptions } from './walk.js';

/** The seed corpus bundled with the package, read when no corpus is named. */
export const SEEDS_DIR = path.join(PACKAGE_ROOT, 'seeds');

/** What is walked: the inputs and how. */
export interface CorpusInputs extends WalkOptions {
  /** What to read; empty means the bundled seeds. */
  inputs: WalkInput[];
}

/** The inputs to walk: those given, else the bundled seeds. */
export function effectiveInputs(inputs: WalkInput[]): WalkInput[] {
  return inputs.length > 0 ? inputs : [{ given: SEEDS_DIR, implicit: true }];
}

/** What a corpus run found besides its documents. */
export interface CorpusRun {
  /** Inputs that named nothing on disk. */
  missing: string[];
  /** Where the files found with no reader are counted by kind, when the caller wants to say so. */
  skipped?: SkippedFiles;
}

/** The files of the corpus, in walk order. */
export function corpusFiles(options: CorpusInputs, run: CorpusRun = { missing: [] }): Generator<FoundFile> {
  return walkFiles(effectiveInputs(options.inputs), { ...options, skipped: run.skipped }, run.missing);
}
