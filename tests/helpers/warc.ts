// Builds WARC and WET files in tests: a record's bytes as a crawler writes them (WARC 1.1 §4:
// version line, fields, blank line, content, blank line), an HTTP response to put in one, and a
// gzip member, so that a file gzipped a record a member, as Common Crawl writes it, is
// `Buffer.concat(records.map(gzipMember))`.

import { gzipSync } from 'node:zlib';

/** A record to write: its type, target URI, date, other header fields and content. */
export interface WarcRecordSpec {
  /** `response`, `request`, `resource`, `metadata`, `warcinfo`, `conversion`, `revisit`… */
  type: string;
  uri?: string;
  /** WARC-Date; `2024-05-18T01:58:10Z` unless given (null: none). */
  date?: string | null;
  /** Other header fields, written as given, after the standard ones. */
  headers?: Record<string, string>;
  payload: Buffer | string;
  /** `WARC/1.1` unless given. */
  version?: string;
  /** The line end of the header block: `\r\n` (the standard) unless given. */
  eol?: string;
  /** Content-Length to write, when it must not be the payload's (a damaged record). */
  contentLength?: number;
}

let serial = 0;

/** The bytes of one WARC record. */
export function warcRecord(spec: WarcRecordSpec): Buffer {
  const payload = typeof spec.payload === 'string' ? Buffer.from(spec.payload) : spec.payload;
  const eol = spec.eol ?? '\r\n';
  const lines = [spec.version ?? 'WARC/1.1', `WARC-Type: ${spec.type}`];
  const date = spec.date === undefined ? '2024-05-18T01:58:10Z' : spec.date;
  if (date !== null) lines.push(`WARC-Date: ${date}`);
  serial++;
  lines.push(`WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(serial).padStart(12, '0')}>`);
  if (spec.uri !== undefined) lines.push(`WARC-Target-URI: ${spec.uri}`);
  for (const [name, value] of Object.entries(spec.headers ?? {})) lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${spec.contentLength ?? payload.length}`);
  return Buffer.concat([Buffer.from(lines.join(eol) + eol + eol, 'latin1'), payload, Buffer.from(eol + eol)]);
}

/** An HTTP response as a `response` record holds it (give it `Content-Type: application/http; msgtype=response`). */
export function httpResponse(body: Buffer | string, headers: Record<string, string> = {}, status = '200 OK'): Buffer {
  const head = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body) : body]);
}

/** The header fields of a `response` record that holds an HTTP response. */
export const HTTP_RESPONSE = { 'Content-Type': 'application/http; msgtype=response' };

/** One gzip member holding `bytes`. */
export function gzipMember(bytes: Buffer | string): Buffer {
  return gzipSync(bytes);
}

/** A `response` record holding an HTML page, served as `text/html; charset=utf-8` unless `headers` say otherwise. */
export function htmlResponse(uri: string, html: string, headers: Record<string, string> = {}): Buffer {
  return warcRecord({
    type: 'response',
    uri,
    headers: HTTP_RESPONSE,
    payload: httpResponse(html, { 'Content-Type': 'text/html; charset=utf-8', ...headers }),
  });
}
