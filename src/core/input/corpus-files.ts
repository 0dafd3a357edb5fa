// Which files make the corpus: the inputs named, walked in order, each file's path made relative
// to the folder its ids start from. Kept apart from the analysis so that searching loads none of it.

import { idBase, IdHeads } from './ids.js';
import type { SkippedFiles } from './skipped-files.js';
import { walkFiles, walkUnits, type FoundFile, type FoundFolder, type WalkInput, type WalkOptions } from './walk.js';

/** What is walked: the inputs and how. */
export interface CorpusInputs extends WalkOptions {
  /** What to read; empty means the current folder (the CLI names its default corpus, see project-file.ts). */
  inputs: WalkInput[];
}

/** The inputs to walk: those given, else the current folder. */
export function effectiveInputs(inputs: WalkInput[]): WalkInput[] {
  return inputs.length > 0 ? inputs : [{ given: '.' }];
}

/** What a corpus run found besides its documents. */
export interface CorpusRun {
  /** Inputs that named nothing on disk. */
  missing: string[];
  /** Where the files found with no reader are counted by kind, when the caller wants to say so. */
  skipped?: SkippedFiles;
}

/** The files of the corpus, in walk order; with several roots, their paths relative to the folder holding them all. */
export function corpusFiles(options: CorpusInputs, run: CorpusRun = { missing: [] }): Generator<FoundFile> {
  return corpusWalk(options, run, false) as Generator<FoundFile>;
}

/**
 * The files of the corpus as {@link corpusFiles} gives them or, with `split`, with each subfolder
 * of a folder input as one unwalked {@link FoundFolder} (see `walkUnits`), carrying its ids' head.
 */
export function corpusWalk(options: CorpusInputs, run: CorpusRun, split: boolean): Generator<FoundFile | FoundFolder> {
  const inputs = effectiveInputs(options.inputs);
  const walked = (split ? walkUnits : walkFiles)(inputs, { ...options, skipped: run.skipped }, run.missing);
  const base = idBase(inputs, options.cwd);
  return base === null ? walked : stamped(walked, new IdHeads(base));
}

function* stamped<T extends FoundFile | FoundFolder>(walked: Generator<T>, heads: IdHeads): Generator<T> {
  for (const found of walked) yield heads.stamp(found);
}
