// Counts words, terms and bigrams per language in one streaming pass over documents: memory
// grows with the vocabulary (and the bigram vocabulary, which is pruned), never with the text.

import { folded, foldTerm, SPACE, WORD, type FoldedTokens, type Folding } from './folded.js';
import { isStopword } from './stopwords.js';
import type { Token } from './tokenize.js';

export { foldTerm };

/** A term (case-folded word) with its counts and the casing it is most often written in. */
export interface TermCount {
  /** Lower-case key, apostrophes made straight. */
  term: string;
  /** The most frequent casing (`Poutine`, `OTAN`, `guerre`). */
  form: string;
  count: number;
  /** Number of documents the term occurs in. */
  docs: number;
}

/** Size of a language's vocabulary. */
export interface VocabularyStats {
  lang: string;
  documents: number;
  /** Word tokens (numbers and elided clitics excluded). */
  tokens: number;
  /** Distinct words, case-folded. */
  types: number;
  /** types / tokens: falls as a corpus grows, so compare it only between samples of like size. */
  typeTokenRatio: number;
  /** Words seen exactly once. */
  hapaxes: number;
}

interface Entry {
  count: number;
  docs: number;
  lastDoc: number;
  form: string;
  formCount: number;
  // Only for the few words written in more than one casing (undefined, not absent: one shape).
  forms: Map<string, number> | undefined;
}

/** A bigram's entry: its most frequent casing kept as its two words, `form` unused. */
interface BigramEntry extends Entry {
  first: string;
  second: string;
}

interface LangState {
  documents: number;
  tokens: number;
  words: Map<string, Entry>;
  /** First term → second term → entry: no string is built per bigram occurrence. */
  bigrams: Map<string, Map<string, BigramEntry>>;
  bigramCount: number;
  // Bigrams seen at most this often were dropped when the map last overflowed.
  bigramFloor: number;
}

/** Options for {@link Vocabulary}. */
export interface VocabularyOptions {
  /**
   * Most distinct bigrams kept per language (default 500 000). Past it, the rarest are dropped,
   * so counts of rare bigrams become lower bounds while the frequent ones stay exact.
   */
  maxBigrams?: number;
}

function bump(map: Map<string, Entry>, key: string, form: string, doc: number): Entry {
  const e = map.get(key);
  if (e === undefined) {
    const created = { count: 1, docs: 1, lastDoc: doc, form, formCount: 1, forms: undefined };
    map.set(key, created);
    return created;
  }
  bumpEntry(e, form, doc);
  return e;
}

function bumpEntry(e: Entry, form: string, doc: number): void {
  e.count++;
  if (e.lastDoc !== doc) {
    e.docs++;
    e.lastDoc = doc;
  }
  if (form === e.form) {
    e.formCount++;
    return;
  }
  e.forms ??= new Map([[e.form, e.formCount]]);
  const n = (e.forms.get(form) ?? 0) + 1;
  e.forms.set(form, n);
  if (betterForm(n, form, e.formCount, e.form)) {
    // The winner's own occurrences were counted in formCount only: the map gets them back.
    e.forms.set(e.form, e.formCount);
    e.form = form;
    e.formCount = n;
  }
}

/**
 * Whether a casing seen `n` times beats the one kept, seen `kept` times: more often, or as often
 * and first in code-point order (`Poutine` before `poutine`). Not "seen first": the choice must
 * not hang on the order of the documents, so that shards merged give what one run gives
 * (`corpus merge`, docs/spec.md §5).
 */
function betterForm(n: number, form: string, kept: number, keptForm: string): boolean {
  return n > kept || (n === kept && form < keptForm);
}

/**
 * {@link bump} for the bigram `a b`: the same counts and casing, the casing compared word by
 * word (words hold no space, so that is comparing the joined forms). The first term's map of
 * second terms is remembered in its folding (maps emptied by {@link Vocabulary.prune} stay, so
 * the memo stays right).
 */
