// `summarise --partial` and `corpus merge` (docs/partial-format.md): a shard's summary as the
// counts every section needs, and the partials of all shards merged into the summary one run
// over the whole corpus gives, byte for byte where the section is exact.
//
// A partial holds, per document in corpus order, what the sections take from its record (and
// its MinHash signature and distinctive-term candidates), so that merging replays the documents
// of all shards in corpus order through the very accumulators `summarise` uses; and, per shard,
// the counts that are sums (whole vocabularies, names, shared lines, distinctive-term totals).

import { encodeSignature, decodeSignature } from '../stats/body-signature.js';
import { DistinctiveTerms } from '../stats/distinctive.js';
import { Names } from '../stats/names.js';
import { MINHASH } from '../stats/near-duplicates.js';
import { Vocabulary, type VocabularyState } from '../stats/vocabulary.js';
import { useStopwords, type StopwordSettings } from '../stats/stopwords.js';
import type { NamesState } from '../stats/names.js';
import type { DistinctiveTotals } from '../stats/distinctive.js';
import { RunFlags, withRunFlag } from '../analyse/run-flags.js';
import type { CorpusDocument } from '../analyse/corpus-document.js';
import type { AnalysedDocument } from '../analyse/analyse-document.js';
import { LinesAccumulator, type LinesState } from '../summary/boilerplate.js';
import { corpusResults, SectionsInOrder } from '../summary/index.js';
import { detachedLines, shardInput } from '../summary/passes.js';
import { createSections, sectionResults, type Summary } from '../summary/sections.js';
import { SummaryShard, type GroupBy, type ShardFinal, type ShardLanguage } from '../summary/shard.js';
import type { DocumentRecord, WarningHandler } from '../types.js';
import { PartialError } from '../errors.js';
import { checkTogether, openPartial, type PartialHeader, type PartialLine, type PartialSink } from './partial-file.js';

/** The flags a run gives in corpus order: recomputed over the whole corpus when shards merge. */
const RUN_FLAGS = new Set(['duplicate', 'near-duplicate']);

/** A document as a partial holds it: what the sections read of its record, and of its text. */
interface DocLine {
  /**
   * Its place in the corpus: file in the walk, line in a file of records; for a piece of a
   * stream merged, the piece's place in front (pieces merged in steps: one place a step).
   */
  d: number[];
  id: string;
  lang: string;
  words: number;
  bytes: number;
  date: string | null;
  title: string | null;
  source: string | null;
  /** Its record's flags, without the run's (`duplicate`, `near-duplicate`). */
  flags: string[];
  hash: string;
  /** Body paragraphs (an empty body is no one's duplicate). */
  p: number;
  /** 1 when its body has a token (it then counts for the duplicates sections). */
  t: number;
  /** Its record's MinHash signature (base64), for the `near-duplicate` flag; null for none. */
  s: string | null;
  /** The summary's signature when it is not the record's (absent: the same). */
  m?: string | null;
  /** Words, and the distinctive-term candidates with their counts in the document. */
  kw: number;
  k: [string, number][];
}

/** How a partial summary is made. */
export interface PartialSummaryOptions {
  top: number;
  by?: GroupBy;
  /** The run's stop words (`--stopwords`), set in this thread for the count. */
  stopwords?: StopwordSettings;
  onWarning?: WarningHandler;
}

/**
 * Summarises the documents of a shard into a partial: its header (asked for once the corpus is
 * planned: at the first document, or at the end), a line per document in corpus order, then the
 * shard's counts and an end line. Resolves to the number of documents. The text pass runs in
 * this thread: a cluster's parallelism is its shards.
 */
