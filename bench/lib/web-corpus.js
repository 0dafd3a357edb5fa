// The HTML bench's folder of N `.html` files, 1,000 to a subfolder, made from page-source.js's
// pages and reused while its parameters are the same; and what it shares with the WARC of the
// same pages (warc-file.js): the manifest, the folder's marker, the grep candidates.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pageSource } from './page-source.js';

/** Bump when the generated files change for the same parameters: old corpora are then rebuilt. */
export const WEB_GENERATOR_VERSION = 1;

/** Words the HTML grep rows may look for: the one in the share of pages closest to 10 % is used. */
export const WEB_GREP_CANDIDATES = [
  'freedom',
  'dignity',
  'education',
  'Freiheit',
  'derechos',
  'nationality',
  'government',
  'Regierung',
  'because',
  'Polska',
];

/**
 * What the report says of a corpus of pages.
 * @typedef {object} WebManifest
 * @property {{ generator: number, kind: 'html' | 'warc', pages: number, seed: string, source: string, version: string }} params
 * @property {string} generatedAt
 * @property {number} generationSeconds
 * @property {number} pages
 * @property {number} bytes - of the HTML pages (the WARC: before compression)
 * @property {number} [fileBytes] - the WARC file as written, compressed
 * @property {number} [otherRecords] - the WARC's warcinfo, request and metadata records
 * @property {number} languages - languages of synthetic pages (0 for real ones)
 * @property {Record<string, number>} documentFrequency - pages holding each grep candidate in their text
 */

/**
 * The made corpus: its manifest, where it is, whether it was there already.
 * @typedef {WebManifest & { path: string, reused: boolean }} WebCorpus
 */

/**
 * Reads a corpus's manifest when it was made with these parameters.
 * @param {string} manifestPath
 * @param {WebManifest['params']} params
 * @returns {WebManifest | null}
 */
export function sameManifest(manifestPath, params) {
  if (!existsSync(manifestPath)) return null;
  const manifest = /** @type {WebManifest} */ (JSON.parse(readFileSync(manifestPath, 'utf8')));
  return JSON.stringify(manifest.params) === JSON.stringify(params) ? manifest : null;
}

/**
 * Empties a folder this module made (never another): the marker file tells.
 * @param {string} dir
 */
export function clearOwnFolder(dir) {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, '.corpus-bench')))
      throw new Error(`${dir} is not empty and was not made by the bench; choose another --out`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.corpus-bench'), 'made by bench/lib/web-corpus.js; removed when regenerated\n');
}

/**
 * Counts, for the grep word, the pages whose text (tags and scripts dropped, roughly) holds each
 * candidate.
 * @param {Record<string, number>} df - updated
 * @param {Buffer} utf8 - the page in UTF-8
 */
export function countCandidates(df, utf8) {
  const text = utf8
    .toString('utf8')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  for (const w of WEB_GREP_CANDIDATES) if (text.includes(w)) df[w] = (df[w] ?? 0) + 1;
}

/**
 * Makes sure the folder of HTML pages exists in `dir` (generated when missing or made with other
 * parameters) and returns its manifest.
 * @param {{ pages: number, dir: string, seed: string, source: import('./page-source.js').PageSourceName,
 *   perFolder?: number, force?: boolean, log?: (line: string) => void }} options
 * @returns {WebCorpus}
 */
export function ensureHtmlFolder({ pages, dir, seed, source, perFolder = 1000, force = false, log = () => {} }) {
  dir = resolve(dir);
  const from = pageSource(source, seed);
  const params = {
    generator: WEB_GENERATOR_VERSION,
    kind: /** @type {const} */ ('html'),
    pages,
    seed,
    source,
    version: from.version,
  };
  const manifestPath = join(dir, '.manifest.json');
  const had = force ? null : sameManifest(manifestPath, params);
  if (had) {
    log(`html: reusing ${dir} (${pages} ${source} pages, made ${had.generatedAt})`);
    return { ...had, path: dir, reused: true };
  }
  clearOwnFolder(dir);
  const started = Date.now();
  const digits = Math.max(3, String(Math.ceil(pages / perFolder) - 1).length);
  const df = Object.fromEntries(WEB_GREP_CANDIDATES.map((w) => [w, 0]));
  const langs = new Set();
  let bytes = 0;
  for (let i = 0; i < pages; i++) {
    const page = from.page(i);
    const sub = join(dir, String(Math.floor(i / perFolder)).padStart(digits, '0'));
    if (i % perFolder === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(6, '0')}_${page.name}`), page.bytes);
    bytes += page.bytes.length;
    if (page.lang) langs.add(page.lang);
    countCandidates(df, page.utf8());
    if ((i + 1) % 5000 === 0)
      log(`html: ${i + 1}/${pages} pages written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  /** @type {WebManifest} */
  const manifest = {
    params,
    generatedAt: new Date().toISOString(),
    generationSeconds: (Date.now() - started) / 1000,
    pages,
    bytes,
    languages: langs.size,
    documentFrequency: df,
  };
  // Written last: a half-made folder has no manifest and is made again next time.
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  log(
    `html: wrote ${pages} pages, ${(bytes / 1e6).toFixed(0)} MB, to ${dir} in ${manifest.generationSeconds.toFixed(1)} s`,
  );
  return { ...manifest, path: dir, reused: false };
}