function bumpBigram(st: LangState, a: Folding, b: Folding, doc: number): void {
  let inner: Map<string, BigramEntry> | undefined;
  if (a.bigramsOwner === st) inner = a.bigrams as Map<string, BigramEntry>;
  else {
    inner = st.bigrams.get(a.term);
    if (inner === undefined) st.bigrams.set(a.term, (inner = new Map()));
    a.bigramsOwner = st;
    a.bigrams = inner;
  }
  const f1 = a.form;
  const f2 = b.form;
  const e = inner.get(b.term);
  if (e === undefined) {
    inner.set(b.term, {
      count: 1,
      docs: 1,
      lastDoc: doc,
      form: '',
      formCount: 1,
      forms: undefined,
      first: f1,
      second: f2,
    });
    st.bigramCount++;
    return;
  }
  e.count++;
  if (e.lastDoc !== doc) {
    e.docs++;
    e.lastDoc = doc;
  }
  if (f1 === e.first && f2 === e.second) {
    e.formCount++;
    return;
  }
  const form = `${f1} ${f2}`;
  const keptForm = `${e.first} ${e.second}`;
  e.forms ??= new Map([[keptForm, e.formCount]]);
  const n = (e.forms.get(form) ?? 0) + 1;
  e.forms.set(form, n);
  if (betterForm(n, form, e.formCount, keptForm)) {
    e.forms.set(keptForm, e.formCount);
    e.first = f1;
    e.second = f2;
    e.formCount = n;
  }
}

/** Term order of the lists: most frequent first, then in most documents, ties broken by term. */
function compareTerms(a: TermCount, b: TermCount): number {
  return b.count - a.count || b.docs - a.docs || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
}

/**
 * The first `n` terms of a list in {@link compareTerms} order, kept as they are offered: a
 * language has hundreds of thousands of terms and bigrams, and sorting them all, their strings
 * built, cost more than counting them. A candidate is built only if it may be kept.
 */
class TopTerms {
  readonly kept: TermCount[] = [];

  constructor(private readonly n: number) {}

  /** Whether counts like these may make the list: better than the last kept, or tied with it. */
  wants(count: number, docs: number): boolean {
    if (this.kept.length < this.n) return this.n > 0;
    const last = this.kept[this.kept.length - 1] as TermCount;
    return count > last.count || (count === last.count && docs >= last.docs);
  }

  offer(t: TermCount): void {
    const kept = this.kept;
    let i = kept.length;
    while (i > 0 && compareTerms(t, kept[i - 1] as TermCount) < 0) i--;
    if (i >= this.n) return;
    kept.splice(i, 0, t);
    if (kept.length > this.n) kept.pop();
  }
}

/**
 * Streaming word, term and bigram counts per language. Feed each document's tokens to
 * {@link Vocabulary.add}, then read {@link Vocabulary.top}, {@link Vocabulary.topBigrams} and
 * {@link Vocabulary.stats}. A bigram is two adjacent non-stop words separated only by spaces:
 * never across a sentence boundary, punctuation, a number, an elision or a stop word.
 */
export class Vocabulary {
  private readonly langs = new Map<string, LangState>();
  private readonly maxBigrams: number;
  private docSeq = 0;

  constructor(options: VocabularyOptions = {}) {
    this.maxBigrams = options.maxBigrams ?? 500_000;
  }

  /**
   * Adds one document's tokens under its language (ISO 639-3). Each call is one document for
   * document frequencies; the id is unused, kept for the signature of the other accumulators.
   */
  add(_docId: string, lang: string, input: readonly Token[] | FoldedTokens): void {
    const { length, kinds, gaps, folds } = folded(input, lang);
    const doc = ++this.docSeq;
    let st = this.langs.get(lang);
    if (st === undefined) {
      st = { documents: 0, tokens: 0, words: new Map(), bigrams: new Map(), bigramCount: 0, bigramFloor: 0 };
      this.langs.set(lang, st);
    }
    st.documents++;
    // The previous word (a non-stop word), or null after anything that breaks a bigram.
    let prev: Folding | null = null;
    for (let i = 0; i < length; i++) {
      if (kinds[i] !== WORD) {
        prev = null;
        continue;
      }
      const f = folds[i] as Folding;
      st.tokens++;
      // A word's entry is never dropped: remembered in its folding, it needs no lookup next time.
      if (f.vocabOwner === st) bumpEntry(f.vocab as Entry, f.form, doc);
      else {
        f.vocabOwner = st;
        f.vocab = bump(st.words, f.term, f.form, doc);
      }
      if (f.stop) {
        prev = null;
        continue;
      }
      if (prev !== null && gaps[i] === SPACE) bumpBigram(st, prev, f, doc);
      prev = f;
    }
    if (st.bigramCount > this.maxBigrams) this.prune(st);
  }

