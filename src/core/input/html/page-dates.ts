// A page's publication date, from the first source that gives one, in the order measured best on
// the evaluation sets (bench/html-eval/README.md): the URL's path, the Open Graph article time,
// microdata, JSON-LD, other meta names, `<time datetime>`, then the text (the first date after the
// first `<h1>`, else from the article's first lines, else the first in the page, else the day the
// markup repeats most). A UTC timestamp one day off the day written by the headline takes the
// written day (see localDay); a tag's day that another tag contradicts in favour of the written
// day gives way to it (see confirmedDay).

import { firstDay, isoDateOf, urlDay } from './date-text.js';
import { frequentDay } from './frequent-date.js';
import type { JsonLdFacts } from './json-ld.js';
import type { PageLine } from './parse-lines.js';
import type { PageTags } from './page-tags.js';

/** The sources of a page's date, each with the name `fieldSources` gives it. */
export type DateSource =
  'url' | 'og' | 'microdata' | 'jsonld' | 'meta' | 'time' | 'heading' | 'article' | 'text' | 'frequent';

/** The sources that read the page's text (and, for `frequent`, its markup) rather than what a tag states. */
export const TEXT_SOURCES: readonly DateSource[] = ['heading', 'article', 'text', 'frequent'];
/** The sources that state a date: tags and the URL. */
const TAG_SOURCES: readonly DateSource[] = ['url', 'og', 'microdata', 'jsonld', 'meta', 'time'];

/** A date found, ISO 8601, and the name of where it was found. */
export interface FoundPageDate {
  date: string;
  source: string;
}

/** The order sources are tried in (measured: bench/html-eval/dates.js). */
export const DATE_ORDER: readonly DateSource[] = [
  'url',
  'og',
  'microdata',
  'jsonld',
  'meta',
  'time',
  'heading',
  'article',
  'text',
  'frequent',
];

/** Open Graph's article time and the variants sites write. */
const OG_NAMES = [
  'article:published_time',
  'og:published_time',
  'article:published',
  'og:article:published_time',
  'published_time',
  'article.published',
];
/** Other `<meta>` names of a publication date. */
const META_NAMES = [
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_date',
  'publication_date',
  'dc.date',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'article_date_original',
  'originalpublicationdate',
  'date_published',
  'citation_publication_date',
  'citation_date',
  'prism.publicationdate',
  'pub_date',
  'displaydate',
  'release_date',
  'bt:pubdate',
  'dc.created',
  'created',
  'article:post_date',
];
/** `<meta>` names of the last update (not a publication date: only a confirmation, see confirmedDay). */
const MODIFIED_NAMES = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'dcterms.modified',
  'dc.date.modified',
  'last-modified',
  'lastmod',
  'modified',
];
/** How much text after the first `<h1>` its dateline is looked for in, and how much of the page. */
const AFTER_H1_CHARS = 3000;
const TEXT_CHARS = 20000;

/** The first of `names` a page's `<meta>` gives a date in. */
function metaDate(meta: Map<string, string>, names: readonly string[], label: (n: string) => string) {
  for (const name of names) {
    const value = meta.get(name);
    const date = value === undefined ? undefined : isoDateOf(value);
    if (date !== undefined) return { date, source: label(name) };
  }
  return undefined;
}

/** The first day written in the lines from `from`, within `chars` characters. */
function textDay(lines: readonly PageLine[], from: number, chars: number): string | undefined {
  let text = '';
  for (let i = from; i < lines.length && text.length < chars; i++) text += `${(lines[i] as PageLine).text} `;
  return firstDay(text.slice(0, chars));
}

const found = (date: string | undefined, source: string): FoundPageDate | undefined =>
  date === undefined ? undefined : { date, source };

/** Lines before the article's first where its dateline may stand (above the headline, below it). */
const DATELINE_REACH = 3;

/**
 * The date one source gives, or undefined; `firstContent` is the article's first line (-1:
 * unknown), `html` the page's markup (for `frequent`; none: no date from it).
 */
export function dateFrom(
  source: DateSource,
  tags: PageTags,
  jsonLd: JsonLdFacts,
  lines: readonly PageLine[],
  url: string | undefined,
  firstContent = -1,
  html = '',
): FoundPageDate | undefined {
  switch (source) {
    case 'url':
      return url === undefined ? undefined : found(urlDay(url), 'URL path');
    case 'og':
      return metaDate(tags.meta, OG_NAMES, (n) => n);
    case 'microdata': {
      const value = tags.microdataDate ?? tags.meta.get('datepublished');
      return found(value === undefined ? undefined : isoDateOf(value), 'microdata datePublished');
    }
    case 'jsonld': {
      const value = jsonLd.datePublished;
      return found(value === undefined ? undefined : isoDateOf(value), 'JSON-LD datePublished');
    }
    case 'meta':
      return metaDate(tags.meta, META_NAMES, (n) => `meta ${n}`);
    case 'time': {
      const value = tags.timePublished ?? tags.time;
      return found(value === undefined ? undefined : isoDateOf(value), '<time datetime>');
    }
    case 'heading':
      return tags.h1Line < 0 ? undefined : found(textDay(lines, tags.h1Line, AFTER_H1_CHARS), 'text after <h1>');
    case 'article':
      if (firstContent < 0) return undefined;
      return found(textDay(lines, Math.max(0, firstContent - DATELINE_REACH), AFTER_H1_CHARS), 'article text');
    case 'text':
      return found(textDay(lines, 0, TEXT_CHARS), 'page text');
    case 'frequent':
      return found(frequentDay(html), 'most frequent day in the page');
  }
}

