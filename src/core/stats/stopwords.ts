// Stop words per language, from the `stopwords-iso` collection (58 languages, keyed by ISO
// 639-1), looked up here by the ISO 639-3 codes the rest of the tool uses.

import { createRequire } from 'node:module';

/** ISO 639-3 (and the ISO 639-2/B and macrolanguage members language detection gives) → 639-1. */
// prettier-ignore
const TO_639_1: Record<string, string> = {
  afr: 'af', ara: 'ar', arb: 'ar', hye: 'hy', arm: 'hy', eus: 'eu', baq: 'eu', ben: 'bn',
  bre: 'br', bul: 'bg', cat: 'ca', zho: 'zh', chi: 'zh', cmn: 'zh', hrv: 'hr', ces: 'cs',
  cze: 'cs', dan: 'da', nld: 'nl', dut: 'nl', eng: 'en', epo: 'eo', est: 'et', ekk: 'et',
  fin: 'fi', fra: 'fr', fre: 'fr', glg: 'gl', deu: 'de', ger: 'de', ell: 'el', gre: 'el',
  guj: 'gu', hau: 'ha', heb: 'he', hin: 'hi', hun: 'hu', ind: 'id', gle: 'ga', ita: 'it',
  jpn: 'ja', kor: 'ko', kur: 'ku', kmr: 'ku', lat: 'la', lit: 'lt', lav: 'lv', lvs: 'lv',
  msa: 'ms', may: 'ms', zsm: 'ms', mar: 'mr', nor: 'no', nob: 'no', nno: 'no', fas: 'fa',
  per: 'fa', pes: 'fa', pol: 'pl', por: 'pt', ron: 'ro', rum: 'ro', rus: 'ru', slk: 'sk',
  slo: 'sk', slv: 'sl', som: 'so', sot: 'st', spa: 'es', swa: 'sw', swh: 'sw', swe: 'sv',
  tha: 'th', tgl: 'tl', fil: 'tl', tur: 'tr', ukr: 'uk', urd: 'ur', vie: 'vi', yor: 'yo',
  zul: 'zu',
};

// Loaded on first use: the JSON holds every language (~230 kB) and most runs need none of it.
let lists: Record<string, readonly string[]> | undefined;
const sets = new Map<string, ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();

const DIGIT_START = /^\p{N}/u;
const HAN = /^\p{sc=Han}$/u;

function setFor(lang: string): ReadonlySet<string> {
  let set = sets.get(lang);
  if (set !== undefined) return set;
  lists ??= createRequire(import.meta.url)('stopwords-iso') as Record<string, readonly string[]>;
  const code = TO_639_1[lang] ?? lang;
  const words = code.length === 2 ? lists[code] : undefined;
  // The lists write apostrophes straight (`aujourd'hui`); tokens may carry either.
  set = words === undefined ? NONE : new Set(words.map((w) => w.toLowerCase().replaceAll('’', "'")));
  sets.set(lang, set);
  return set;
}

/**
 * Whether a stop-word list is known for a language (ISO 639-3 like `fra`, or 639-1 like `fr`).
 * Without one, {@link isStopword} still drops numbers, elisions and single letters.
 */
export function hasStopwords(lang: string): boolean {
  return setFor(lang) !== NONE;
}

/**
 * Whether a word should be left out of term counts in a language: a stop word of that language,
 * an elided clitic (`l’`, `d’`, `’s`), a single letter, or a number.
 *
 * @param word The word, already lower-cased.
 * @param lang ISO 639-3 code (`fra`, `eng`, `deu`…) or 639-1; unknown codes have no list.
 */
export function isStopword(word: string, lang: string): boolean {
  const n = word.length;
  if (n === 0) return true;
  const last = word.charCodeAt(n - 1);
  const first = word.charCodeAt(0);
  if (last === 0x27 || last === 0x2019 || first === 0x27 || first === 0x2019) return true;
  // A single letter, except a Chinese or Japanese character, which is often a word of its own.
  if (n === 1 || (n === 2 && first >= 0xd800 && first <= 0xdbff)) {
    if (!HAN.test(word)) return true;
  }
  if (first < 0x80 ? first >= 0x30 && first <= 0x39 : DIGIT_START.test(word)) return true;
  const set = setFor(lang);
  if (set.has(word)) return true;
  return word.includes('’') && set.has(word.replaceAll('’', "'"));
}