  /** Drops the rarest bigrams until the map is back under three quarters of its cap. */
  private prune(st: LangState): void {
    while (st.bigramCount > this.maxBigrams * 0.75) {
      st.bigramFloor++;
      for (const inner of st.bigrams.values()) {
        for (const [k2, e] of inner) {
          if (e.count <= st.bigramFloor) {
            inner.delete(k2);
            st.bigramCount--;
          }
        }
      }
    }
  }

  /** Languages seen, most documents first. */
  languages(): string[] {
    return [...this.langs].sort((a, b) => b[1].documents - a[1].documents || (a[0] < b[0] ? -1 : 1)).map(([l]) => l);
  }

  /** The `n` most frequent terms of a language: words that are not stop words, numbers or elisions. */
  top(lang: string, n: number): TermCount[] {
    const st = this.langs.get(lang);
    const best = new TopTerms(n);
    for (const [term, e] of st?.words ?? []) {
      if (best.wants(e.count, e.docs) && !isStopword(term, lang))
        best.offer({ term, form: e.form, count: e.count, docs: e.docs });
    }
    return best.kept;
  }

  /** The `n` most frequent bigrams of a language, as `term term` with their most frequent casing. */
  topBigrams(lang: string, n: number): TermCount[] {
    const st = this.langs.get(lang);
    const best = new TopTerms(n);
    for (const [k1, inner] of st?.bigrams ?? []) {
      for (const [k2, e] of inner) {
        if (best.wants(e.count, e.docs))
          best.offer({ term: `${k1} ${k2}`, form: `${e.first} ${e.second}`, count: e.count, docs: e.docs });
      }
    }
    return best.kept;
  }

  /** How many terms {@link Vocabulary.top} chooses from: the distinct words of a language that are not stop words. */
  termCount(lang: string): number {
    let n = 0;
    for (const term of this.langs.get(lang)?.words.keys() ?? []) if (!isStopword(term, lang)) n++;
    return n;
  }

  /**
   * How many bigrams {@link Vocabulary.topBigrams} chooses from: the distinct bigrams of a language
   * still counted (past `maxBigrams`, the rarest were forgotten, so this is then a lower bound).
   */
  bigramCount(lang: string): number {
    return this.langs.get(lang)?.bigramCount ?? 0;
  }

  /** Counts for one word (any casing), or undefined if it never occurred in that language. */
  get(lang: string, word: string): TermCount | undefined {
    const term = foldTerm(word);
    const e = this.langs.get(lang)?.words.get(term);
    return e === undefined ? undefined : { term, form: e.form, count: e.count, docs: e.docs };
  }

  /**
   * A language's counts as plain arrays, for a partial summary (`summarise --partial`): every
   * term and bigram with its count, documents and casings. {@link Vocabulary.merge} adds them to
   * another vocabulary.
   */
  exportLanguage(lang: string): VocabularyState {
    const parts = [...this.exportChunks(lang, Infinity)];
    const whole = parts[0] ?? { lang, documents: 0, tokens: 0, words: [], bigrams: [] };
    for (const part of parts.slice(1)) {
      whole.words.push(...part.words);
      whole.bigrams.push(...part.bigrams);
    }
    return whole;
  }

  /**
   * {@link Vocabulary.exportLanguage} in pieces of at most `size` terms or bigrams, each a state
   * that {@link Vocabulary.merge} adds (the documents and tokens in the first): a language of a
   * million bigrams is written without being held twice.
   */
  *exportChunks(lang: string, size: number): Generator<VocabularyState> {
    const st = this.langs.get(lang);
    let piece: VocabularyState = {
      lang,
      documents: st?.documents ?? 0,
      tokens: st?.tokens ?? 0,
      words: [],
      bigrams: [],
    };
    const full = () => piece.words.length + piece.bigrams.length >= size;
    const next = () => (piece = { lang, documents: 0, tokens: 0, words: [], bigrams: [] });
    for (const [term, e] of st?.words ?? []) {
      piece.words.push([term, e.count, e.docs, formsOf(e, e.form)]);
      if (full()) {
        yield piece;
        next();
      }
    }
    for (const [k1, inner] of st?.bigrams ?? [])
      for (const [k2, e] of inner) {
        piece.bigrams.push([k1, k2, e.count, e.docs, formsOf(e, `${e.first} ${e.second}`)]);
        if (full()) {
          yield piece;
          next();
        }
      }
    if (piece.words.length + piece.bigrams.length > 0 || piece.documents > 0) yield piece;
  }

