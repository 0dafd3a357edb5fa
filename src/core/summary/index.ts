// `summarise` as data: one streaming pass over analysed documents feeds every section's
// accumulator; memory grows with the vocabulary and a few numbers a document, not the text.

import type { AnalysedDocument } from '../analyse/analyse-document.js';
import { NearDuplicates, type NearDuplicateGroup } from '../stats/near-duplicates.js';
import type { DocumentRecord, WarningHandler } from '../types.js';
import { runPass, type InOrder, type PassOptions } from './passes.js';
import type { CorpusResults, SectionOptions } from './section.js';
import { createSections, sectionResults, type SectionAccumulators, type Summary } from './sections.js';
import type { ShardDocResult, ShardFinal } from './shard.js';

/** The options of {@link summarise}. */
export interface SummaryOptions extends SectionOptions, PassOptions {
  /** Problems reading a document's file again (the documents may come without their text). */
  onWarning?: WarningHandler;
}

/**
 * Summarises the documents in one pass. The documents may come without their text (with the
 * file to read it from): the text is read where it is analysed. With `jobs` > 1, the languages
 * are shared out among worker threads, each analysing all the documents of its languages in
 * corpus order; this thread keeps what needs the whole corpus in order, and merges.
 */
export async function summarise(docs: AsyncIterable<AnalysedDocument>, options: SummaryOptions): Promise<Summary> {
  const sections = createSections(options);
  const inOrder = new SectionsInOrder(sections, options.onWarning ?? (() => {}), options.spillAt);
  const finals = await runPass(docs, inOrder, options);
  return sectionResults(sections, corpusResults(finals, inOrder));
}

/**
 * This thread's side of the pass: the sections' hooks, the warnings of the shards, and the near
 * duplicates, which need the whole corpus in order and are wanted by two sections.
 */
export class SectionsInOrder implements InOrder {
  documents = 0;
  nearGroups: NearDuplicateGroup[] = [];
  private readonly near: NearDuplicates;
  private readonly recordHooks: ((record: DocumentRecord) => void)[] = [];
  private readonly resultHooks: ((record: DocumentRecord, result: ShardDocResult) => void)[] = [];

  constructor(
    sections: SectionAccumulators,
    private readonly warn: WarningHandler,
    /** Signatures held in memory before they spill to disk (default 4,096; for tests). */
    spillAt?: number,
  ) {
    this.near = new NearDuplicates({ memoryDocuments: spillAt });
    // Only the hooks a section has are called, once a document each.
    for (const section of Object.values(sections)) {
      if (section.addRecord) this.recordHooks.push(section.addRecord.bind(section));
      if (section.addResult) this.resultHooks.push(section.addResult.bind(section));
    }
  }

  record(d: AnalysedDocument): void {
    this.documents++;
    for (const hook of this.recordHooks) hook(d.record);
  }

  result(d: AnalysedDocument, r: ShardDocResult): void {
    for (const [path, message] of r.warnings) this.warn(path, message);
    if (r.hasTokens) this.near.addSignature(d.record.id, r.sig, d.record.hash);
    for (const hook of this.resultHooks) hook(d.record, r);
  }

  end(): void {
    this.nearGroups = this.near.groups();
    // The signatures are freed before the shards' results come in.
    this.near.clear();
  }
}

/** The shards merged, with what this thread found, for the sections' results. */
export function corpusResults(finals: ShardFinal[], inOrder: SectionsInOrder): CorpusResults {
  const languages = finals
    .flatMap((f) => f.languages)
    .sort((a, b) => b.stats.documents - a.stats.documents || (a.stats.lang < b.stats.lang ? -1 : 1));
  return { documents: inOrder.documents, finals, languages, nearGroups: inOrder.nearGroups };
}
