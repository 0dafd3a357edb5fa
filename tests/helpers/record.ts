// A document record with sensible defaults, for tests that care about a few fields.
import type { DocumentRecord, SourceDocument } from '../../src/core/types.js';

export function rec(over: Partial<DocumentRecord>): DocumentRecord {
  return {
    id: 'x',
    path: 'x.txt',
    format: 'text',
    bytes: 1,
    encoding: 'utf-8',
    lang: 'fra',
    langConfidence: 1,
    languages: [{ lang: 'fra', share: 1 }],
    title: null,
    date: null,
    dateText: null,
    source: null,
    url: null,
    declaredLang: null,
    chars: 1,
    words: 1,
    sentences: 1,
    paragraphs: 1,
    lines: 1,
    boilerplate: [],
    boilerplateKinds: [],
    hash: '0',
    flags: [],
    provenance: {},
    ...over,
  };
}

/** A UTF-8 text document `d` holding `text`, for tests that search or analyse one. */
export function textDocument(text: string): SourceDocument {
  return { id: 'd', path: 'd.txt', absPath: '/d.txt', format: 'text', bytes: text.length, encoding: 'utf-8', text };
}
