// One share of `corpus collocates`' pass over the corpus: each document's body tokenized as
// summarise tokenizes it, every token counted (for f(c) and N), and, in the documents where the
// node occurs, the tokens of its windows counted left and right of it. Shares are sums: they
// merge in any order, so a run's result is the same for any number of worker threads.

import { bodyParagraphs } from '../analyse/body-input.js';
import type { FoundFile } from '../input/found-files.js';
import type { Matcher, MatcherOptions } from '../search/index.js';
import type { StopwordSettings } from '../stats/stopwords.js';
import { scanTokens } from '../stats/tokenize.js';
import type { DocumentRecord } from '../types.js';
import { FormIds } from './form-ids.js';
import { nodeMatches, nodeRuns } from './node-runs.js';

/** What a pass counts, as the command line asks it. */
export interface CollocatesSpec {
  /** The node: grep's matcher options. */
  matcher: MatcherOptions;
  /** A match must cover whole tokens (see node-runs.ts); false: any token it touches. */
  wholeTokens: boolean;
  /** Tokens a window takes left and right of the node. */
  left: number;
  right: number;
  /** Count collocates case-folded (lower case, straight apostrophe) rather than as written. */
  fold: boolean;
  /** Keep stop words (of each document's language) as collocates. */
  stopwords: boolean;
  /** The run's stop words (`--stopwords`), for the worker threads to set (stats/stopwords.ts). */
  stopList?: StopwordSettings;
  /** Windows stop at a sentence boundary. */
  sentence: boolean;
}

/** One document for a share: its body as paragraphs, as text to split, or as the file to read. */
export interface CollocatesInput {
  record: Pick<DocumentRecord, 'path' | 'lang' | 'boilerplate'>;
  file?: FoundFile;
  text?: string;
  paragraphs?: string[];
}

/** The collocates a share saw (O11 > 0), with their counts left and right of the node. */
export interface ShareCandidates {
  keys: string[];
  left: Int32Array;
  right: Int32Array;
}

/** A share's totals. */
export interface ShareTotals {
  /** Tokens counted (words and numbers): N. */
  tokens: number;
  /** Occurrences of the node: f(n). */
  nodes: number;
  documents: number;
  /** Documents where the node occurs. */
  nodeDocuments: number;
}

/** One share's counts. */
export class CollocatesShard {
  private readonly forms: FormIds;
  /** Per term: its occurrences, and its occurrences left and right of the node. */
  private freq: Int32Array = new Int32Array(1 << 12);
  private left: Int32Array = new Int32Array(1 << 12);
  private right: Int32Array = new Int32Array(1 << 12);
  /** The counted tokens of the current document: term id, sentence, offsets, stop word. */
  private tokenIds = new Int32Array(1024);
  private sentences = new Int32Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private stops = new Uint8Array(1024);
  readonly totals: ShareTotals = { tokens: 0, nodes: 0, documents: 0, nodeDocuments: 0 };

  constructor(
    private readonly spec: CollocatesSpec,
    private readonly matcher: Matcher,
  ) {
    this.forms = new FormIds(spec.fold);
  }

  /** Counts one document; returns the problems met reading its file, as [path, message]. */
  add(input: CollocatesInput): [string, string][] {
    const warnings: [string, string][] = [];
    const paragraphs = bodyParagraphs(input, warnings);
    this.totals.documents++;
    const matches = nodeMatches(this.matcher, paragraphs, (n, err) =>
      warnings.push([`${input.record.path} (body paragraph ${n})`, err.message]),
    );
    const tokens = this.count(paragraphs.join('\n'), input.record.lang, matches.length > 0);
    if (matches.length > 0)
      this.windows(nodeRuns(matches, this.starts, this.ends, tokens, this.spec.wholeTokens), tokens);
    return warnings;
  }

  /**
   * Counts every word and number of the text (elided clitics, `l’`, `’s`, are not tokens here, as
   * in the records' word counts); with `keep`, notes each one's place for the windows.
   */
  private count(text: string, lang: string, keep: boolean): number {
    const { forms } = this;
    const stopwords = this.spec.stopwords;
    let m = 0;
    let sentence = 0;
    scanTokens(text, (start, end, kind, gap) => {
      if (gap === 'sentence') sentence++;
      if (kind === 'elision') return;
      const form = forms.formAt(text, start, end);
      const id = forms.termOf(form);
      if (id >= this.freq.length) this.growTerms(id);
      this.freq[id] = (this.freq[id] as number) + 1;
      if (keep) {
        if (m === this.tokenIds.length) this.growTokens(m * 2);
        this.tokenIds[m] = id;
        this.sentences[m] = sentence;
        this.starts[m] = start;
        this.ends[m] = end;
        this.stops[m] = !stopwords && forms.isStop(form, lang) ? 1 : 0;
      }
      m++;
    });
    this.totals.tokens += m;
    return m;
  }

  private growTerms(id: number): void {
    const size = Math.max(this.freq.length * 2, id + 1);
    for (const key of ['freq', 'left', 'right'] as const) {
      const out = new Int32Array(size);
      out.set(this[key]);
      this[key] = out;
    }
  }

  /** The token arrays, longer, with what they hold. */
  private growTokens(length: number): void {
    for (const key of ['tokenIds', 'sentences', 'starts', 'ends'] as const) {
      const out = new Int32Array(length);
      out.set(this[key]);
      this[key] = out;
    }
    const stops = new Uint8Array(length);
    stops.set(this.stops);
    this.stops = stops;
  }

  /** Counts the tokens of each run's windows, left and right. */
  private windows(runs: readonly number[], tokens: number): void {
    if (runs.length === 0) return;
    const { left, right, sentence, stopwords } = this.spec;
    const { tokenIds, sentences, stops, left: onLeft, right: onRight } = this;
    this.totals.nodes += runs.length / 2;
    this.totals.nodeDocuments++;
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const first = runs[r] as number;
      const last = runs[r + 1] as number;
      for (let p = first - 1; p >= 0 && p >= first - left; p--) {
        if (sentence && sentences[p] !== sentences[first]) break;
        const id = tokenIds[p] as number;
        if (stopwords || stops[p] === 0) onLeft[id] = (onLeft[id] as number) + 1;
      }
      for (let q = last + 1; q < tokens && q <= last + right; q++) {
        if (sentence && sentences[q] !== sentences[last]) break;
        const id = tokenIds[q] as number;
        if (stopwords || stops[q] === 0) onRight[id] = (onRight[id] as number) + 1;
      }
    }
  }

  /** The terms seen in a window, with their counts left and right. */
  candidates(): ShareCandidates {
    const keys: string[] = [];
    const lefts: number[] = [];
    const rights: number[] = [];
    const names = this.forms.names;
    for (let id = 0; id < names.length; id++) {
      const l = this.left[id] as number;
      const r = this.right[id] as number;
      if (l + r === 0) continue;
      keys.push(names[id] as string);
      lefts.push(l);
      rights.push(r);
    }
    return { keys, left: Int32Array.from(lefts), right: Int32Array.from(rights) };
  }

  /** The corpus frequency of each term in this share (0 for a term it never saw). */
  counts(keys: readonly string[]): Int32Array {
    const out = new Int32Array(keys.length);
    keys.forEach((key, i) => {
      const id = this.forms.idOf(key);
      if (id !== undefined) out[i] = this.freq[id] as number;
    });
    return out;
  }
}
