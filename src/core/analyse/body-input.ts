// A document's body paragraphs for the passes that count its words (words, collocates): given
// already, or cut from its text, or read from its file where the work happens (a worker), with
// the record's boilerplate lines left out (docs/spec.md §3).

import { documentViews } from './body.js';
import { readDocumentFile } from '../input/formats/index.js';
import type { FoundFile } from '../input/walk.js';
import type { DocumentRecord } from '../types.js';

/** A document as a counting pass receives it: its paragraphs, its text, or its file to read. */
export interface BodyInput {
  record: Pick<DocumentRecord, 'boilerplate'>;
  file?: FoundFile;
  text?: string;
  paragraphs?: string[];
}

/** The body's paragraphs; a problem reading the file is pushed to `warnings` as [path, message]. */
export function bodyParagraphs(input: BodyInput, warnings: [string, string][]): string[] {
  if (input.paragraphs !== undefined) return input.paragraphs;
  let text = input.text ?? '';
  if (input.file !== undefined) {
    const read = readDocumentFile(input.file, (path, message) => warnings.push([path, message]));
    text = read === null ? '' : read.text;
  }
  return text === '' ? [] : documentViews(text, input.record).paragraphs;
}
