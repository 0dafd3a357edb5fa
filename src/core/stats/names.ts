// Finds names: the most frequent capitalised word sequences (`Vladimir Poutine`, `Minsk`), less
// the common words that are capitalised only because they open a sentence (`Le`, `Selon`) or
// because their language capitalises nouns (German `Anspruch`), less month and weekday names,
// time zones and units (`Mai`, `Monday`, `GMT`, `MW`), with their particles (`Charles de Gaulle`,
// `von der Leyen`) when the corpus writes them with them.

import {
  ELISION,
  folded,
  foldTerm,
  NUMBER,
  PUNCT,
  SENTENCE,
  SPACE,
  WORD,
  type FoldedTokens,
  type Folding,
} from './folded.js';
import { ADJECTIVE_ENDING, DETERMINER_SHARE, DETERMINERS, isDateOrUnit, NOUN_CAPS } from './name-words.js';
import { isFunctionWord } from './stopwords.js';
import type { Token } from './tokenize.js';

/** A name and how often it occurs. */
export interface NameCount {
  name: string;
  count: number;
}

/**
 * Lower-case words allowed inside a name, between two capitalised words (`Ludwig van Beethoven`,
 * `Omar ibn Khattab`), and before one when the corpus writes that name with them (`von der
 * Leyen`, `bin Salman`, see {@link LEADS}). French and Spanish `de`/`du`/`des` are {@link WEAK}.
 */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'di',
  'da',
  'del',
  'della',
  'dos',
  'das',
  'bin',
  'ibn',
  'ben',
  'al',
  'el',
  'de',
  'du',
  'des',
]);
/**
 * Particles that glue only when the corpus says so: `la Russie de Vladimir Poutine` is two
 * names, `Charles de Gaulle` one. Inside a name, one of these is kept when one word follows it
 * (`Gaulle`), written after it at least {@link PARTICLE_SHARE} of the times it occurs.
 */
const WEAK = new Set(['de', 'du', 'des']);
/**
 * The particles a name may open with (`von der Leyen`, `de Gaulle`, `bin Salman`, `van Gogh`);
 * not the articles among the particles (`der`, `el`, `al`, `den`), which open common phrases
 * (`el Gobierno`, `der Ukraine`). Kept when the name after them is written after them at least
 * {@link PARTICLE_SHARE} of the times it occurs, and occurs {@link LEAD_MIN} times; a {@link WEAK}
 * one also needs the whole name written somewhere (`Charles de Gaulle`): `région de Koursk`.
 */
const LEADS = new Set(['von', 'van', 'de', 'du', 'da', 'di', 'dos', 'bin', 'ibn', 'ben']);
const PARTICLE_SHARE = 0.8;
const LEAD_MIN = 3;
// Past this many words a capitalised run is a title-case headline, not a name.
const MAX_WORDS = 5;
// A sentence whose words are mostly in capitals is a shouted headline: its capitals say nothing.
const CAPS_SHARE = 0.6;

const CAPITALISED = /^[\p{Lu}\p{Lt}]/u;
const LOWER = /^\p{Ll}/u;
// `al-Assad`, `el-Sissi`, `ben-Gourion`: a lower-case particle hyphened to a capitalised name.
const PARTICLE_PREFIX = /^(?:al|el|ben|bin|ibn)-[\p{Lu}]/u;
const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

// The tests above, answered from the first character where it is ASCII (most words).
function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 0x80 ? c >= 0x41 && c <= 0x5a : CAPITALISED.test(word);
}
function isLower(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 0x80 ? c >= 0x61 && c <= 0x7a : LOWER.test(word);
}
function isAllCaps(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return false;
  const c1 = word.charCodeAt(1);
  return c1 >= 0x61 && c1 <= 0x7a ? false : ALL_CAPS.test(word);
}
function hasParticlePrefix(word: string): boolean {
  const c = word.charCodeAt(0);
  return (c === 0x61 || c === 0x62 || c === 0x65 || c === 0x69) && PARTICLE_PREFIX.test(word);
}

// A word's shape: the tests above, and whether it is a particle, made once per written form.
const CAPITAL = 1; // capitalised, or a particle hyphened to a capitalised name
const LOWER_CASE = 2;
const ALL_CAPITALS = 4;
const PARTICLE = 8;

