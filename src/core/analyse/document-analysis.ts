// How the second pass analyses the documents the cache does not hold: in this thread, or in worker
// threads (a document too big for a worker's heap is analysed in this thread all the same). Each
// is set up at the first document that needs it: a warm run needs neither.

import type { AnalysedDocument } from './analyse-document.js';
import { PARALLEL_MIN_DOCUMENTS, type CorpusPlan } from './corpus-plan.js';
import type { FirstPass } from './first-pass.js';
import { AnalysisPool, IN_FLIGHT, WORKER_MAX_BYTES, type WorkerResult } from '../workers/analysis-pool.js';
import type { SourceDocument } from '../types.js';

type AnalyseDocument = typeof import('./analyse-document.js').analyseDocument;

/** A document's analysis, or the promise of it. */
export type Analysis = AnalysedDocument | WorkerResult | Promise<AnalysedDocument | WorkerResult>;

/** Analyses documents, one at a time, in corpus order. */
export interface DocumentAnalysis {
  /** How many documents to read ahead of the one handed out. */
  readonly inFlight: number;
  /** The analysis of a document (a promise while it is under way). */
  analyse(doc: SourceDocument): Analysis;
  /** Sends what is queued when no worker is busy: call it before waiting on a promise {@link analyse} gave. */
  flushIfIdle(): void;
  /** Stops the workers, if any. */
  close(): Promise<void>;
}

/**
 * The analysis the second pass needs: by the workers the first pass kept, or by workers of its own
 * when the corpus is big enough and they did not analyse it already, else in this thread.
 */
export function analysisFor(plan: CorpusPlan, first: FirstPass): DocumentAnalysis {
  if (first.pool || (plan.parallel && !first.speculated && first.total >= PARALLEL_MIN_DOCUMENTS))
    return new WorkerAnalysis(first.pool, plan.jobs, first.recurring);
  return new ThreadAnalysis(first.recurring);
}

/** The analysis in this thread; its module is loaded at the first document. */
class ThreadAnalysis implements DocumentAnalysis {
  private analyseDocument: AnalyseDocument | undefined;
  private loading: Promise<AnalyseDocument> | undefined;

  constructor(private readonly recurring: ReadonlySet<string>) {}

  /**
   * None: each document is handed out at once, so what it holds dies young (read ahead, records
   * outlive the young generation and the heap fills with them until a full collection).
   */
  get inFlight(): number {
    return 0;
  }

  analyse(doc: SourceDocument): Analysis {
    if (this.analyseDocument) return this.analyseDocument(doc, this.recurring);
    this.loading ??= import('./analyse-document.js').then((m) => (this.analyseDocument = m.analyseDocument));
    return this.loading.then((analyseDocument) => analyseDocument(doc, this.recurring));
  }

  flushIfIdle(): void {}

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** The analysis in worker threads, started at the first document; a big document stays in this thread. */
class WorkerAnalysis implements DocumentAnalysis {
  private readonly here: ThreadAnalysis;

  constructor(
    private pool: AnalysisPool | null,
    private readonly jobs: number,
    private readonly recurring: ReadonlySet<string>,
  ) {
    this.here = new ThreadAnalysis(recurring);
  }

  /** Enough to keep the workers busy, once they are started. */
  get inFlight(): number {
    return this.pool ? IN_FLIGHT : 0;
  }

  analyse(doc: SourceDocument): Analysis {
    const pool = (this.pool ??= new AnalysisPool(this.jobs, this.recurring));
    return doc.bytes <= WORKER_MAX_BYTES ? pool.analyse(doc) : this.here.analyse(doc);
  }

  flushIfIdle(): void {
    this.pool?.flushIfIdle();
  }

  close(): Promise<void> {
    return this.pool ? this.pool.close() : Promise.resolve();
  }
}
