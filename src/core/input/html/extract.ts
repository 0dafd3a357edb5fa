// The HTML reader's extractor (docs/spec.md §1, issue 18): one htmlparser2 pass over a page gives
// its visible text as lines, which of them are not the main content, and the metadata the page
// states, each field with where it was found. The readers of HTML files and WARC records call it.

import type { FieldSources, RecordFields } from '../../types.js';
import { readJsonLd } from './json-ld.js';
import { boilerplateLines } from './main-text.js';
import { DATE_ORDER, pageDate, TEXT_SOURCES, type DateSource } from './page-dates.js';
import { hostOf, pageSource, pageTitle, pageUrl } from './page-meta.js';
import { parsePage, type PageLine } from './parse-lines.js';

export { htmlCharset } from './charset-prescan.js';

/** What a page reads as (see SourceDocument for each part). */
export interface HtmlDocument {
  /**
   * The visible text: one block element a line (a `<br>` ends a line too), a blank line between
   * blocks, so that each block is a paragraph; lines trimmed, white space folded; `\n` line ends.
   */
  text: string;
  /** Lines (1-based, of `text`; never a blank one) that are not the main content: navigation, footers, banners, widgets… */
  boilerplate: number[];
  /** Title, date (ISO 8601: declaredFields checks it), source, url. */
  fields: RecordFields;
  /** Where each field was found: `og:title`, `JSON-LD datePublished`, `<time datetime>`, `URL path`… */
  fieldSources: FieldSources;
  /** `<html lang>` as written, when there is one. */
  lang?: string;
}

export interface HtmlOptions {
  /** The page's address when known from outside it (a WARC record's WARC-Target-URI): for a date in its path and as the url. */
  url?: string;
  /**
   * Whether a date found only in the visible text goes into `fields` (source `text after <h1>`,
   * `article text`, `page text`, or the day the markup repeats most). On by default: measured right more often than leaving the
   * text to the tool's line-based date reader (bench/html-eval/corpus-dates.js). `false`: only
   * what the tags and the URL state.
   */
  textDate?: boolean;
}

/** The sources of the date without the text's. */
const TAG_DATE_ORDER: readonly DateSource[] = DATE_ORDER.filter((s) => !TEXT_SOURCES.includes(s));

/** The page's text and the line number (1-based) of each of its lines. */
function layOut(lines: readonly PageLine[]): { text: string; numbers: Int32Array } {
  const numbers = new Int32Array(lines.length);
  const parts: string[] = [];
  let n = 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as PageLine;
    numbers[i] = n;
    parts.push(line.text);
    if (i < lines.length - 1) {
      // A line a <br> ended runs on in its paragraph; any other ends one.
      parts.push(line.br ? '\n' : '\n\n');
      n += line.br ? 1 : 2;
    }
  }
  return { text: parts.join(''), numbers };
}

/** Extracts a page's text, boilerplate lines and metadata; never throws on malformed HTML. */
export function extractHtml(html: string, options: HtmlOptions = {}): HtmlDocument {
  const { lines, elements, tags } = parsePage(html);
  const { text, numbers } = layOut(lines);
  const isBoiler = boilerplateLines(lines, elements);
  const boilerplate: number[] = [];
  for (let i = 0; i < lines.length; i++) if (isBoiler[i] === 1) boilerplate.push(numbers[i] as number);

  const jsonLd = readJsonLd(tags.jsonLd);
  const fields: RecordFields = {};
  const fieldSources: FieldSources = {};
  const url = pageUrl(tags, options.url);
  if (url !== undefined) {
    fields.url = url.value;
    fieldSources.url = url.source;
  }
  const source = pageSource(tags, jsonLd, url);
  if (source !== undefined) {
    fields.source = source.value;
    fieldSources.source = source.source;
  }
  const site = source?.source === 'og:site_name' || source?.source === 'JSON-LD publisher' ? source.value : undefined;
  const title = pageTitle(tags, jsonLd, site, hostOf(url?.value));
  if (title !== undefined) {
    fields.title = title.value;
    fieldSources.title = title.source;
  }
  // A date in the path: the address given from outside first (a WARC record's), else the canonical.
  const dateUrl = options.url ?? url?.value;
  const date = pageDate(
    tags,
    jsonLd,
    lines,
    dateUrl,
    options.textDate === false ? TAG_DATE_ORDER : DATE_ORDER,
    isBoiler.indexOf(0),
    html,
  );
  if (date !== undefined) {
    fields.date = date.date;
    fieldSources.date = date.source;
  }
  const doc: HtmlDocument = { text, boilerplate, fields, fieldSources };
  if (tags.lang !== undefined) doc.lang = tags.lang;
  return doc;
}