function shapeOf(word: string): number {
  return (
    (isCapitalised(word) || hasParticlePrefix(word) ? CAPITAL : 0) |
    (isLower(word) ? LOWER_CASE : 0) |
    (isAllCaps(word) ? ALL_CAPITALS : 0) |
    (PARTICLES.has(word) ? PARTICLE : 0)
  );
}

interface Entry {
  words: string[];
  count: number;
  lang: string;
  /** Opens a sentence or follows punctuation: its first word may be capitalised only for that. */
  initial: boolean;
}

/** What a {@link Names} has counted, as plain arrays: sent from a worker to be merged. */
export interface NamesState {
  entries: { key: string; words: string[]; count: number; lang: string; initial: boolean }[];
  lower: [string, number][];
  capitalMid: [string, number][];
  /** Capitalised words after a determiner, in languages that capitalise nouns (see `Names.noun`). */
  afterDeterminer?: [string, number][];
}

/** A name found, cleaned, before its particles are decided: the parts its weak particles split. */
interface Candidate {
  /** The first part, and each next part with the particle before it (the first's: its leading ones, or ''). */
  parts: { particle: string; words: string[] }[];
  count: number;
}

/**
 * Streaming collector of names. Feed each document's tokens to {@link Names.add}; {@link Names.top}
 * then decides, with the whole corpus seen, which capitals were common words: a stop word, a word
 * the corpus also writes in lower case at least as often as capitalised mid-sentence, or in a
 * language that capitalises nouns, a word the corpus writes after a determiner; and which
 * particles belong to the names they precede. Memory grows with the vocabulary and the names.
 */
export class Names {
  private readonly entries = new Map<string, Entry>();
  // Counts in boxes: one lookup a word, where a number would take a get and a set.
  private readonly lower = new Map<string, { n: number }>();
  private readonly capitalMid = new Map<string, { n: number }>();
  private readonly afterDeterminer = new Map<string, { n: number }>();

  /**
   * Adds one document's tokens; `lang` (ISO 639-3) chooses the stop words. The id is unused:
   * names are counted per occurrence; it keeps the signature of the other accumulators.
   */
  add(_docId: string, lang: string, input: readonly Token[] | FoldedTokens): void {
    const tokens = folded(input, lang);
    const { length, gaps } = tokens;
    const nouns = NOUN_CAPS.has(lang);
    let start = 0;
    for (let i = 1; i <= length; i++) {
      if (i === length || gaps[i] === SENTENCE) {
        this.sentence(lang, tokens, start, i, nouns);
        start = i;
      }
    }
  }