export async function writeSummaryPartial(
  docs: AsyncIterable<CorpusDocument>,
  header: () => PartialHeader,
  sink: PartialSink,
  options: PartialSummaryOptions,
): Promise<number> {
  useStopwords(options.stopwords);
  const shard = new SummaryShard({ by: options.by, keepCandidates: false });
  const lines = new LinesAccumulator();
  const warn = options.onWarning ?? (() => {});
  let seq = 0;
  let started = false;
  for await (const d of docs) {
    if (!started) await sink.write(JSON.stringify(header()));
    started = true;
    const r = shard.add(shardInput(seq++, d));
    for (const [where, why] of r.warnings) warn(where, why);
    // Copied: a line kept as a slice of its document would keep the whole text (see passes.ts).
    lines.addPrepared(d.record, detachedLines(r.lines));
    const c = shard.lastCandidates();
    const { id, lang, words, bytes, date, title, source, flags, hash, paragraphs } = d.record;
    const signature = d.signature;
    const line: DocLine = {
      d: [d.order?.[0] ?? 0, d.order?.[1] ?? 0],
      id,
      lang,
      words,
      bytes,
      date,
      title,
      source,
      flags: flags.filter((f) => !RUN_FLAGS.has(f)),
      hash,
      p: paragraphs,
      t: r.hasTokens ? 1 : 0,
      s: signature ? encodeSignature(signature) : null,
      kw: c.words,
      k: c.terms.map((term, i): [string, number] => [term, c.counts[i] as number]),
    };
    if (!sameSignature(r.sig, signature)) line.m = r.sig ? encodeSignature(r.sig) : null;
    await sink.write(JSON.stringify(line));
  }
  if (!started) await sink.write(JSON.stringify(header()));
  const state = shard.exportState();
  for (const v of state.vocabulary) await sink.write(JSON.stringify({ vocabulary: v }));
  await sink.write(JSON.stringify({ names: state.names }));
  for (const t of state.distinctive) for (const line of totalsLines(t)) await sink.write(line);
  await sink.write(JSON.stringify({ groups: state.groups }));
  await sink.write(JSON.stringify({ lines: lines.state() }));
  await sink.write(JSON.stringify({ end: { documents: seq } }));
  return seq;
}

/** Terms or bigrams a line of a partial holds at most: a big language is written in pieces that add up. */
const CHUNK = 10_000;

/** A language's distinctive totals as lines of at most {@link CHUNK} terms (its words in the first). */
function totalsLines(t: DistinctiveTotals): string[] {
  const lines: string[] = [];
  for (let at = 0; at === 0 || at < t.terms.length; at += CHUNK)
    lines.push(
      JSON.stringify({
        distinctive: { lang: t.lang, words: at === 0 ? t.words : 0, terms: t.terms.slice(at, at + CHUNK) },
      }),
    );
  return lines;
}