/** A timestamp in UTC (`Z`, `+00:00`): its hour. */
const UTC_STAMP = /T(\d\d):\d\d.*(?:Z|[+-]00:?00)$/;

/**
 * A stated timestamp with a time and a zone is a moment, and its day the zone's: a page in
 * Buenos Aires publishing at 22:00 states 01:00Z the next day. A timestamp with another offset
 * is already the local time, its day the page's. A UTC one may be a day off the day the page
 * writes by its headline, in the direction its hour allows (before noon the local day can be the
 * day before, in the Americas; after noon the day after, in Asia): the written day is then the
 * one its readers saw. Measured against taking any zone one day off: htmldate set tune +0.004,
 * held-out +0.004; trafilatura set tune +0.003, held-out -0.003.
 */
function localDay(date: FoundPageDate, written: FoundPageDate | undefined): FoundPageDate {
  const m = UTC_STAMP.exec(date.date);
  if (written === undefined || m === null) return date;
  const shift = (Date.parse(written.date.slice(0, 10)) - Date.parse(date.date.slice(0, 10))) / 86_400_000;
  const hour = Number(m[1]);
  return (shift === -1 && hour < 12) || (shift === 1 && hour >= 12)
    ? { date: written.date, source: `${date.source}, day as written` }
    : date;
}

/**
 * The days the page's tags state besides `chosen`'s: the other publication dates and the last
 * update (meta names, JSON-LD `dateModified`).
 */
function otherTagDays(
  chosen: DateSource,
  tags: PageTags,
  jsonLd: JsonLdFacts,
  lines: readonly PageLine[],
  url: string | undefined,
): Set<string> {
  const days = new Set<string>();
  for (const source of TAG_SOURCES) {
    if (source === chosen) continue;
    const date = dateFrom(source, tags, jsonLd, lines, url);
    if (date !== undefined) days.add(date.date.slice(0, 10));
  }
  const modified = metaDate(tags.meta, MODIFIED_NAMES, (n) => n)?.date;
  if (modified !== undefined) days.add(modified.slice(0, 10));
  const ldModified = jsonLd.dateModified === undefined ? undefined : isoDateOf(jsonLd.dateModified);
  if (ldModified !== undefined) days.add(ldModified.slice(0, 10));
  return days;
}

/**
 * The day the page shows its readers by its headline, when it differs from the first tag's and
 * another tag states it too: a stale or wrong tag (an old `datePublished` kept by a CMS, a URL
 * dated by the first draft, an article updated and shown with the day of the update) loses to two
 * sources that agree. Measured: htmldate set +0.018 (tune) / +0.016 (held-out), trafilatura set
 * +0.027 / +0.022, of which JSON-LD `dateModified` 2 pages in each half (bench/html-eval/README.md).
 */
function confirmedDay(
  date: FoundPageDate,
  written: FoundPageDate | undefined,
  others: () => Set<string>,
): FoundPageDate {
  if (written === undefined || date.date.slice(0, 10) === written.date) return date;
  return others().has(written.date) ? { date: written.date, source: `${written.source}, confirmed by the tags` } : date;
}

/** The page's date from the first of `order` that gives one; `html` is the page (for `frequent`). */
export function pageDate(
  tags: PageTags,
  jsonLd: JsonLdFacts,
  lines: readonly PageLine[],
  url: string | undefined,
  order: readonly DateSource[] = DATE_ORDER,
  firstContent = -1,
  html = '',
): FoundPageDate | undefined {
  for (const source of order) {
    const date = dateFrom(source, tags, jsonLd, lines, url, firstContent, html);
    if (date === undefined) continue;
    if (!order.includes('heading') || TEXT_SOURCES.includes(source)) return date;
    const written =
      dateFrom('heading', tags, jsonLd, lines, url, firstContent) ??
      dateFrom('article', tags, jsonLd, lines, url, firstContent);
    const local = localDay(date, written);
    return withTime(
      confirmedDay(local, written, () => otherTagDays(source, tags, jsonLd, lines, url)),
      (s) => dateFrom(s, tags, jsonLd, lines, url),
    );
  }
  return undefined;
}

/**
 * A day chosen without a time (from the URL's path, a written date) takes the time of a tag that
 * states the same day with one (`article:published_time`…), and that tag's provenance: the day
 * stays the one chosen, the record gains the precision the page gives (docs/spec.md §3, `date`).
 */
function withTime(date: FoundPageDate, from: (source: DateSource) => FoundPageDate | undefined): FoundPageDate {
  if (date.date.length !== 10) return date;
  for (const source of TAG_SOURCES) {
    const tag = source === 'url' ? undefined : from(source);
    if (tag !== undefined && tag.date.length > 10 && tag.date.startsWith(date.date)) return tag;
  }
  return date;
}