  private sentence(lang: string, tokens: FoldedTokens, from: number, to: number, nouns: boolean): void {
    const { kinds, gaps, starts, folds } = tokens;
    let words = 0;
    let caps = 0;
    for (let i = from; i < to; i++) {
      if (kinds[i] !== WORD) continue;
      const f = folds[i] as Folding;
      words++;
      if ((f.shape ??= shapeOf(f.form)) & ALL_CAPITALS) caps++;
    }
    if (words >= 3 && caps / words >= CAPS_SHARE) return;

    let run: string[] = [];
    // The word that opened the run: a name of one word is counted through it (see recordOne).
    let head: Folding | undefined;
    let pending: string[] = [];
    // Particles right before a run may open it (`von der Leyen`): kept or not by top().
    let lead: string[] = [];
    let initial = false;
    const flush = (): void => {
      if (run.length > 0) {
        if (run.length === 1 && head !== undefined) this.recordOne(head, run, lang, initial);
        else if (run.length <= MAX_WORDS) this.record(run, lang, initial);
        run = [];
      }
      if (pending.length > 0) pending = [];
    };
    for (let i = from; i < to; i++) {
      const f = folds[i] as Folding;
      const kind = kinds[i];
      const gap = gaps[i];
      if (kind !== WORD) {
        // `d’` may sit inside a name; any other elision, or a number, ends it.
        if (kind === ELISION && run.length > 0 && gap === SPACE && f.term === "d'") pending.push(f.form);
        else flush();
        if (lead.length > 0) lead = [];
        continue;
      }
      // The word after a sentence-opening `L’` got no capital from the sentence.
      const elided =
        i > from &&
        kinds[i - 1] === ELISION &&
        (starts[i - 1] as number) + (folds[i - 1] as Folding).form.length === starts[i];
      const opens = (i === from || gap === PUNCT) && !elided;
      const shape = f.shape as number;
      if (shape & CAPITAL) {
        if (!opens && !(shape & ALL_CAPITALS)) {
          this.bump('capitalMid', f);
          if (nouns && gap === SPACE && this.attributive(kinds[i - 1] as number, folds[i - 1] as Folding, lang))
            this.count(this.afterDeterminer, f.term);
        }
        if (run.length > 0 && gap === SPACE) {
          // `d’` glues to the word it elides into: `Côte d’Ivoire`.
          if (elided) run.push(...pending.slice(0, -1), `${pending[pending.length - 1] ?? ''}${f.form}`);
          else run.push(...pending, f.form);
          pending = [];
        } else {
          flush();
          if (lead.length > 0 && gap === SPACE) {
            run.push(...lead, f.form);
            head = undefined;
          } else {
            run.push(f.form);
            head = f;
          }
          initial = opens;
        }
        if (lead.length > 0) lead = [];
        continue;
      }
      if (shape & LOWER_CASE) this.bump('lower', f);
      if (run.length > 0 && gap === SPACE && shape & PARTICLE) pending.push(f.form);
      else {
        flush();
        if (shape & PARTICLE && (lead.length === 0 ? LEADS.has(f.form) : gap === SPACE)) lead.push(f.form);
        else if (lead.length > 0) lead = [];
      }
    }
    flush();
  }

  /**
   * Whether a token says that the capitalised word after it is a common noun: a determiner
   * (`der`, `im`), a number (`20 Prozent`, `zwei Wochen`), or an inflected adjective (`weitere
   * Informationen`, `erneuerbaren Energien`): a lower-case word, no function word, ending as
   * German adjectives do; not in `-te`, the ending of the past tense before a name (`sagte Merkel`).
   */
  private attributive(kind: number, f: Folding, lang: string): boolean {
    if (kind === NUMBER) return true;
    if (kind !== WORD) return false;
    const term = f.term;
    if (DETERMINERS.has(term)) return true;
    return (
      term.length >= 4 &&
      ADJECTIVE_ENDING.test(term) &&
      ((f.shape ??= shapeOf(f.form)) & LOWER_CASE) !== 0 &&
      !isFunctionWord(term, lang)
    );
  }

  /** Counts a word in `lower` or `capitalMid`, its count's box remembered in its folding. */
  private bump(which: 'lower' | 'capitalMid', f: Folding): void {
    if (f.namesOwner === this) {
      const box = f[which];
      if (box !== undefined) {
        box.n++;
        return;
      }
    } else this.own(f);
    const map = this[which];
    let box = map.get(f.term);
    if (box !== undefined) box.n++;
    else map.set(f.term, (box = { n: 1 }));
    f[which] = box;
  }

  private count(map: Map<string, { n: number }>, key: string): void {
    const box = map.get(key);
    if (box !== undefined) box.n++;
    else map.set(key, { n: 1 });
  }

  /** Clears what another collector remembered in a folding. */
  private own(f: Folding): void {
    f.namesOwner = this;
    f.lower = undefined;
    f.capitalMid = undefined;
    f.name = undefined;
    f.initialName = undefined;
  }

  private record(words: string[], lang: string, initial: boolean): Entry {
    const key = `${lang}\t${initial ? '^' : ''}${words.join(' ')}`;
    let e = this.entries.get(key);
    if (e !== undefined) e.count++;
    else this.entries.set(key, (e = { words, count: 1, lang, initial }));
    return e;
  }

  /**
   * {@link record} for a name of one word, `[head.form]`: most names are, and the entry kept in
   * the word's folding (of `lang`) needs no key built and looked up the next time.
   */
  private recordOne(head: Folding, words: string[], lang: string, initial: boolean): void {
    if (head.namesOwner !== this) this.own(head);
    const memo = (initial ? head.initialName : head.name) as Entry | undefined;
    if (memo !== undefined) {
      memo.count++;
      return;
    }
    const e = this.record(words, lang, initial);
    if (initial) head.initialName = e;
    else head.name = e;
  }

