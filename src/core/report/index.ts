// `report` as data: the summary of `summarise` and the documents of the report's table, from
// one pass over the analysed corpus (docs/spec.md §5, report). The HTML is made in format/report/.

import type { AnalysedDocument } from '../analyse/analyse-document.js';
import { readDocumentFile } from '../input/formats/index.js';
import type { FoundFile } from '../input/found-files.js';
import { summarise, type SummaryOptions } from '../summary/index.js';
import type { Summary } from '../summary/sections.js';
import type { WarningHandler } from '../types.js';
import { DocumentSample, type SampledDocument, type SampleRule } from './document-sample.js';

export type { SampledDocument, SampleRule } from './document-sample.js';

/** What a report shows. */
export interface ReportData {
  /** Every section of `summarise`, as `summarise --json` gives them. */
  summary: Summary;
  /** The documents of the table, in corpus order. */
  documents: SampledDocument[];
  /** How they were chosen. */
  rule: SampleRule;
}

/** Passes each document to `see` on its way. */
async function* tapped(
  docs: AsyncIterable<AnalysedDocument>,
  see: (d: AnalysedDocument) => void,
): AsyncGenerator<AnalysedDocument> {
  for await (const d of docs) {
    see(d);
    yield d;
  }
}

/** A file's text read again, or null (with a warning) when it cannot be. */
function readText(file: FoundFile, warn: WarningHandler): string | null {
  return readDocumentFile(file, warn)?.text ?? null;
}

/**
 * Summarises the documents and keeps the table's sample in the same pass; then reads the text of
 * the sampled documents that came without it (their own files: a few thousand at most).
 */
export async function reportData(docs: AsyncIterable<AnalysedDocument>, options: SummaryOptions): Promise<ReportData> {
  const sample = new DocumentSample();
  const summary = await summarise(
    tapped(docs, (d) => sample.add(d)),
    options,
  );
  const { documents, rule } = await sample.finish(readText, options.onWarning ?? (() => {}));
  return { summary, documents, rule };
}
