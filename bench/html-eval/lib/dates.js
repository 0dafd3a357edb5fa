// Publication-date candidates of an HTML page, one per source (JSON-LD, Open Graph article meta,
// other meta names, microdata, <time>, the URL, the visible text), each as a day, YYYY-MM-DD.
import { dep } from './deps.js';

const { Parser } = dep('htmlparser2');

const MONTHS = new Map(
  [
    'january jan januar janvier enero gennaio janeiro januari',
    'february feb februar février fevrier febrero febbraio fevereiro februari',
    'march mar märz maerz mars marzo março maart',
    'april apr avril abril aprile',
    'may mai mayo maggio maio mei',
    'june jun juni juin junio giugno junho',
    'july jul juli juillet julio luglio julho',
    'august aug août aout agosto augustus',
    'september sep sept septembre septiembre settembre setembro',
    'october oct oktober octobre octubre ottobre outubro okt',
    'november nov novembre noviembre novembro',
    'december dec dezember décembre decembre diciembre dicembre dezembro dez',
  ].flatMap((names, i) => names.split(' ').map((n) => [n, i + 1])),
);
const MONTH_WORD = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const PATTERNS = [
  { re: /(\d{4})-(\d{1,2})-(\d{1,2})/, y: 1, m: 2, d: 3 },
  { re: /(\d{4})\/(\d{1,2})\/(\d{1,2})/, y: 1, m: 2, d: 3 },
  { re: /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b/, y: 3, m: 2, d: 1 },
  { re: /(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})/, y: 1, m: 2, d: 3 },
  { re: new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'), y: 3, m: 1, d: 2 },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s+(?:de\\s+)?${MONTH_WORD}\\s+(?:de\\s+)?(\\d{4})\\b`, 'i'),
    y: 3,
    m: 2,
    d: 1,
  },
];

/**
 * The first day written in a string, as YYYY-MM-DD (the day as written: no time-zone shift).
 * @param {string} s
 * @returns {string | undefined}
 */
export function parseDay(s) {
  let best;
  let at = Infinity;
  for (const p of PATTERNS) {
    const m = p.re.exec(s);
    if (!m || m.index >= at) continue;
    const y = Number(m[p.y]);
    const month = m[p.m] ?? '';
    const mo = /^\d+$/.test(month) ? Number(month) : (MONTHS.get(month.toLowerCase()) ?? 0);
    const d = Number(m[p.d]);
    if (y < 1995 || y > 2030 || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    best = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    at = m.index;
  }
  return best;
}

/**
 * A day in a URL path: /2019/11/20/, /2020/6/24/, 2019-11-20, 20191120.
 * @param {string} url
 */
export function urlDay(url) {
  const m =
    /\/((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)/.exec(url) ??
    /[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)/.exec(url);
  if (!m) return undefined;
  return parseDay(`${m[1]}-${m[2]}-${m[3]}`);
}

const OG = new Set([
  'article:published_time',
  'og:published_time',
  'article:published',
  'og:article:published_time',
  'published_time',
  'article.published',
]);
const META = new Set([
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
  'last-modified-date',
]);

/**
 * @param {unknown} node
 * @returns {string | undefined}
 */
function jsonLdPublished(node) {
  if (Array.isArray(node)) {
    for (const n of node) {
      const d = jsonLdPublished(n);
      if (d) return d;
    }
    return undefined;
  }
  if (!node || typeof node !== 'object') return undefined;
  const o = /** @type {Record<string, unknown>} */ (node);
  if (typeof o.datePublished === 'string') return o.datePublished;
  return jsonLdPublished(o['@graph']) ?? jsonLdPublished(o.mainEntity) ?? jsonLdPublished(o.mainEntityOfPage);
}

/**
 * Every source's day for one page (undefined where the source says nothing).
 * @param {string} html
 * @param {string} url
 * @returns {Record<string, string | undefined>}
 */
export function dateSources(html, url) {
  /** @type {Record<string, string | undefined>} */
  const found = {
    jsonld: undefined,
    og: undefined,
    meta: undefined,
    microdata: undefined,
    time: undefined,
    url: urlDay(url),
    text: undefined,
  };
  let script = '';
  let inLd = false;
  let skip = 0;
  let text = '';
  // The visible text from the first <h1> on: the article's own dateline, not the site header's.
  let afterH1 = -1;
  /** @param {string} key @param {string | undefined} value */
  const put = (key, value) => {
    if (found[key] === undefined && value) found[key] = parseDay(value);
  };
  const parser = new Parser(
    {
      /** @param {string} name @param {Record<string, string>} a */
      onopentag(name, a) {
        if (name === 'h1' && afterH1 < 0) afterH1 = text.length;
        if (name === 'script') inLd = (a.type ?? '').toLowerCase() === 'application/ld+json';
        if (name === 'script' || name === 'style' || name === 'noscript') skip++;
        const key = (a.property ?? a.name ?? a.itemprop ?? a['http-equiv'] ?? '').toLowerCase();
        if (name === 'meta' && OG.has(key)) put('og', a.content);
        else if (name === 'meta' && META.has(key)) put('meta', a.content);
        if ((a.itemprop ?? '').toLowerCase() === 'datepublished') put('microdata', a.content ?? a.datetime);
        if (name === 'time') {
          const pub = 'pubdate' in a || /publish|posted|entry-date/i.test(`${a.class ?? ''} ${a.itemprop ?? ''}`);
          if (pub) found.time = parseDay(a.datetime ?? '') ?? found.time;
          else put('time', a.datetime);
        }
      },
      /** @param {string} data */
      ontext(data) {
        if (inLd) script += data;
        else if (skip === 0 && text.length < 20000) text += data;
      },
      /** @param {string} name */
      onclosetag(name) {
        if (name === 'script' && inLd) {
          try {
            put('jsonld', jsonLdPublished(JSON.parse(script)));
          } catch {
            put('jsonld', /"datePublished"\s*:\s*"([^"]+)"/.exec(script)?.[1]);
          }
          script = '';
          inLd = false;
        }
        if ((name === 'script' || name === 'style' || name === 'noscript') && skip > 0) skip--;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  found.text = parseDay(text.replace(/\s+/g, ' '));
  found.heading = afterH1 < 0 ? undefined : parseDay(text.slice(afterH1, afterH1 + 3000).replace(/\s+/g, ' '));
  return found;
}

export const SOURCES = ['jsonld', 'og', 'meta', 'microdata', 'time', 'url', 'heading', 'text'];
