// The documents the report's table holds (docs/spec.md §5, report): a uniform sample of the
// corpus (a reservoir, seeded, so that the same corpus gives the same sample) and every document
// with a flag worth a look, up to a cap; each with the start of its text, its boilerplate lines
// marked, within a budget that keeps the file small whatever the size of the corpus.

import { documentViews } from '../analyse/body.js';
import type { AnalysedDocument } from '../analyse/analyse-document.js';
import type { FoundFile } from '../input/found-files.js';
import type { DocumentRecord, WarningHandler } from '../types.js';

/** Documents drawn at random for the table; a corpus of this many or fewer is in it whole. */
export const SAMPLE_SIZE = 2000;
/** The flagged documents the table holds beside the sample, the first in corpus order. */
export const FLAGGED_CAP = 4000;
/** Flags too common to list every document carrying them: metadata the documents lack. */
export const COMMON_FLAGS: ReadonlySet<string> = new Set(['no-date', 'no-title']);
/** UTF-8 bytes of text for the whole table, shared out among its documents. */
export const TEXT_BUDGET = 5_000_000;
/** The least and the most text a document of the table keeps, in UTF-8 bytes. */
export const TEXT_MIN = 500;
export const TEXT_MAX = 20_000;
/** Longer titles and sources are cut: a field of a record can be any length. */
const FIELD_MAX = 200;

/** A row of the table: the fields `list` shows, and where the document stands in the corpus. */
export interface DocumentRow {
  /** Position in the corpus (0-based). */
  seq: number;
  id: string;
  date: string | null;
  lang: string;
  source: string | null;
  title: string | null;
  words: number;
  flags: string[];
}

/** A document of the table with the start of its text. */
export interface SampledDocument extends DocumentRow {
  /** Its first lines, within the text cap; null when the text could not be read again. */
  lines: string[] | null;
  /** Whether lines were left out (or the last one cut) for the cap. */
  cut: boolean;
  /** Its boilerplate lines among `lines`: 1-based line number and kind (docs/spec.md §3). */
  boilerplate: [number, string][];
}

/** What the table holds and why: the page says it. */
export interface SampleRule {
  /** Documents in the corpus (after the filters). */
  documents: number;
  /** Documents drawn at random (all of them when the corpus has at most {@link SAMPLE_SIZE}). */
  sampled: number;
  /** Documents with a flag other than the {@link COMMON_FLAGS}. */
  flagged: number;
  /** Of these, those the table holds (at most {@link FLAGGED_CAP}). */
  flaggedKept: number;
  /** Documents in the table (the two sets together, each document once). */
  rows: number;
  /** UTF-8 bytes of text each document keeps at most. */
  textCap: number;
}

/** Where a document's text comes from once the pass is over. */
type TextSource = { file: FoundFile } | { lines: string[]; cut: boolean } | null;

interface Held {
  row: DocumentRow;
  source: TextSource;
  boilerplate: number[];
  kinds: string[];
}

/** A seeded generator (mulberry32): the same corpus gives the same sample. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts a string to `max` characters with an ellipsis. */
function field(value: string | null): string | null {
  return value !== null && value.length > FIELD_MAX ? `${value.slice(0, FIELD_MAX - 1)}…` : value;
}

/** The row of a record. */
export function documentRow(seq: number, record: DocumentRecord): DocumentRow {
  const { id, date, lang, source, title, words, flags } = record;
  return { seq, id, date, lang, source: field(source), title: field(title), words, flags: [...flags] };
}

/** The text cap for a table of `rows` documents. */
export function textCap(rows: number): number {
  return Math.max(TEXT_MIN, Math.min(TEXT_MAX, Math.floor(TEXT_BUDGET / Math.max(1, rows))));
}

/** The first lines of a text within `cap` UTF-8 bytes (the last line cut), and whether any was left out. */
export function capLines(lines: readonly string[], cap: number): { lines: string[]; cut: boolean } {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const bytes = Buffer.byteLength(line) + 1;
    if (used + bytes > cap) {
      // The rest of the room, in whole code points, less the line end and the ellipsis (3 bytes).
      let room = cap - used - 4;
      let end = 0;
      for (const ch of line) {
        const cp = ch.codePointAt(0) as number;
        room -= cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (room < 0) break;
        end += ch.length;
      }
      if (end > 0) kept.push(`${line.slice(0, end)}…`);
      return { lines: kept, cut: true };
    }
    kept.push(line);
    used += bytes;
  }
  return { lines: kept, cut: false };
}