  /**
   * Adds a language's counts from another vocabulary ({@link Vocabulary.exportLanguage}): sums,
   * so the order of merging does not matter. The cap on bigrams is not applied again (each
   * shard applied its own: docs/spec.md §5 says what `corpus merge` keeps exact).
   */
  merge(state: VocabularyState): void {
    let st = this.langs.get(state.lang);
    if (st === undefined) {
      st = { documents: 0, tokens: 0, words: new Map(), bigrams: new Map(), bigramCount: 0, bigramFloor: 0 };
      this.langs.set(state.lang, st);
    }
    st.documents += state.documents;
    st.tokens += state.tokens;
    for (const [term, count, docs, forms] of state.words) {
      const e = st.words.get(term);
      if (e === undefined) st.words.set(term, entryOf(count, docs, forms));
      else addEntry(e, count, docs, forms, e.form);
    }
    for (const [k1, k2, count, docs, forms] of state.bigrams) {
      let inner = st.bigrams.get(k1);
      if (inner === undefined) st.bigrams.set(k1, (inner = new Map()));
      const e = inner.get(k2);
      if (e === undefined) {
        const created = entryOf(count, docs, forms);
        const [first, second] = splitBigram(created.form);
        inner.set(k2, { ...created, first, second });
        st.bigramCount++;
      } else {
        addEntry(e, count, docs, forms, `${e.first} ${e.second}`);
        [e.first, e.second] = splitBigram(e.form);
      }
    }
  }

  /** Tokens, distinct words, type/token ratio and hapaxes of a language. */
  stats(lang: string): VocabularyStats {
    const st = this.langs.get(lang);
    if (st === undefined) return { lang, documents: 0, tokens: 0, types: 0, typeTokenRatio: 0, hapaxes: 0 };
    let hapaxes = 0;
    for (const e of st.words.values()) if (e.count === 1) hapaxes++;
    const types = st.words.size;
    return {
      lang,
      documents: st.documents,
      tokens: st.tokens,
      types,
      typeTokenRatio: st.tokens === 0 ? 0 : types / st.tokens,
      hapaxes,
    };
  }
}

/** A language's counts as {@link Vocabulary.exportLanguage} gives them. */
export interface VocabularyState {
  lang: string;
  documents: number;
  tokens: number;
  /** Term, count, documents, and each casing with its count. */
  words: [string, number, number, [string, number][]][];
  /** First term, second term, count, documents, and each casing (`Vladimir Poutine`) with its count. */
  bigrams: [string, string, number, number, [string, number][]][];
}

/** An entry's casings and their counts (the kept one's count is `formCount`: the map's may be old). */
function formsOf(e: Entry, kept: string): [string, number][] {
  if (e.forms === undefined) return [[kept, e.formCount]];
  return [...e.forms].map(([form, n]): [string, number] => [form, form === kept ? e.formCount : n]);
}

/** A new entry from merged counts, its casing the best of them. */
function entryOf(count: number, docs: number, forms: [string, number][]): Entry {
  const e: Entry = { count: 0, docs: 0, lastDoc: 0, form: '', formCount: 0, forms: undefined };
  addEntry(e, count, docs, forms, '');
  return e;
}

/**
 * Adds merged counts to an entry and keeps its best casing ({@link betterForm}); `kept` is its
 * casing now ('' for a new entry). A bigram's entry is left with its casing in `form` as well,
 * for the caller to split into its two words.
 */
function addEntry(e: Entry, count: number, docs: number, forms: [string, number][], kept: string): void {
  e.count += count;
  e.docs += docs;
  const all = new Map<string, number>(kept === '' ? [] : formsOf(e, kept));
  for (const [form, n] of forms) all.set(form, (all.get(form) ?? 0) + n);
  let best = '';
  let bestCount = 0;
  for (const [form, n] of all) if (best === '' || betterForm(n, form, bestCount, best)) [best, bestCount] = [form, n];
  e.form = best;
  e.formCount = bestCount;
  e.forms = all.size > 1 ? all : undefined;
}

/** A bigram's casing as its two words (words hold no space). */
function splitBigram(form: string): [string, string] {
  const at = form.indexOf(' ');
  return [form.slice(0, at), form.slice(at + 1)];
}
