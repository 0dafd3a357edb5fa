// A WARC record's HTML page extracted where its document is analysed (a worker), not where the
// file is read: extraction is most of the work of reading a crawl, and the reader is one thread
// (docs/ARCHITECTURE.md, Read). The document then is what the reader would have made of it.

import { pageOf } from './record-document.js';
import type { SourceDocument } from '../../types.js';

/** The document with its page extracted (see SourceDocument.page); a document without one, as it is. */
export function completePage(doc: SourceDocument): SourceDocument {
  const page = doc.page;
  if (page === undefined) return doc;
  const body = Buffer.from(page.body.buffer, page.body.byteOffset, page.body.byteLength);
  const text = pageOf(body, page.charset, page.url);
  // The record's own fields (its id, its url) over those the page states, as its reader does.
  const done: SourceDocument = {
    ...doc,
    encoding: text.encoding,
    text: text.text,
    fields: { ...text.fields, ...doc.fields },
    fieldSources: { ...text.fieldSources, ...doc.fieldSources },
  };
  delete done.page;
  if (text.encodingFallback) done.encodingFallback = true;
  if (text.boilerplate.length > 0) done.boilerplate = text.boilerplate;
  if (text.declaredLang !== undefined) done.declaredLang = text.declaredLang;
  if (page.raw && text.raw !== undefined) done.raw = text.raw;
  return done;
}
