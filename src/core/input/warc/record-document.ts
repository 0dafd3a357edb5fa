// What a WARC record reads as: a document (an HTML page's extracted text, plain text as it is, a
// WET conversion record's text), nothing (requests, metadata, the file's warcinfo: expected, and
// skipped without a word), a kind of content that is not text (an image, a PDF: counted, and told
// once for the file), or why it cannot be read (docs/spec.md §1).

import { canonicalEncoding, encodingOption } from '../charset.js';
import { decode, isBinary, type Decoded } from '../decode.js';
import { htmlEncoding } from '../formats/html.js';
import { extractHtml, type HtmlDocument } from '../html/extract.js';
import { decodedBody, mediaType, parseHttpResponse } from './http.js';
import type { WarcHeaders, WarcRecord } from './records.js';
import type { Encoding, FieldSources, RecordFields } from '../../types.js';

/** The record types that can hold a document. */
const READ_TYPES = new Set(['response', 'resource', 'conversion']);
/** The other record types of WARC 1.1 §6: skipped unread, and without a word. */
const SKIPPED_TYPES = new Set(['warcinfo', 'request', 'metadata', 'revisit', 'continuation']);

/** Where a document's fallback date comes from: the crawl's, not the publication's. */
export const WARC_DATE_SOURCE = 'WARC-Date (crawl date)';

/** What a record's text reads as: decoded, and for an HTML page extracted. */
export interface RecordText {
  text: string;
  encoding: Encoding;
  encodingFallback: boolean;
  /** The record's fields (see {@link RecordDocument}), with those an HTML page states. */
  fields: RecordFields;
  fieldSources: FieldSources;
  boilerplate: number[];
  declaredLang?: string;
  /** The decoded HTML, when the text was extracted from it. */
  raw?: string;
}

/**
 * A record that holds a document: its fields from the header block (the id it asks for, the
 * url), its crawl date, the bytes of its text before decoding (of a WET record: its content) and
 * how to read them, done only when the document is wanted (extracting a page is most of the work).
 */
export interface RecordDocument {
  kind: 'document';
  fields: RecordFields;
  fieldSources: FieldSources;
  fallbackDate?: { date: string; source: string };
  bytes: Buffer;
  /** Decodes the bytes, and extracts the text of an HTML page. */
  read(): RecordText;
  /** For an HTML page: its body and declared charset, to extract elsewhere (see pending-page.ts). */
  page?: { body: Buffer; charset: string | null; url?: string };
}

/** What a record reads as: a document; `skip` (expected: said nothing of); `other` (counted by kind); `bad` (warned of). */
export type RecordReading =
  | RecordDocument
  | { kind: 'skip' }
  | { kind: 'other'; label: string; response: boolean }
  | { kind: 'bad'; why: string };

/** True when a record's content is read: it may hold a document. */
export function holdsDocument(headers: WarcHeaders): boolean {
  return !SKIPPED_TYPES.has((headers.get('warc-type') ?? '').toLowerCase());
}

/** What a record reads as (see {@link RecordReading}); `limit` bounds a decompressed body. */
export function readRecord(record: WarcRecord, limit: number): RecordReading {
  const type = (record.headers.get('warc-type') ?? '').toLowerCase();
  if (SKIPPED_TYPES.has(type)) return { kind: 'skip' };
  if (!READ_TYPES.has(type)) {
    const why = type === '' ? 'no WARC-Type' : `unknown WARC-Type ${JSON.stringify(record.headers.get('warc-type'))}`;
    return { kind: 'bad', why: `${why}, skipped` };
  }
  const content = record.content ?? Buffer.alloc(0);
  const target = record.headers.get('warc-target-uri')?.replace(/^<(.*)>$/, '$1');
  if (type === 'conversion') {
    // A WET record: the page's text, in UTF-8 (Common Crawl's WET files), unless `--encoding` says otherwise.
    return document(record, target, content, () => textOf(decode(content)));
  }
  let body = content;
  let { mime, charset } = mediaType(record.headers.get('content-type'));
  if (type === 'response' && (mime === 'application/http' || mime === '' || content[0] === 0x48)) {
    const http = parseHttpResponse(content);
    if (http !== null) {
      if (http.status < 200 || http.status > 299)
        return { kind: 'other', label: `HTTP ${http.status}`, response: true };
      const decoded = decodedBody(http, limit);
      if (typeof decoded === 'string') return { kind: 'bad', why: decoded };
      body = decoded;
      ({ mime, charset } = mediaType(
        http.headers.get('content-type') ?? record.headers.get('warc-identified-payload-type'),
      ));
    } else if (mime === 'application/http') {
      return { kind: 'bad', why: 'its content is not an HTTP response, skipped' };
    }
  }
  const kind = textKind(mime, body);
  if (kind === null || isBinary(body)) {
    const label = mime === '' ? 'no Content-Type' : kind === null ? mime : `${mime} with NUL bytes`;
    return { kind: 'other', label, response: type === 'response' };
  }
  if (kind === 'text') {
    return document(record, target, body, () => textOf(decode(body, encodingOption() ?? declaredEncoding(charset))));
  }
  const page = document(record, target, body, () => pageOf(body, charset, target));
  page.page = target === undefined ? { body, charset } : { body, charset, url: target };
  return page;
}

