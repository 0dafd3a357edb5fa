// Finds names: the most frequent capitalised word sequences (`Vladimir Poutine`, `Minsk`), less
// the common words that are capitalised only because they open a sentence (`Le`, `Selon`).

import { ELISION, folded, foldTerm, PUNCT, SENTENCE, SPACE, WORD, type FoldedTokens, type Folding } from './folded.js';
import { isStopword } from './stopwords.js';
import type { Token } from './tokenize.js';

/** A name and how often it occurs. */
export interface NameCount {
  name: string;
  count: number;
}

/**
 * Lower-case words allowed inside a name, between two capitalised words (`Ludwig van Beethoven`,
 * `Omar ibn Khattab`). French `de`/`du`/`des` are left out on purpose: they would glue `la Russie
 * de Vladimir Poutine` into one name, a worse error than cutting `Charles de Gaulle` in two. The
 * elided `d’` is allowed (`Côte d’Ivoire`).
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
]);
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
}

/**
 * Streaming collector of names. Feed each document's tokens to {@link Names.add}; {@link Names.top}
 * then decides, with the whole corpus seen, which sentence-initial capitals were common words: a
 * stop word, or a word the corpus also writes in lower case at least as often as capitalised
 * mid-sentence. Memory grows with the vocabulary and the number of distinct names.
 */
export class Names {
  private readonly entries = new Map<string, Entry>();
  // Counts in boxes: one lookup a word, where a number would take a get and a set.
  private readonly lower = new Map<string, { n: number }>();
  private readonly capitalMid = new Map<string, { n: number }>();

  /**
   * Adds one document's tokens; `lang` (ISO 639-3) chooses the stop words. The id is unused:
   * names are counted per occurrence; it keeps the signature of the other accumulators.
   */
  add(_docId: string, lang: string, input: readonly Token[] | FoldedTokens): void {
    const tokens = folded(input, lang);
    const { length, gaps } = tokens;
    let start = 0;
    for (let i = 1; i <= length; i++) {
      if (i === length || gaps[i] === SENTENCE) {
        this.sentence(lang, tokens, start, i);
        start = i;
      }
    }
  }

  private sentence(lang: string, tokens: FoldedTokens, from: number, to: number): void {
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
        if (!opens && !(shape & ALL_CAPITALS)) this.bump('capitalMid', f);
        if (run.length > 0 && gap === SPACE) {
          // `d’` glues to the word it elides into: `Côte d’Ivoire`.
          if (elided) run.push(...pending.slice(0, -1), `${pending[pending.length - 1] ?? ''}${f.form}`);
          else run.push(...pending, f.form);
          pending = [];
        } else {
          flush();
          run.push(f.form);
          head = f;
          initial = opens;
        }
        continue;
      }
      if (shape & LOWER_CASE) this.bump('lower', f);
      if (run.length > 0 && gap === SPACE && shape & PARTICLE) pending.push(f.form);
      else flush();
    }
    flush();
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
    return {
      entries: [...this.entries].map(([key, e]) => ({
        key,
        words: e.words,
        count: e.count,
        lang: e.lang,
        initial: e.initial,
      })),
      lower: [...this.lower].map(([k, e]) => [k, e.n]),
      capitalMid: [...this.capitalMid].map(([k, e]) => [k, e.n]),
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

  /**
   * The `n` most frequent names seen at least `minCount` times (default 2), most frequent first.
   * Leading stop words are cut from every candidate, and a sentence-initial common word from
   * the candidates that open a sentence: `Selon Vladimir Poutine` counts for `Vladimir Poutine`.
   */
  top(n: number, minCount = 2): NameCount[] {
    const counts = new Map<string, number>();
    for (const e of this.entries.values()) {
      const words = e.words.slice();
      let initial = e.initial;
      for (;;) {
        const first = words[0];
        if (first === undefined) break;
        if (
          isStopword(foldTerm(first), e.lang) ||
          (initial && this.common(first)) ||
          (!CAPITALISED.test(first) && !PARTICLE_PREFIX.test(first))
        ) {
          words.shift();
          initial = false;
          continue;
        }
        break;
      }
      if (words.length === 0) continue;
      const name = words.join(' ');
      counts.set(name, (counts.get(name) ?? 0) + e.count);
    }
    return [...counts]
      .filter(([, c]) => c >= minCount)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, n)
      .map(([name, count]) => ({ name, count }));
  }
}
