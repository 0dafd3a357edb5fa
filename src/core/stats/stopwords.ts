// Stop words per language, from the `stopwords-iso` collection (58 languages, keyed by ISO
// 639-1), with spaCy's words added where that list is thin or missing (stopwords-supplement.ts),
// looked up here by the ISO 639-3 codes the rest of the tool uses. A run may replace or extend
// the lists, or keep every word (`--stopwords`, `--keep-stopwords`: {@link useStopwords}).

import { createRequire } from 'node:module';
import { SUPPLEMENT } from './stopwords-supplement.js';

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
  zul: 'zu', srp: 'sr', tam: 'ta', tel: 'te', kan: 'kn', mal: 'ml', aze: 'az', azj: 'az',
  mkd: 'mk', mac: 'mk', sqi: 'sq', alb: 'sq', als: 'sq', isl: 'is', ice: 'is', amh: 'am',
};

// Loaded on first use: the JSON holds every language (~230 kB) and most runs need none of it.
let lists: Record<string, readonly string[]> | undefined;
/** Each language's own list (stopwords-iso and the supplement), and the one a run uses. */
const builtIn = new Map<string, ReadonlySet<string>>();
const inUse = new Map<string, ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();

const DIGIT_START = /^\p{N}/u;
const HAN = /^\p{sc=Han}$/u;

/** What a run changes in the stop words (`--stopwords`, `--keep-stopwords`; docs/spec.md, `words`). */
export interface StopwordSettings {
  /** Words that stand for every language's list instead of it (`--stopwords FILE`). */
  replace?: readonly string[];
  /** Words added to every language's list (`--stopwords +FILE`). */
  add?: readonly string[];
  /** No word is a stop word (`--keep-stopwords`); numbers and elided clitics are still left out. */
  keep?: boolean;
}

let settings: StopwordSettings = {};
let userReplace: ReadonlySet<string> | undefined;
let userAdd: ReadonlySet<string> = NONE;

const folded = (w: string): string => w.toLowerCase().replaceAll('’', "'");

/**
 * Sets the stop words of this thread for what follows ({@link isStopword}); no argument: each
 * language's own list. A run sets them before it counts, and sends the same settings to its
 * worker threads, which set them too (see {@link stopwordSettings}).
 */
export function useStopwords(next: StopwordSettings = {}): void {
  settings = next;
  userReplace = next.replace === undefined ? undefined : new Set(next.replace.map(folded));
  userAdd = next.add === undefined || next.add.length === 0 ? NONE : new Set(next.add.map(folded));
  inUse.clear();
}

/** The settings {@link useStopwords} was last given: what a worker thread must be sent. */
export function stopwordSettings(): StopwordSettings {
  return settings;
}

/**
 * The words of a stop-word file: one a line, trimmed and lower-cased; blank lines and lines
 * starting with `#` are skipped, and so is what follows ` #` on a line (AntConc's and Lucene's
 * stop-word files read the same).
 */
export function parseStopwords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(?:^|\s)#.*$/, '').trim();
    if (line !== '') words.push(folded(line));
  }
  return words;
}

/** A language's own list: stopwords-iso's, with the supplement's words; {@link NONE} without. */
function ownList(lang: string): ReadonlySet<string> {
  let set = builtIn.get(lang);
  if (set !== undefined) return set;
  lists ??= createRequire(import.meta.url)('stopwords-iso') as Record<string, readonly string[]>;
  const code = TO_639_1[lang] ?? lang;
  const words = code.length === 2 ? [...(lists[code] ?? []), ...(SUPPLEMENT[code]?.split(' ') ?? [])] : [];
  // The lists write apostrophes straight (`aujourd'hui`); tokens may carry either.
  set = words.length === 0 ? NONE : new Set(words.map(folded));
  builtIn.set(lang, set);
  return set;
}

/** The list a run uses for a language: its own, or the user's instead, and the user's additions. */
function setFor(lang: string): ReadonlySet<string> {
  let set = inUse.get(lang);
  if (set !== undefined) return set;
  const base = userReplace ?? ownList(lang);
  set = userAdd === NONE ? base : new Set([...base, ...userAdd]);
  inUse.set(lang, set);
  return set;
}

/**
 * Whether a stop-word list is known for a language (ISO 639-3 like `fra`, or 639-1 like `fr`).
 * Without one, {@link isStopword} still drops numbers, elisions and single letters.
 */
export function hasStopwords(lang: string): boolean {
  return ownList(lang) !== NONE;
}

/** How many words a language's own list has (stopwords-iso and the supplement). */
export function stopwordCount(lang: string): number {
  return ownList(lang).size;
}

/**
 * Whether a word should be left out of term counts in a language: a stop word of the list the
 * run uses ({@link useStopwords}), an elided clitic (`l’`, `d’`, `’s`), a single letter, or a
 * number. With `--keep-stopwords`, only the clitics and numbers.
 *
 * @param word The word, already lower-cased.
 * @param lang ISO 639-3 code (`fra`, `eng`, `deu`…) or 639-1; unknown codes have no list.
 */
export function isStopword(word: string, lang: string): boolean {
  return isStop(word, lang, settings.keep === true ? null : setFor(lang));
}

/**
 * {@link isStopword} with the language's own list, whatever the run's settings: for what needs to
 * know the language's function words (a sentence-initial `Selon` is no name), not what to count.
 */
export function isFunctionWord(word: string, lang: string): boolean {
  return isStop(word, lang, ownList(lang));
}

function isStop(word: string, lang: string, set: ReadonlySet<string> | null): boolean {
  const n = word.length;
  if (n === 0) return true;
  const last = word.charCodeAt(n - 1);
  const first = word.charCodeAt(0);
  if (last === 0x27 || last === 0x2019 || first === 0x27 || first === 0x2019) return true;
  if (first < 0x80 ? first >= 0x30 && first <= 0x39 : DIGIT_START.test(word)) return true;
  if (set === null) return false;
  // A single letter, except a Chinese or Japanese character, which is often a word of its own.
  if (n === 1 || (n === 2 && first >= 0xd800 && first <= 0xdbff)) {
    if (!HAN.test(word)) return true;
  }
  if (set.has(word)) return true;
  return word.includes('’') && set.has(word.replaceAll('’', "'"));
}