function sameSignature(a: Uint32Array | null, b: Uint32Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What the shards' counts add up to. */
class MergedCounts {
  readonly vocabulary = new Vocabulary();
  readonly names = new Names();
  readonly distinctive = new DistinctiveTerms();
  readonly groups = new Map<string, { tokens: number; types: Set<string> }>();
  readonly lines = new LinesAccumulator();
  /** Which languages were seen, for the vocabulary's export. */
  readonly languages = new Set<string>();

  /** Adds one state line; false for a line that is no state (a document, the end). */
  add(value: Record<string, unknown>): boolean {
    if ('vocabulary' in value) {
      const v = value.vocabulary as VocabularyState;
      this.vocabulary.merge(v);
      this.languages.add(v.lang);
    } else if ('names' in value) this.names.merge(value.names as NamesState);
    else if ('distinctive' in value) {
      this.distinctive.addTotals(value.distinctive as DistinctiveTotals);
    } else if ('groups' in value) {
      for (const [key, tokens, types] of value.groups as [string, number, string[]][]) {
        let g = this.groups.get(key);
        if (!g) this.groups.set(key, (g = { tokens: 0, types: new Set() }));
        g.tokens += tokens;
        for (const t of types) g.types.add(t);
      }
    } else if ('lines' in value) this.lines.addState(value.lines as LinesState);
    else return false;
    return true;
  }

  /** The merged counts as state lines again, for a merged partial. */
  stateLines(): string[] {
    const out: string[] = [];
    for (const lang of [...this.languages].sort())
      for (const piece of this.vocabulary.exportChunks(lang, CHUNK)) out.push(JSON.stringify({ vocabulary: piece }));
    out.push(JSON.stringify({ names: this.names.state() }));
    for (const t of this.distinctive.exportTotals()) out.push(...totalsLines(t));
    out.push(
      JSON.stringify({
        groups: [...this.groups].map(([key, g]): [string, number, string[]] => [key, g.tokens, [...g.types]]),
      }),
    );
    out.push(JSON.stringify({ lines: this.lines.state() }));
    return out;
  }

  /** The one shard's result the merged counts make (see SummaryShard.finish). */
  final(top: number, candidates: DistinctiveTerms): ShardFinal {
    const v = this.vocabulary;
    const languages: ShardLanguage[] = v.languages().map((lang) => ({
      stats: v.stats(lang),
      terms: v.top(lang, top),
      bigrams: v.topBigrams(lang, top),
      termCount: v.termCount(lang),
      bigramCount: v.bigramCount(lang),
    }));
    return {
      languages,
      names: this.names.state(),
      distinctive: candidates.finaliseTo(top),
      groups: [...this.groups].map(([key, g]) => ({ key, types: [...g.types], tokens: g.tokens })),
    };
  }
}

/** Adds a line of counts; false for a line of no known kind, or of the wrong shape (a damaged file). */
function addCounts(counts: MergedCounts, value: Record<string, unknown>): boolean {
  try {
    return counts.add(value);
  } catch (err) {
    if (err instanceof TypeError) return false;
    throw err;
  }
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isText = (x: unknown): x is string => typeof x === 'string';
const orNull = (x: unknown, is: (x: unknown) => boolean) => x === null || is(x);
/** The bytes of a MinHash signature in base64 (128 values of 4 bytes). */
const SIGNATURE_BASE64 = Math.ceil((MINHASH.permutations * 4) / 3) * 4;

/** Whether a line is a document line as {@link writeSummaryPartial} writes them: a damaged file is said, not replayed. */
function isDocLine(v: Record<string, unknown>): v is Record<string, unknown> & DocLine {
  const sig = (x: unknown) => isText(x) && x.length === SIGNATURE_BASE64;
  return (
    Array.isArray(v.d) &&
    v.d.length >= 2 &&
    v.d.every(isNumber) &&
    isText(v.id) &&
    isText(v.lang) &&
    isText(v.hash) &&
    [v.words, v.bytes, v.p, v.t, v.kw].every(isNumber) &&
    [v.date, v.title, v.source].every((x) => orNull(x, isText)) &&
    Array.isArray(v.flags) &&
    v.flags.every(isText) &&
    orNull(v.s, sig) &&
    (v.m === undefined || orNull(v.m, sig)) &&
    Array.isArray(v.k) &&
    v.k.every((k) => Array.isArray(k) && isText(k[0]) && isNumber(k[1]))
  );
}

/** One partial's document lines, in its order, for the merge of all in corpus order. */
interface DocSource {
  file: string;
  iterator: AsyncGenerator<PartialLine>;
  head: DocLine | null;
  /** For a piece of a stream: its place among the files given. */
  piece: number | null;
}

/** Reads the partials' headers, checks they go together, and adds up their counts (first read). */
async function readCounts(files: readonly string[]) {
  const partials = [];
  for (const file of files) partials.push({ file, ...(await openPartial(file)) });
  const shards = checkTogether(partials);
  const counts = new MergedCounts();
  let documents = 0;
  for (const p of partials) {
    let docs = 0;
    for await (const { value, lineNo } of p.lines()) {
      if ('d' in value) docs++;
      else if ('end' in value) {
        const said = (value.end as { documents?: unknown }).documents;
        if (said !== docs)
          throw new PartialError(`${p.file}:${lineNo}: its end line says ${String(said)} documents, it holds ${docs}`);
      } else if (!addCounts(counts, value)) throw new PartialError(`${p.file}:${lineNo}: a damaged or unknown line`);
    }
    documents += docs;
  }
  const header = (partials[0] as (typeof partials)[number]).header;
  return { partials, shards, counts, documents, header };
}

/** Yields the documents of all partials in corpus order (second read). */
async function* inCorpusOrder(files: readonly string[]): AsyncGenerator<DocLine> {
  const sources: DocSource[] = [];
  const next = async (s: DocSource): Promise<void> => {
    const r = await s.iterator.next();
    const value = r.done ? null : r.value.value;
    if (value === null || !('d' in value)) {
      s.head = null;
      await s.iterator.return(undefined);
      return;
    }
    if (!isDocLine(value)) throw new PartialError(`${s.file}:${r.done ? '' : r.value.lineNo}: a damaged document line`);
    const line = value;
    // A piece's place goes in front of its own: a merged partial of pieces merges again in order.
    if (s.piece !== null) line.d = [s.piece, ...line.d];
    if (s.head && before(line.d, s.head.d))
      throw new PartialError(`${s.file}:${r.done ? '' : r.value.lineNo}: its documents are out of corpus order`);
    s.head = line;
  };
  for (const [piece, file] of files.entries()) {
    const opened = await openPartial(file);
    // Pieces of a stream are in the order given: each one's documents after the last one's.
    const s: DocSource = { file, iterator: opened.lines(), head: null, piece: opened.header.of === 0 ? piece : null };
    await next(s);
    if (s.head) sources.push(s);
  }
  // A heap of the sources by their next document's place: a merge of many shards stays cheap.
  const heap = sources;
  const less = (a: DocSource, b: DocSource) => before((a.head as DocLine).d, (b.head as DocLine).d);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l] as DocSource, heap[m] as DocSource)) m = l;
      if (r < heap.length && less(heap[r] as DocSource, heap[m] as DocSource)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as DocSource, heap[i] as DocSource];
      i = m;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  while (heap.length > 0) {
    const top = heap[0] as DocSource;
    yield top.head as DocLine;
    await next(top);
    if (top.head === null) {
      const last = heap.pop() as DocSource;
      if (heap.length > 0 && last !== top) heap[0] = last;
    }
    if (heap.length > 0) down(0);
  }
}

