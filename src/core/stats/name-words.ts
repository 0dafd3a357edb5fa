// The words that tell a capitalised word is no name (names.ts): the determiners after which a
// language that capitalises nouns writes its common nouns, and the months, weekdays, time zones,
// units and titles that are capitalised without being names.

import { foldWord, ZONES } from '../analyse/metadata/date-words.js';

// Two capitals and no lower-case letter: `GMT`, `CET` (not `West`, `Est`).
const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

/**
 * Languages that capitalise every noun: there a capital says little, and a word is taken for a
 * common noun when the corpus writes it after a determiner often enough ({@link DETERMINERS}).
 */
export const NOUN_CAPS: ReadonlySet<string> = new Set(['deu', 'ger', 'ltz', 'gsw', 'bar']);
/**
 * Determiners, and prepositions fused with one, of those languages (folded): `der Anspruch`,
 * `im Jahr`, `viele Kinder`. Names seldom follow them (`in Berlin`, `sagte Merkel`); feminine
 * countries do (`die Ukraine`), and are kept when the rest of the corpus writes them without.
 */
// prettier-ignore
export const DETERMINERS: ReadonlySet<string> = new Set((
  'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines ' +
  'mein meine meinen meinem meiner meines dein deine deinen deinem deiner deines sein seine seinen ' +
  'seinem seiner seines ihr ihre ihren ihrem ihrer ihres unser unsere unseren unserem unserer ' +
  'unseres euer eure euren eurem eurer eures dieser diese diesen diesem dieses jener jene jenen ' +
  'jenem jenes jeder jede jeden jedem jedes welcher welche welchen welchem welches solcher solche ' +
  'solchen solchem solches mancher manche manchen manchem manches alle allen aller alles viele ' +
  'vielen vieler wenige wenigen weniger einige einigen einiger mehrere mehreren beide beiden ' +
  'im am zum zur vom beim ins ans aufs fürs übers ums unterm hinterm vorm ' +
  'zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert tausend mehr ' +
  'dëse dës dësem dëser eng engem enger e en d dat deen déi'
).split(' '));
/** The endings of inflected German adjectives, less `-te` (see names.ts, `Names.attributive`). */
export const ADJECTIVE_ENDING = /(?:[^t]e|en|er|es|em)$/;

/**
 * The least share of a word's capitalised occurrences inside sentences that follow a determiner
 * for it to be a common noun. Measured on 630 German pages (html-eval-data/trafilatura): nouns
 * sit after a determiner 30-70 % of the time, names below 10 % (`Deutschland` 3 %, `Berlin` 4 %).
 */
export const DETERMINER_SHARE = 0.2;

/**
 * Units, currencies and abbreviations written with a capital (`MW`, `GHz`, German `Mio.`, `Nr.`),
 * and abbreviated titles, which open a name but are none (`Dr. Merkel`), folded.
 */
// prettier-ignore
const UNITS = new Set((
  'km kg mg cm mm ml gb mb kb tb pb mw gw kw kwh mwh gwh twh hz khz mhz ghz ps mph kmh ' +
  'mio mrd nr bd euro euros dollar dollars cent cents ' +
  'dr prof mr mrs ms mme mlle st jr sr hr'
).split(' '));

/** Each language's month and weekday names, folded (as date-words.ts folds them). */
const dateWordSets = new Map<string, ReadonlySet<string>>();
const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * The month and weekday names of a language, long and short, alone and inside a date (the
 * genitive `мая`), in its own calendar and the Gregorian one: CLDR's, from Node's Intl, which is
 * where date-names.ts is generated from. date-names.ts merges 306 locales into one table, where
 * `Anna`, `China`, `Ben`, `Sam` are some language's day or month: fine for reading dates, wrong
 * for deciding that a capitalised word of another language is no name.
 */
function dateWordsOf(lang: string): ReadonlySet<string> {
  let set = dateWordSets.get(lang);
  if (set !== undefined) return set;
  set = NO_WORDS;
  let supported = false;
  try {
    supported = Intl.DateTimeFormat.supportedLocalesOf(lang).length > 0;
  } catch {
    // not a language tag (`und`, a declared code Intl refuses)
  }
  if (supported) {
    const words = new Set<string>();
    // One formatter per set of options, for all its dates: a formatter holds ICU's date symbols
    // (about 4 KB of native memory, freed only when V8 collects it), and one per date and option
    // made 110 a language, 175 MB of native memory at the peak of a 25,000-document summarise.
    const add = (options: Intl.DateTimeFormatOptions, dates: Date[], type: 'month' | 'weekday'): void => {
      const format = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', ...options });
      for (const date of dates)
        for (const part of format.formatToParts(date))
          if (part.type === type) for (const w of part.value.split(/[\s.]+/)) if (w.length > 1) words.add(foldWord(w));
    };
    const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2021, m, 15)));
    for (const calendar of [undefined, 'gregory'])
      for (const month of ['long', 'short'] as const) {
        add({ calendar, month }, months, 'month');
        add({ calendar, month, day: 'numeric' }, months, 'month');
      }
    const days = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2021, 0, 3 + d)));
    for (const weekday of ['long', 'short'] as const) add({ weekday }, days, 'weekday');
    set = words;
  }
  dateWordSets.set(lang, set);
  return set;
}

/** A month or weekday of the language, a time zone (`GMT`, `CET`) or a unit (`MW`): never a name. */
export function isDateOrUnit(word: string, lang: string): boolean {
  const folded = foldWord(word);
  if (UNITS.has(folded)) return true;
  // `WEST` is a zone, `West` a name; `EST` a zone, French `Est` a region.
  if (ALL_CAPS.test(word) && folded.length >= 3 && ZONES.has(folded)) return true;
  return dateWordsOf(lang).has(folded);
}
