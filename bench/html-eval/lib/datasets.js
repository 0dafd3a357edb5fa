// Loads the three evaluation sets prepared by prepare.sh: pages as decoded strings with their truth
// (article body, passages that must / must not be in it, day of publication).
import { existsSync, readFileSync } from 'node:fs';

/**
 * @typedef {object} Page
 * @property {string} id
 * @property {string} url
 * @property {string} html
 * @property {number} bytes
 * @property {string} [body]         the whole article body (aeb)
 * @property {string[]} [with]       passages that must be in the body (trafilatura)
 * @property {string[]} [without]    passages that must not be
 * @property {string} [date]         the day of publication, YYYY-MM-DD
 */

export const DATA = process.env.DATA ?? '/tmp/html-eval-data';

/**
 * Decodes page bytes: BOM, then a declared charset in the first 4 KB, else UTF-8.
 * @param {Buffer} buf
 */
export function decode(buf) {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.toString('utf8', 3);
  const head = buf.toString('latin1', 0, 4096);
  const m = /<meta[^>]+charset=["']?\s*([\w.:-]+)/i.exec(head);
  const label = m?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(label === 'utf8' ? 'utf-8' : label).decode(buf);
  } catch {
    return buf.toString('utf8');
  }
}

/** @param {string} path */
const readPage = (path) => {
  const buf = readFileSync(path);
  return { html: decode(buf), bytes: buf.length };
};

/**
 * The scrapinghub article-extraction-benchmark: 181 pages, the whole article body as truth.
 * @returns {Page[]}
 */
export function loadAeb() {
  const dir = `${DATA}/aeb`;
  /** @type {Record<string, {articleBody: string, url: string}>} */
  const truth = JSON.parse(readFileSync(`${dir}/ground-truth.json`, 'utf8'));
  return Object.entries(truth).map(([id, t]) => ({
    id,
    url: t.url,
    body: t.articleBody,
    ...readPage(`${dir}/html/${id}.html`),
  }));
}

/**
 * Trafilatura's evaluation set: ~990 pages, passages in and out of the main text, most with a date.
 * @returns {Page[]}
 */
export function loadTrafilatura() {
  const dir = `${DATA}/trafilatura/tests`;
  /** @type {Record<string, {file: string, with: string[], without: string[], date?: string}>} */
  const truth = JSON.parse(readFileSync(`${dir}/evaldata.json`, 'utf8'));
  /** @type {Page[]} */
  const pages = [];
  for (const [url, t] of Object.entries(truth)) {
    const path = [`${dir}/cache/${t.file}`, `${dir}/eval/${t.file}`].find((p) => existsSync(p));
    if (!path) continue;
    const date = t.date && /^\d{4}-\d\d-\d\d/.test(t.date) ? t.date.slice(0, 10) : undefined;
    pages.push({ id: t.file, url, with: t.with, without: t.without, date, ...readPage(path) });
  }
  return pages;
}

/**
 * htmldate's evaluation set: ~1000 pages with the day of publication.
 * @returns {Page[]}
 */
export function loadHtmldate() {
  const dir = `${DATA}/htmldate/tests`;
  /** @type {Page[]} */
  const pages = [];
  for (const file of ['eval_default.json', 'eval_mediacloud_2020.json']) {
    // The file is Python's json output: an unknown date is written as NaN.
    const text = readFileSync(`${dir}/${file}`, 'utf8').replace(/: NaN\b/g, ': null');
    /** @type {Record<string, {file: string, date: string | null}>} */
    const truth = JSON.parse(text);
    for (const [url, t] of Object.entries(truth)) {
      if (!t.date) continue;
      const path = ['cache', 'eval', 'test_set'].map((d) => `${dir}/${d}/${t.file}`).find((p) => existsSync(p));
      if (!path) continue;
      pages.push({ id: t.file, url, date: t.date.slice(0, 10), ...readPage(path) });
    }
  }
  return pages;
}

/**
 * A fixed half of a set: `tune` (FNV-1a hash of the page's id even) or `held-out` (odd), so
 * rules can be tuned on one half and quoted on the other; `all` keeps every page.
 * @param {Page[]} pages
 * @param {string} split
 * @returns {Page[]}
 */
export function splitPages(pages, split) {
  if (split === 'all') return pages;
  if (split !== 'tune' && split !== 'held-out') throw new Error(`--split is all, tune or held-out, not ${split}`);
  const want = split === 'tune' ? 0 : 1;
  return pages.filter((p) => (fnv1a(p.id) & 1) === want);
}

/** @param {string} s */
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** @type {Record<string, () => Page[]>} */
export const SETS = { aeb: loadAeb, trafilatura: loadTrafilatura, htmldate: loadHtmldate };
