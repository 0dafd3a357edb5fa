// The last step of the second pass: a slot settled into the document handed out, in corpus order
// — its analysis awaited, its cache entry carried over, duplicates and near duplicates marked, progress told, the
// filter applied, its text and views added when wanted.

import type { AnalysedDocument } from './analyse-document.js';
import { documentViews } from './body.js';
import { withRunFlag, type RunFlags } from './run-flags.js';
import type { CacheCarryOver } from './cache-carry-over.js';
import { cachedDocument, NO_VIEWS } from './cached-document.js';
import type { CorpusDocument } from './corpus-document.js';
import type { CorpusOptions } from './corpus-options.js';
import type { DocumentAnalysis } from './document-analysis.js';
import type { Slot } from './document-slots.js';
import type { StoredEntry } from '../cache/index.js';
import type { WorkerResult } from '../workers/analysis-pool.js';
import type { DocumentRecord } from '../types.js';

/** Hands the documents out, one slot at a time, in corpus order. */
export class HandOut {
  private done = 0;

  constructor(
    private readonly options: Pick<CorpusOptions, 'filter' | 'onProgress' | 'backpressure'>,
    private readonly withText: boolean,
    /** The documents of the corpus, for progress. */
    private readonly total: number,
    private readonly carry: CacheCarryOver | null,
    private readonly analysis: DocumentAnalysis,
    /** The run's flags, of every document in corpus order, before the filter. */
    private readonly runFlags: RunFlags,
  ) {}

  /** The document of a slot; null for a slot that is no document, or one the filter leaves out. */
  async settle(slot: Slot): Promise<CorpusDocument | null> {
    const waiting = this.options.backpressure?.();
    if (waiting) await waiting;
    let result = slot.result;
    if (result instanceof Promise) {
      this.analysis.flushIfIdle();
      result = await result;
    }
    if (slot.stat && this.carry) this.carry.add(slot, result);
    if (slot.end !== undefined) return null;
    const analysed = result
      ? this.analysed(slot, result)
      : cachedDocument(slot.stored as StoredEntry, slot.id, slot.path, this.runFlags);
    this.done++;
    this.options.onProgress?.(this.done, this.total);
    if (this.options.filter && !this.options.filter(analysed.record)) return null;
    if (slot.doc) {
      // A page left to extract (SourceDocument.page) has its text from the analysis that extracted it.
      const extracted = slot.doc.page !== undefined && result ? result : null;
      const text = extracted?.text ?? slot.doc.text;
      analysed.text = text;
      const raw = extracted?.raw ?? slot.doc.raw;
      if (raw !== undefined) analysed.raw = raw;
      if (this.withText && analysed.lines === NO_VIEWS.lines)
        ({ lines: analysed.lines, paragraphs: analysed.paragraphs } = documentViews(text, analysed.record));
    }
    if (slot.file) analysed.file = slot.file;
    if (slot.order) analysed.order = slot.order;
    return analysed;
  }

  /** A document analysed in this run, under its id and path, with the run's flag. */
  private analysed(slot: Slot, result: AnalysedDocument | WorkerResult): CorpusDocument {
    const { paragraphs, hash, flags } = result.record;
    const signature = result.signature;
    const flag = this.runFlags.flagOf({ id: slot.id, paragraphs, hash, signature: () => signature });
    const record: DocumentRecord = { ...result.record, id: slot.id, path: slot.path, flags: withRunFlag(flags, flag) };
    // A worker's result has no views: they are made from the text when wanted.
    const views = 'lines' in result ? result : NO_VIEWS;
    return {
      record,
      lede: result.lede,
      text: '',
      lines: views.lines,
      paragraphs: views.paragraphs,
      edges: result.edges,
      recurringHits: result.recurringHits,
      signature,
    };
  }
}