/** A decoded text, as a record's. */
function textOf(decoded: Decoded): Omit<RecordText, 'fields' | 'fieldSources'> {
  return { text: decoded.text, encoding: decoded.encoding, encodingFallback: decoded.fallback, boilerplate: [] };
}

/**
 * An HTML page's body decoded (in its HTTP `charset`, else as html.ts says) and extracted, `url`
 * its WARC-Target-URI: what a record's `read` does, for a caller that extracts elsewhere (a worker).
 */
export function pageOf(
  body: Buffer,
  charset: string | null,
  target: string | undefined,
): Omit<RecordText, 'fields' | 'fieldSources'> & Pick<HtmlDocument, 'fields' | 'fieldSources'> {
  const decoded = decode(body, htmlEncoding(body, charset));
  const page = extractHtml(decoded.text, target === undefined ? {} : { url: target });
  const read = { ...textOf(decoded), text: page.text, boilerplate: page.boilerplate, raw: decoded.text };
  return {
    ...read,
    fields: page.fields,
    fieldSources: page.fieldSources,
    ...(page.lang === undefined ? {} : { declaredLang: page.lang }),
  };
}

/** Whether a body of a media type is an HTML page or plain text; null when neither. */
function textKind(mime: string, body: Buffer): 'html' | 'text' | null {
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  if (mime === 'text/plain') return 'text';
  // No type said: a page is known by how it starts (as browsers sniff, WHATWG MIME Sniffing §7.1).
  if (mime === '' || mime === 'unknown' || mime === 'application/octet-stream') {
    const start = body.toString('latin1', 0, Math.min(body.length, 512));
    if (/^(?:\uFEFF|\xEF\xBB\xBF)?\s*<(?:!doctype html|html|head|body|title|meta|!--)/i.test(start)) return 'html';
  }
  return null;
}

/** The encoding a charset label names; null (detect) when none or not one known. */
function declaredEncoding(charset: string | null): Encoding | null {
  if (charset === null) return null;
  const encoding = canonicalEncoding(charset.trim().toLowerCase());
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? null : encoding;
}

/**
 * A record's document: its id (the target URI, else the record id), url and crawl date from its
 * header block; `read` gives its text, with the fields a page states under the record's own.
 */
function document(
  record: WarcRecord,
  target: string | undefined,
  bytes: Buffer,
  read: () => Omit<RecordText, 'fields' | 'fieldSources'> & Partial<Pick<RecordText, 'fields' | 'fieldSources'>>,
): RecordDocument {
  const fields: RecordFields = {};
  const fieldSources: FieldSources = {};
  const recordId = record.headers.get('warc-record-id')?.replace(/^<(.*)>$/, '$1');
  const id = target ?? recordId;
  if (id !== undefined && id !== '') fields.id = id;
  if (target !== undefined && target !== '') {
    fields.url = target;
    fieldSources.url = 'WARC-Target-URI';
  }
  const doc: RecordDocument = {
    kind: 'document',
    fields,
    fieldSources,
    bytes,
    read: () => {
      const text = read();
      return {
        ...text,
        fields: { ...text.fields, ...fields },
        fieldSources: { ...text.fieldSources, ...fieldSources },
      };
    },
  };
  const date = record.headers.get('warc-date');
  if (date !== undefined && /^\d{4}-\d\d-\d\d(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/.test(date)) {
    doc.fallbackDate = { date, source: WARC_DATE_SOURCE };
  }
  return doc;
}