  /** The counts so far, to merge into another collector with {@link Names.merge}. */
  state(): NamesState {
    const pairs = (map: Map<string, { n: number }>): [string, number][] => [...map].map(([k, e]) => [k, e.n]);
    return {
      entries: [...this.entries].map(([key, e]) => ({
        key,
        words: e.words,
        count: e.count,
        lang: e.lang,
        initial: e.initial,
      })),
      lower: pairs(this.lower),
      capitalMid: pairs(this.capitalMid),
      afterDeterminer: pairs(this.afterDeterminer),
    };
  }

  /**
   * Adds the counts of another collector: every count is a sum, so merging the collectors of
   * any split of the documents gives what one collector over them all gives.
   */
  merge(state: NamesState): void {
    for (const { key, words, count, lang, initial } of state.entries) {
      const e = this.entries.get(key);
      if (e !== undefined) e.count += count;
      else this.entries.set(key, { words, count, lang, initial });
    }
    for (const [map, counts] of [
      [this.lower, state.lower],
      [this.capitalMid, state.capitalMid],
      // Absent from a partial summary written before it was counted.
      [this.afterDeterminer, state.afterDeterminer ?? []],
    ] as const) {
      for (const [k, n] of counts) {
        const e = map.get(k);
        if (e !== undefined) e.n += n;
        else map.set(k, { n });
      }
    }
  }

  /** Whether a capitalised word is a common word: written lower case at least as often as capitalised mid-sentence. */
  private common(word: string): boolean {
    const key = foldTerm(word);
    const lower = this.lower.get(key)?.n ?? 0;
    return lower > 0 && lower >= (this.capitalMid.get(key)?.n ?? 0);
  }

  /** Whether a capitalised word of a language that capitalises nouns is a common noun ({@link DETERMINER_SHARE}). */
  private noun(word: string): boolean {
    if (isAllCaps(word)) return false;
    const key = foldTerm(word);
    const after = this.afterDeterminer.get(key)?.n ?? 0;
    return after > 0 && after >= DETERMINER_SHARE * (this.capitalMid.get(key)?.n ?? 0);
  }

