// HTML pages (`.html`, `.htm`, `.xhtml`): a file is one document, its text the page's visible
// text as lines, the lines that are not the article marked as boilerplate, its metadata read from
// the page with where it was found (see html/extract.ts; docs/spec.md §1). The charset: a BOM,
// else `--encoding`, else the page's `<meta charset>`, else detected as for text.

import { canonicalEncoding, encodingOption } from '../charset.js';
import { sniffBom } from '../decode.js';
import { extractHtml, htmlCharset, type HtmlDocument } from '../html/extract.js';
import type { FoundFile } from '../walk.js';
import type { DocumentFormat, FileText } from './format-reader.js';
import { decodeFile, readFileBytes } from './text.js';
import type { Encoding, WarningHandler } from '../../types.js';

/**
 * The charset an HTML page's bytes are decoded in, before detection: one forced (`--encoding`),
 * else the one its `<meta>` declares (or an HTTP header, `declared`), else null (a BOM wins over
 * both, in decode.ts). A page that declares UTF-16 without a BOM is ASCII-compatible bytes, so UTF-8.
 */
export function htmlEncoding(bytes: Uint8Array, declared?: string | null): Encoding | null {
  const forced = encodingOption();
  if (forced !== null || sniffBom(bytes) !== null) return forced;
  const label = declared ?? htmlCharset(bytes);
  if (label === null || label === undefined) return null;
  const encoding = canonicalEncoding(label.trim().toLowerCase());
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding;
}

/** Reads an HTML file: its extracted text, boilerplate lines, metadata and declared language. */
export function readHtmlFile(
  file: FoundFile,
  warn: WarningHandler,
  wantBytes?: (bytes: Buffer) => boolean,
): FileText | null | 'skipped' {
  const bytes = readFileBytes(file, warn);
  if (bytes === null) return null;
  // Asked, but never a reason to skip: a page's bytes are not its text (`&eacute;`, `Bi<b>é</b>`).
  wantBytes?.(bytes);
  const read = decodeFile(file, bytes, warn, htmlEncoding(bytes));
  if (read === null) return null;
  return { ...read, ...pageParts(extractHtml(read.text)) };
}

/** What a document takes of an extracted page: its text, fields, boilerplate lines and declared language. */
export function pageParts(
  page: HtmlDocument,
): Pick<FileText, 'text' | 'fields' | 'fieldSources' | 'boilerplate' | 'declaredLang'> {
  const parts: ReturnType<typeof pageParts> = { text: page.text, fields: page.fields, fieldSources: page.fieldSources };
  if (page.boilerplate.length > 0) parts.boilerplate = page.boilerplate;
  if (page.lang !== undefined) parts.declaredLang = page.lang;
  return parts;
}

/** The reader of HTML files. */
export const htmlFormat: DocumentFormat = { holds: 'document', read: readHtmlFile };
