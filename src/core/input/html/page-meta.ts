// A page's title, source and address from what its tags state, each with where it was found:
// title from og:title, JSON-LD headline, the first <h1>, else <title> without the site's name;
// url from <link rel=canonical>, og:url, else the address given from outside; source from
// og:site_name, the JSON-LD publisher, else the host of the page's address.

import type { JsonLdFacts } from './json-ld.js';
import type { PageTags } from './page-tags.js';

/** A field's value and the name of where it was found. */
export interface Found {
  value: string;
  source: string;
}

/** Separators sites put between a headline and their name: `Headline | Le Monde`, `BBC News - Headline`. */
const TITLE_PARTS = /\s+(?:[|\-–—·•»]|::)\s+/;
/** A part this long or longer is a headline, not a site's name. */
const SITE_NAME_WORDS = 5;

const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * A title without the site's name: a part that is the site's name (or its host) goes; else, when
 * `generic`, a short last part after a separator (`Headline - BBC News`). A title that is only the
 * name stays.
 */
export function stripSiteName(
  title: string,
  site: string | undefined,
  host: string | undefined,
  generic = true,
): string {
  const parts = title.split(TITLE_PARTS);
  if (parts.length < 2) return title;
  const names = [site, host, host?.replace(/\.[a-z]+$/i, '')].filter((n): n is string => !!n).map(fold);
  const kept = parts.filter((p) => !names.includes(fold(p)));
  if (kept.length > 0 && kept.length < parts.length) return rejoin(title, kept);
  if (!generic) return title;
  const last = parts[parts.length - 1] as string;
  const rest = parts.slice(0, -1).join(' ');
  if (last.split(/\s+/).length < SITE_NAME_WORDS && last.length < rest.length) {
    return rejoin(title, parts.slice(0, -1));
  }
  return title;
}

/** The parts kept, with the separators that stood between them in the title. */
function rejoin(title: string, kept: string[]): string {
  if (kept.length === 1) return kept[0] as string;
  const from = title.indexOf(kept[0] as string);
  const last = kept[kept.length - 1] as string;
  const to = title.indexOf(last, from) + last.length;
  return from >= 0 && to > from ? title.slice(from, to) : kept.join(' - ');
}

/** An absolute http(s) address from `href` (resolved against `base`), or undefined. */
export function absoluteUrl(href: string, base: string | undefined): string | undefined {
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The host of an address without `www.`, or undefined. */
export function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const host = new URL(url).hostname;
    return host === '' ? undefined : host.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

const SPACES = /\s+/g;
const clean = (s: string | undefined): string | undefined => {
  const v = s?.replace(SPACES, ' ').trim();
  return v ? v : undefined;
};

/** The page's address: canonical, og:url, else the one given. */
export function pageUrl(tags: PageTags, given: string | undefined): Found | undefined {
  const canonical = tags.canonical === undefined ? undefined : absoluteUrl(tags.canonical, given);
  if (canonical !== undefined) return { value: canonical, source: '<link rel=canonical>' };
  const og = tags.meta.get('og:url');
  const ogUrl = og === undefined ? undefined : absoluteUrl(og, given);
  if (ogUrl !== undefined) return { value: ogUrl, source: 'og:url' };
  return given === undefined ? undefined : { value: given, source: 'given URL' };
}

/** The page's source (the site publishing it). */
export function pageSource(tags: PageTags, jsonLd: JsonLdFacts, url: Found | undefined): Found | undefined {
  const site = clean(tags.meta.get('og:site_name'));
  if (site !== undefined) return { value: site, source: 'og:site_name' };
  const publisher = clean(jsonLd.publisher);
  if (publisher !== undefined) return { value: publisher, source: 'JSON-LD publisher' };
  const host = hostOf(url?.value);
  if (host === undefined) return undefined;
  return { value: host, source: url?.source === 'given URL' ? 'URL host' : 'canonical URL host' };
}

/** The page's title. */
export function pageTitle(
  tags: PageTags,
  jsonLd: JsonLdFacts,
  site: string | undefined,
  host: string | undefined,
): Found | undefined {
  const og = clean(tags.meta.get('og:title'));
  if (og !== undefined) return { value: stripSiteName(og, site, host, false), source: 'og:title' };
  const headline = clean(jsonLd.headline);
  if (headline !== undefined) return { value: headline, source: 'JSON-LD headline' };
  if (tags.h1 !== '') return { value: tags.h1, source: '<h1>' };
  if (tags.title !== '') return { value: stripSiteName(tags.title, site, host), source: '<title>' };
  return undefined;
}
