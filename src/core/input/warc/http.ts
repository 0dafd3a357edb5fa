// The HTTP response a WARC `response` record holds (WARC 1.1 §6.3.2): its status, its headers and
// its body as the page was served. Crawlers that store the message as received (wget, warcprox,
// Heritrix) keep its chunked transfer coding and its gzip, deflate or br content coding, which are
// undone here; Common Crawl stores the body decoded and renames those headers (`X-Crawler-…`),
// and some tools decode the body but keep the header, so a body is decoded only when it looks encoded.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let zlib: typeof import('node:zlib') | undefined;
const load = (): typeof import('node:zlib') => (zlib ??= require('node:zlib') as typeof import('node:zlib'));

/** An HTTP response: its status code, headers (names lower-cased) and body. */
export interface HttpResponse {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/** A header block longer than this is not one. */
const MAX_HEAD_BYTES = 256 * 1024;

/** The response a record's content holds; null when it does not start with an HTTP status line. */
export function parseHttpResponse(content: Buffer): HttpResponse | null {
  const status = /^HTTP\/\d(?:\.\d)? +(\d{3})/.exec(content.toString('latin1', 0, Math.min(content.length, 64)));
  if (status === null) return null;
  let end = content.indexOf('\r\n\r\n');
  let bodyAt = end + 4;
  const lf = content.indexOf('\n\n');
  if (lf !== -1 && (end === -1 || lf < end)) {
    end = lf;
    bodyAt = lf + 2;
  }
  if (end === -1 || end > MAX_HEAD_BYTES) {
    // Headers without the blank line after them: a response with no body.
    end = content.length;
    bodyAt = content.length;
  }
  const headers = new Map<string, string>();
  let last = '';
  for (const line of content.toString('latin1', 0, end).split(/\r?\n/).slice(1)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== '') {
      headers.set(last, `${headers.get(last) as string} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    // Repeated headers join with commas (RFC 9110 §5.3).
    headers.set(last, headers.has(last) ? `${headers.get(last) as string}, ${value}` : value);
  }
  return { status: Number(status[1]), headers, body: content.subarray(bodyAt) };
}

/**
 * A response's body with its transfer and content codings undone, at most `limit` bytes; else
 * why it cannot be. A coding the body does not show (already undone) is left alone.
 */
export function decodedBody(response: HttpResponse, limit: number): Buffer | string {
  let body = response.body;
  const transfer = (response.headers.get('transfer-encoding') ?? '').toLowerCase();
  if (transfer.includes('chunked') && looksChunked(body)) body = dechunk(body);
  const codings = (response.headers.get('content-encoding') ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  // Undone last first (RFC 9110 §8.4).
  for (const coding of codings.reverse()) {
    const decoded = undoCoding(body, coding, limit);
    if (typeof decoded === 'string') return decoded;
    body = decoded;
  }
  return body;
}

/** True when a body starts as a chunked one does: a hex size, maybe extensions, a line end. */
function looksChunked(body: Buffer): boolean {
  return /^[0-9a-fA-F]{1,8}[ \t]*(?:;[^\r\n]*)?\r?\n/.test(body.toString('latin1', 0, Math.min(body.length, 128)));
}

/** The data of a chunked body (RFC 9112 §7.1); a body cut short gives the chunks it has. */
export function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const nl = body.indexOf(0x0a, at);
    if (nl === -1) break;
    const size = parseInt(body.toString('latin1', at, nl).split(';')[0] as string, 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(nl + 1, Math.min(nl + 1 + size, body.length)));
    at = nl + 1 + size;
    // The line end after the chunk's data.
    if (body[at] === 0x0d) at++;
    if (body[at] === 0x0a) at++;
  }
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}

/** A body with one content coding undone; else why it cannot be. */
function undoCoding(body: Buffer, coding: string, limit: number): Buffer | string {
  const z = load();
  const options = { maxOutputLength: Math.max(1, Math.min(limit, 2 ** 31 - 1)) };
  let undo: ((bytes: Buffer) => Buffer) | null = null;
  if (coding === 'gzip' || coding === 'x-gzip') {
    // A body already gunzipped by the crawler is left as it is.
    if (body[0] !== 0x1f || body[1] !== 0x8b) return body;
    undo = (bytes) => z.gunzipSync(bytes, options);
  } else if (coding === 'deflate') {
    // Servers send deflate with the zlib wrapper (RFC 1950) or without it.
    const zlibWrapped = ((body[0] ?? 0) & 0x0f) === 8 && (((body[0] ?? 0) << 8) | (body[1] ?? 0)) % 31 === 0;
    undo = (bytes) => (zlibWrapped ? z.inflateSync(bytes, options) : z.inflateRawSync(bytes, options));
  } else if (coding === 'br') {
    undo = (bytes) => z.brotliDecompressSync(bytes, options);
  }
  // Any other coding (compress, zstd…) is left: the body is then counted as not text.
  if (undo === null || body.length === 0) return body;
  try {
    return undo(body);
  } catch (err) {
    // Not encoded after all: the crawler undid the coding and kept the header.
    if (looksLikeText(body)) return body;
    const why = err instanceof Error ? err.message : String(err);
    return `its ${coding} Content-Encoding cannot be undone (${why}), skipped`;
  }
}

/** True when a body starts as markup or text does, not as compressed bytes. */
function looksLikeText(body: Buffer): boolean {
  return /^[\s\uFEFF]*[<\w{[]/.test(body.toString('latin1', 0, Math.min(body.length, 64)));
}

/** A Content-Type header's media type (lower-cased) and charset, if any. */
export function mediaType(contentType: string | undefined): { mime: string; charset: string | null } {
  if (contentType === undefined) return { mime: '', charset: null };
  const [type, ...params] = contentType.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)/i.exec(param);
    if (m) charset = m[1] as string;
  }
  return { mime: (type as string).trim().toLowerCase(), charset };
}