  /**
   * An entry as a name: its leading particles, then its words split where a weak particle sits
   * (`Russie` `de` `Vladimir Poutine`), each part less the common words at its edges
   * ({@link trim}); null when nothing is left.
   */
  private candidate(e: Entry): Candidate | null {
    const words = e.words.slice();
    const lead: string[] = [];
    while (words.length > 0 && PARTICLES.has(words[0] as string)) lead.push(words.shift() as string);
    const split: Candidate['parts'] = [{ particle: lead.join(' '), words: [] }];
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      const part = split[split.length - 1] as Candidate['parts'][number];
      if (WEAK.has(w) && part.words.length > 0 && i + 1 < words.length && CAPITALISED.test(words[i + 1] as string))
        split.push({ particle: w, words: [] });
      else part.words.push(w);
    }
    const parts: Candidate['parts'] = [];
    for (const [k, part] of split.entries()) {
      const initial = k === 0 && e.initial && lead.length === 0;
      const kept = this.trim(part.words, e.lang, initial);
      if (kept === null) continue;
      // A part whose first word was cut has lost the particle before it.
      const particle = kept.length === part.words.length || kept[0] === part.words[0] ? part.particle : '';
      // The particle stays between two parts kept, or opens the first part kept (`Puis de Gaulle`).
      parts.push({ particle: parts.length === k || parts.length === 0 ? particle : '', words: kept });
    }
    return parts.length === 0 ? null : { parts, count: e.count };
  }

  /**
   * A run of capitalised words (and the particles inside) less what is no name at its edges: at
   * the start, stop words, a sentence-initial common word, a month, weekday, zone or unit; at the
   * end, stop words and particles; at both ends, in a language that capitalises nouns, common
   * nouns ({@link noun}), unless every word is one (`Deutsche Bank`; but `Anspruch`, `Schutz der
   * Umwelt`, `Teil Ihres Lebens` are no names). Null when nothing is left, or only months and units.
   */
  private trim(run: readonly string[], lang: string, initial: boolean): string[] | null {
    const words = run.slice();
    const isParticle = (w: string | undefined): boolean => w !== undefined && PARTICLES.has(w);
    for (let opens = initial; ; opens = false) {
      const first = words[0];
      if (first === undefined) return null;
      if (
        !isFunctionWord(foldTerm(first), lang) &&
        !(opens && this.common(first)) &&
        (CAPITALISED.test(first) || PARTICLE_PREFIX.test(first)) &&
        !isDateOrUnit(first, lang)
      )
        break;
      words.shift();
      while (isParticle(words[0])) words.shift();
    }
    // A function word capitalised inside a run (German `Ihres`, `Sie`) is no part of a name either.
    const glue = (w: string): boolean => isParticle(w) || isFunctionWord(foldTerm(w), lang);
    if (NOUN_CAPS.has(lang)) {
      const weak = words.map((w) => glue(w) || this.noun(w));
      if (weak.every(Boolean)) {
        if (words.length < 2 || words.some(glue)) return null;
      } else {
        while (weak[0] === true) {
          words.shift();
          weak.shift();
        }
        while (weak[weak.length - 1] === true) {
          words.pop();
          weak.pop();
        }
      }
    }
    // The end: particles; in those languages function words too (the lists of others are long:
    // English `may`, `act` would cut `Theresa May`).
    const end = NOUN_CAPS.has(lang) ? glue : isParticle;
    while (words.length > 0 && end(words[words.length - 1] as string)) words.pop();
    if (words.length === 0 || words.every((w) => isDateOrUnit(w, lang))) return null;
    return words;
  }

  /**
   * The `n` most frequent names seen at least `minCount` times (default 2), most frequent first.
   * Common words are cut from every candidate's edges (see {@link candidate}): `Selon Vladimir
   * Poutine` counts for `Vladimir Poutine`. A particle stays with the name after it when that
   * name is written after it at least {@link PARTICLE_SHARE} of the times it occurs.
   */
  top(n: number, minCount = 2): NameCount[] {
    const candidates: Candidate[] = [];
    // Each name's occurrences, and those after a given particle (`de\tGaulle`).
    const occurs = new Map<string, number>();
    const after = new Map<string, number>();
    // Those inside a longer name (`Charles de Gaulle`): a weak particle opens a name only when
    // the corpus writes the whole name too, else `de Koursk` would be one.
    const inside = new Set<string>();
    const add = (map: Map<string, number>, key: string, count: number): void => {
      map.set(key, (map.get(key) ?? 0) + count);
    };
    for (const e of this.entries.values()) {
      const c = this.candidate(e);
      if (c === null) continue;
      candidates.push(c);
      for (const [k, { particle, words }] of c.parts.entries()) {
        const name = words.join(' ');
        add(occurs, name, c.count);
        if (particle !== '') add(after, `${particle}\t${name}`, c.count);
        if (k > 0 && particle !== '') inside.add(`${particle}\t${name}`);
      }
    }
    const share = (particle: string, name: string): number =>
      (after.get(`${particle}\t${name}`) ?? 0) / (occurs.get(name) ?? 1);
    const counts = new Map<string, number>();
    const emit = (name: string, count: number): void => add(counts, name, count);
    for (const { parts, count } of candidates) {
      const [first, ...next] = parts as [Candidate['parts'][number], ...Candidate['parts']];
      let name = first.words.join(' ');
      if (
        first.particle !== '' &&
        (occurs.get(name) ?? 0) >= LEAD_MIN &&
        share(first.particle, name) >= PARTICLE_SHARE &&
        (!WEAK.has(first.particle) || inside.has(`${first.particle}\t${name}`))
      )
        name = `${first.particle} ${name}`;
      for (const { particle, words } of next) {
        const part = words.join(' ');
        // `Charles de Gaulle`; not `Russie de Vladimir Poutine`: a name of two words after `de` is a name of its own.
        if (particle !== '' && words.length === 1 && share(particle, part) >= PARTICLE_SHARE)
          name = `${name} ${particle} ${part}`;
        else {
          emit(name, count);
          name = part;
        }
      }
      emit(name, count);
    }
    return [...counts]
      .filter(([, c]) => c >= minCount)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, n)
      .map(([name, count]) => ({ name, count }));
  }
}
