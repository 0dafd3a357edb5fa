// Where the HTML bench's pages come from: synthetic news pages (html-page.js, deterministic by
// seed), or the real pages of the public benchmarks that bench/html-eval/prepare.sh copied to
// /tmp/html-eval-data, cycled. Both the folder of HTML files and the WARC take page i from here.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../html-eval/lib/datasets.js';
import { renderPage } from './html-page.js';
import { createRandom } from './prng.js';
import { loadLanguages } from './udhr-sentences.js';

/** Where bench/html-eval/prepare.sh puts the real pages (`DATA` moves it, as for html-eval). */
export const REAL_PAGES = process.env.DATA ?? '/tmp/html-eval-data';

/** The page sources a row can use. */
export const PAGE_SOURCES = /** @type {const} */ (['synthetic', 'real']);
/** @typedef {typeof PAGE_SOURCES[number]} PageSourceName */

/**
 * Page i of a source.
 * @typedef {object} Page
 * @property {string} name - its file name, without folder
 * @property {Buffer} bytes - as written to an HTML file (a real page: as fetched, in its charset)
 * @property {() => Buffer} utf8 - the page in UTF-8, as a WARC record declaring UTF-8 carries it
 * @property {string} url
 * @property {string} lang - ISO 639-3 of a synthetic page's text; '' for a real page
 * @property {string} date - the day it was fetched or published, for the WARC's dates
 */

/**
 * A source of pages: the same i gives the same page, on every machine.
 * @typedef {object} PageSource
 * @property {PageSourceName} name
 * @property {string} version - what the pages depend on besides the seed (the udhr package, the real set)
 * @property {(i: number) => Page} page
 */

/**
 * Weights languages as news is (the k-th by k^-0.8, as bench/generate.js does) and picks one.
 * @template T
 * @param {readonly T[]} languages - most common first, never empty
 * @returns {(rnd: import('./prng.js').Random) => T}
 */
export function languagePicker(languages) {
  const weights = languages.map((_, k) => (k + 1) ** -0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const cumulative = weights.map((w) => (acc += w / total));
  return (rnd) => {
    const x = rnd.next();
    const k = cumulative.findIndex((c) => x < c);
    return /** @type {T} */ (languages[k === -1 ? languages.length - 1 : k]);
  };
}

/**
 * The source of synthetic pages for a seed.
 * @param {string} seed
 * @returns {PageSource}
 */
function syntheticSource(seed) {
  const { languages, udhrVersion } = loadLanguages();
  const pick = languagePicker(languages);
  return {
    name: 'synthetic',
    version: `udhr ${udhrVersion}`,
    page: (i) => {
      const rnd = createRandom(`${seed}:html:${i}`);
      const hex = rnd.hex() + rnd.hex();
      const { html, facts } = renderPage(rnd, pick(rnd), hex);
      const bytes = Buffer.from(html, 'utf8');
      return { name: `${hex}.html`, bytes, utf8: () => bytes, url: facts.url, lang: facts.lang, date: facts.day };
    },
  };
}

/**
 * The real pages, each once (the sets share some pages, and some addresses with other bytes: the
 * first is kept, so that no two WARC records have the same URL), in a fixed order.
 * @param {string} data - the folder prepare.sh filled
 * @returns {{ path: string, url: string }[]}
 */
export function listRealPages(data = REAL_PAGES) {
  /** @type {Map<string, string>} */
  const urls = new Map();
  /**
   * @param {string} file - a truth file: `{ url: { file } }`, or aeb's `{ id: { url } }`
   * @param {string[]} dirs - where its pages are
   * @param {boolean} byId
   */
  const addTruth = (file, dirs, byId) => {
    if (!existsSync(file)) return;
    const truth = JSON.parse(readFileSync(file, 'utf8').replace(/: NaN\b/g, ': null'));
    for (const [key, t] of Object.entries(truth)) {
      const [name, url] = byId ? [`${key}.html`, t.url] : [t.file, key];
      for (const d of dirs) urls.set(join(d, name), url);
    }
  };
  const aeb = join(data, 'aeb');
  const traf = join(data, 'trafilatura', 'tests');
  const hd = join(data, 'htmldate', 'tests');
  addTruth(join(aeb, 'ground-truth.json'), [join(aeb, 'html')], true);
  addTruth(join(traf, 'evaldata.json'), [join(traf, 'cache'), join(traf, 'eval')], false);
  for (const f of ['eval_default.json', 'eval_mediacloud_2020.json'])
    addTruth(
      join(hd, f),
      ['cache', 'eval', 'test_set'].map((d) => join(hd, d)),
      false,
    );
  const dirs = [
    join(aeb, 'html'),
    join(traf, 'cache'),
    join(traf, 'eval'),
    ...['cache', 'eval', 'test_set'].map((d) => join(hd, d)),
  ];
  const seen = new Set();
  const seenUrls = new Set();
  /** @type {{ path: string, url: string }[]} */
  const pages = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (!name.endsWith('.html') || !statSync(path).isFile()) continue;
      const digest = createHash('sha1').update(readFileSync(path)).digest('hex');
      const url = urls.get(path) ?? `https://real-page.example/${encodeURIComponent(name)}`;
      if (seen.has(digest) || seenUrls.has(url)) continue;
      seen.add(digest);
      seenUrls.add(url);
      pages.push({ path, url });
    }
  }
  return pages;
}

/**
 * The source that cycles the real pages: page i is real page i mod R, its k-th copy (k > 0) given
 * a comment at its end so that no two files have the same bytes (as a cache keyed by content
 * would otherwise see), and the bytes before it unchanged (its charset, its BOM).
 * @returns {PageSource}
 */
function realSource() {
  const pages = listRealPages();
  if (pages.length === 0)
    throw new Error(`no real pages in ${REAL_PAGES}: run bench/html-eval/prepare.sh, or use --html-source synthetic`);
  return {
    name: 'real',
    version: `${pages.length} pages of ${REAL_PAGES}`,
    page: (i) => {
      const real = /** @type {{ path: string, url: string }} */ (pages[i % pages.length]);
      const copy = Math.floor(i / pages.length);
      let bytes = readFileSync(real.path);
      if (copy > 0) bytes = Buffer.concat([bytes, Buffer.from(`\n<!-- corpus-bench copy ${copy} -->\n`)]);
      const base = real.path.slice(REAL_PAGES.length + 1).replace(/[/\\ ]+/g, '_');
      return {
        name: copy > 0 ? base.replace(/\.html$/, `.${copy}.html`) : base,
        bytes,
        utf8: () => Buffer.from(decode(bytes), 'utf8'),
        url: copy > 0 ? `${real.url}${real.url.includes('?') ? '&' : '?'}copy=${copy}` : real.url,
        lang: '',
        date: '2024-01-15',
      };
    },
  };
}

/**
 * The page source of a name.
 * @param {PageSourceName} name
 * @param {string} seed
 * @returns {PageSource}
 */
export function pageSource(name, seed) {
  return name === 'real' ? realSource() : syntheticSource(seed);
}
