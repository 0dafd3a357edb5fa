// The metadata a page states in its tags, gathered as the parse goes by: `<meta>` names and
// properties, `<link rel=canonical>`, `<time datetime>`, microdata `datePublished`, `<html lang>`,
// and the texts of `<title>`, the first `<h1>` and the JSON-LD scripts. Judged later (page-meta.ts,
// page-dates.ts): here nothing is parsed, only kept, the first of each.

/** What the tags of one page say, each the first found. */
export interface PageTags {
  /** `<meta>` content by lower-cased `property`, `name`, `itemprop` or `http-equiv`. */
  meta: Map<string, string>;
  /** `<title>`'s text, white space folded. */
  title: string;
  /** The first `<h1>`'s text, white space folded. */
  h1: string;
  /** How many lines the page had when the first `<h1>` opened (-1: none): where the article's dateline follows. */
  h1Line: number;
  /** The JSON-LD scripts' texts. */
  jsonLd: string[];
  /** `<link rel=canonical href>`. */
  canonical?: string;
  /** The first `<time datetime>` marked as the publication's (`pubdate`, a class or itemprop saying so). */
  timePublished?: string;
  /** The first `<time datetime>`. */
  time?: string;
  /** A non-`<meta>` element's microdata `datePublished` (`content` or `datetime`). */
  microdataDate?: string;
  /** `<html lang>` as written. */
  lang?: string;
}

/** An empty record, filled by {@link noteTag}. */
export function newPageTags(): PageTags {
  return { meta: new Map(), title: '', h1: '', h1Line: -1, jsonLd: [] };
}

const PUBLISHED_TIME = /publish|posted|entry-date|created/i;

/** Notes what an opening tag states about the page. */
export function noteTag(tags: PageTags, name: string, a: Record<string, string>): void {
  switch (name) {
    case 'meta': {
      const key = a.property ?? a.name ?? a.itemprop ?? a['http-equiv'];
      const content = a.content;
      if (key !== undefined && content !== undefined) {
        const k = key.trim().toLowerCase();
        if (content.trim() !== '' && !tags.meta.has(k)) tags.meta.set(k, content.trim());
      }
      return;
    }
    case 'link':
      if (tags.canonical === undefined && a.href && (a.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
        tags.canonical = a.href.trim();
      }
      return;
    case 'time': {
      const datetime = a.datetime?.trim();
      if (!datetime) break;
      tags.time ??= datetime;
      if (tags.timePublished === undefined) {
        if ('pubdate' in a || PUBLISHED_TIME.test(`${a.class ?? ''} ${a.itemprop ?? ''}`))
          tags.timePublished = datetime;
      }
      break;
    }
    case 'html':
      if (tags.lang === undefined && a.lang?.trim()) tags.lang = a.lang.trim();
      return;
  }
  if (tags.microdataDate === undefined && a.itemprop !== undefined && a.itemprop.toLowerCase() === 'datepublished') {
    const value = (a.content ?? a.datetime)?.trim();
    if (value) tags.microdataDate = value;
  }
}