/**
 * Collects the table's documents from the corpus in order: {@link add} each document as it
 * comes, then {@link finish}. Memory is bounded by the sample, the cap and the text budget.
 */
export class DocumentSample {
  private seen = 0;
  private flaggedSeen = 0;
  private readonly reservoir: Held[] = [];
  private readonly flagged: Held[] = [];
  private readonly random = seeded(0x5eed);

  /** A document of the corpus, in corpus order. */
  add(d: AnalysedDocument): void {
    const seq = this.seen++;
    const isFlagged = d.record.flags.some((f) => !COMMON_FLAGS.has(f));
    if (isFlagged) this.flaggedSeen++;
    const keepFlagged = isFlagged && this.flagged.length < FLAGGED_CAP;
    // Algorithm R: the n-th document replaces a random one of the sample with probability k/n.
    let slot = -1;
    if (this.reservoir.length < SAMPLE_SIZE) slot = this.reservoir.length;
    else {
      const j = Math.floor(this.random() * this.seen);
      if (j < SAMPLE_SIZE) slot = j;
    }
    if (slot < 0 && !keepFlagged) return;
    const held = this.hold(seq, d);
    if (slot >= 0) this.reservoir[slot] = held;
    if (keepFlagged) this.flagged.push(held);
  }

  private hold(seq: number, d: AnalysedDocument): Held {
    const { record } = d;
    let source: TextSource = null;
    if (d.lines.length > 0) source = { lines: d.lines, cut: false };
    else if (d.text !== '') source = { lines: documentViews(d.text, record).lines, cut: false };
    else if (d.file) source = { file: d.file };
    // Lines in hand are cut at once to the most the table could give them now: the cap only falls.
    if (source && 'lines' in source) source = capLines(source.lines, this.capNow());
    return { row: documentRow(seq, record), source, boilerplate: record.boilerplate, kinds: record.boilerplateKinds };
  }

  private capNow(): number {
    return textCap(Math.min(this.seen, SAMPLE_SIZE) + this.flagged.length + 1);
  }

  /**
   * The table's documents in corpus order, each with its text read again where it was not in
   * hand (a file of its own), and the rule that chose them.
   */
  async finish(
    read: (file: FoundFile, warn: WarningHandler) => string | null,
    warn: WarningHandler,
  ): Promise<{ documents: SampledDocument[]; rule: SampleRule }> {
    const bySeq = new Map<number, Held>();
    for (const h of [...this.reservoir, ...this.flagged]) bySeq.set(h.row.seq, h);
    const chosen = [...bySeq.values()].sort((a, b) => a.row.seq - b.row.seq);
    const cap = textCap(chosen.length);
    const documents: SampledDocument[] = [];
    for (const h of chosen) {
      let all: string[] | null = null;
      let cutBefore = false;
      if (h.source && 'lines' in h.source) ({ lines: all, cut: cutBefore } = h.source);
      else if (h.source) {
        const text = read(h.source.file, warn);
        all = text === null ? null : documentViews(text, { boilerplate: h.boilerplate }).lines;
      }
      const capped = all === null ? null : capLines(all, cap);
      const shown = capped?.lines.length ?? 0;
      const boilerplate: [number, string][] = [];
      h.boilerplate.forEach((n, i) => {
        if (n <= shown) boilerplate.push([n, h.kinds[i] ?? 'page']);
      });
      documents.push({ ...h.row, lines: capped?.lines ?? null, cut: cutBefore || (capped?.cut ?? false), boilerplate });
      // Reading a few thousand files: let the event loop breathe (progress, signals).
      if (documents.length % 256 === 0) await new Promise((r) => setImmediate(r));
    }
    const rule: SampleRule = {
      documents: this.seen,
      sampled: this.reservoir.length,
      flagged: this.flaggedSeen,
      flaggedKept: this.flagged.length,
      rows: documents.length,
      textCap: cap,
    };
    return { documents, rule };
  }
}