/** Whether a place in the corpus comes before another: compared number by number. */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return a.length < b.length;
}

/** The options a summary partial was made with (see the CLI's partialOptions). */
export interface PartialOptions {
  top: number;
  by?: GroupBy;
  stopwords?: StopwordSettings;
}

/**
 * Merges the partials of every shard of a run into its summary: what `summarise` over the whole
 * corpus gives. Every shard must be there.
 */
export async function mergeSummary(
  files: readonly string[],
  languageName?: (code: string) => string | null,
): Promise<{ summary: Summary; options: PartialOptions }> {
  const first = files[0];
  if (first !== undefined && (await openPartial(first)).header.kind !== 'summary')
    throw new PartialError(`${first}: counts of edge lines (--count-lines): merge them with -o, then give --lines`);
  const { shards, counts, header } = await readCounts(files);
  const missing = [];
  for (let s = 1; s <= header.of; s++) if (!shards.includes(s)) missing.push(s);
  if (missing.length > 0)
    throw new PartialError(
      `shard${missing.length > 1 ? 's' : ''} ${missing.map((s) => `${s}/${header.of}`).join(', ')} missing: a summary needs every shard's partial`,
    );
  const options = header.options as unknown as PartialOptions;
  const top = options.top;
  // The stop words the shards counted with decide the top terms, as in one run.
  useStopwords(options.stopwords);
  const sections = createSections({ top, by: options.by, languageName });
  // The shared lines were counted in the shards: their sum, not a replay.
  sections.boilerplate = { result: () => counts.lines.result(top) };
  const inOrder = new SectionsInOrder(sections, () => {});
  const runFlags = new RunFlags({ flag: true, known: null }, true);
  let seq = 0;
  for await (const line of inCorpusOrder(files)) {
    const signature = line.s === null ? null : decodeSignature(line.s);
    const flag = runFlags.flagOf({ id: line.id, paragraphs: line.p, hash: line.hash, signature: () => signature });
    const record = {
      id: line.id,
      lang: line.lang,
      words: line.words,
      bytes: line.bytes,
      date: line.date,
      title: line.title,
      source: line.source,
      flags: withRunFlag(line.flags, flag),
      hash: line.hash,
      paragraphs: line.p,
    } as unknown as DocumentRecord;
    const d = { record } as AnalysedDocument;
    const sig = line.m === undefined ? signature : line.m === null ? null : decodeSignature(line.m);
    inOrder.record(d);
    inOrder.result(d, { seq, hasTokens: line.t === 1, sig, lines: { short: [], boiler: [] }, warnings: [] });
    counts.distinctive.addCandidates(
      line.id,
      line.lang,
      line.kw,
      line.k.map((k) => k[0]),
      line.k.map((k) => k[1]),
      seq++,
    );
  }
  inOrder.end();
  const final = counts.final(top, counts.distinctive);
  return { summary: sectionResults(sections, corpusResults([final], inOrder)), options };
}

/** Merges partials into one partial of the shards they hold (a merge in steps: a tree of merges). */
export async function mergePartials(files: readonly string[], sink: PartialSink): Promise<number> {
  const first = files[0];
  if (first !== undefined && (await openPartial(first)).header.kind === 'lines') {
    const { mergeLinesPartials } = await import('./lines-partial.js');
    return mergeLinesPartials(files, sink);
  }
  const { shards, counts, header, documents } = await readCounts(files);
  await sink.write(JSON.stringify({ ...header, shards }));
  for await (const line of inCorpusOrder(files)) await sink.write(JSON.stringify(line));
  for (const line of counts.stateLines()) await sink.write(line);
  await sink.write(JSON.stringify({ end: { documents } }));
  return documents;
}
