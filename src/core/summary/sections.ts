// Small accumulators of the summary: timeline, lengths histogram, sources, languages, shared
// and boilerplate lines, quality flags. Each keeps counts only, never text of the body.

import type { DocumentRecord } from '../types.js';

/** Documents per period; gaps are listed with zero. */
export interface Timeline {
  unit: 'month' | 'year';
  periods: { period: string; documents: number }[];
  /** Documents whose date is a year alone, in a month timeline. */
  yearOnly: number;
  undated: number;
}

/** Counts documents per month of their date. */
export class TimelineAccumulator {
  private readonly months = new Map<string, number>();
  private readonly years = new Map<string, number>();
  private undated = 0;

  add(record: DocumentRecord): void {
    if (record.date === null) {
      this.undated++;
      return;
    }
    const year = record.date.slice(0, 4);
    this.years.set(year, (this.years.get(year) ?? 0) + 1);
    if (/^\d{4}-\d{2}/.test(record.date)) {
      const month = record.date.slice(0, 7);
      this.months.set(month, (this.months.get(month) ?? 0) + 1);
    }
  }

  /** Per month over the range, or per year when the range spans more than five years. */
  result(): Timeline {
    const years = [...this.years.keys()].sort();
    const first = Number(years[0]);
    const last = Number(years[years.length - 1]);
    if (years.length === 0) return { unit: 'month', periods: [], yearOnly: 0, undated: this.undated };
    if (last - first + 1 > 5) {
      const periods = [];
      for (let y = first; y <= last; y++)
        periods.push({ period: String(y), documents: this.years.get(String(y)) ?? 0 });
      return { unit: 'year', periods, yearOnly: 0, undated: this.undated };
    }
    const months = [...this.months.keys()].sort();
    const periods = [];
    if (months.length > 0) {
      let [y, m] = (months[0] as string).split('-').map(Number) as [number, number];
      const end = months[months.length - 1] as string;
      for (;;) {
        const key = `${y}-${String(m).padStart(2, '0')}`;
        periods.push({ period: key, documents: this.months.get(key) ?? 0 });
        if (key >= end) break;
        m++;
        if (m > 12) {
          m = 1;
          y++;
        }
      }
    }
    const inMonths = [...this.months.values()].reduce((a, b) => a + b, 0);
    const dated = [...this.years.values()].reduce((a, b) => a + b, 0);
    return { unit: 'month', periods, yearOnly: dated - inMonths, undated: this.undated };
  }
}

/** Lower bounds of the length bins, in words: roughly logarithmic, as news lengths spread. */
export const LENGTH_BINS = [0, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** A bin of the lengths histogram; `to` is exclusive, null for the last bin. */
export interface LengthBin {
  from: number;
  to: number | null;
  documents: number;
}

/** Counts documents per length bin. */
export class LengthsAccumulator {
  private readonly counts = new Array<number>(LENGTH_BINS.length).fill(0);

  add(record: DocumentRecord): void {
    let bin = LENGTH_BINS.length - 1;
    while (bin > 0 && record.words < (LENGTH_BINS[bin] as number)) bin--;
    this.counts[bin] = (this.counts[bin] ?? 0) + 1;
  }

  /** The bins from the first to the last one holding a document. */
  result(): LengthBin[] {
    const firstUsed = this.counts.findIndex((c) => c > 0);
    if (firstUsed < 0) return [];
    let lastUsed = this.counts.length - 1;
    while (this.counts[lastUsed] === 0) lastUsed--;
    const bins: LengthBin[] = [];
    for (let i = firstUsed; i <= lastUsed; i++) {
      bins.push({ from: LENGTH_BINS[i] as number, to: LENGTH_BINS[i + 1] ?? null, documents: this.counts[i] ?? 0 });
    }
    return bins;
  }
}

/** Counts by a key, largest first then by key. */
export class Tally {
  private readonly counts = new Map<string, number>();

  add(key: string, n = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  entries(): [string, number][] {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
}

/** A line and how many documents carry it. */
export interface LineCount {
  text: string;
  documents: number;
  occurrences: number;
}

/** Lines longer than this are body text, never counted as shared lines. */
const SHARED_LINE_MAX = 160;
/** Past this many distinct lines, lines seen in one document only are dropped (lossy counting). */
const SHARED_LINE_CAP = 200_000;

/**
 * Counts, per short line, the documents that carry it, and the boilerplate lines of each
 * document. Memory is bounded: past the cap, lines seen once are forgotten, so a line shared
 * by very few documents of a huge corpus may be missed, never a common one.
 */
export class LinesAccumulator {
  private readonly shared = new Map<string, { documents: number; occurrences: number }>();
  private readonly boiler = new Map<string, { documents: number; occurrences: number }>();
  private withBoilerplate = 0;
  private boilerplateLines = 0;

  add(record: DocumentRecord, lines: string[]): void {
    this.addPrepared(record, prepareLines(record, lines));
  }

  /** Adds a document's lines as {@link prepareLines} gives them (in a worker, say). */
  addPrepared(record: DocumentRecord, prepared: PreparedLines): void {
    const seen = new Set<string>();
    for (const line of prepared.short) {
      bump(this.shared, line, !seen.has(line));
      seen.add(line);
    }
    if (this.shared.size > SHARED_LINE_CAP) {
      for (const [k, v] of this.shared) if (v.documents < 2) this.shared.delete(k);
    }
    if (record.boilerplate.length > 0) this.withBoilerplate++;
    const seenBoiler = new Set<string>();
    for (const line of prepared.boiler) {
      this.boilerplateLines++;
      bump(this.boiler, line, !seenBoiler.has(line));
      seenBoiler.add(line);
    }
  }

  /** Lines in more than one document, and the most common boilerplate lines. */
  result(top: number): { documents: number; lines: number; shared: LineCount[]; top: LineCount[] } {
    const list = (m: Map<string, { documents: number; occurrences: number }>, min: number) =>
      [...m.entries()]
        .filter(([, v]) => v.documents >= min)
        .map(([text, v]) => ({ text, ...v }))
        .sort((a, b) => b.documents - a.documents || b.occurrences - a.occurrences || (a.text < b.text ? -1 : 1))
        .slice(0, top);
    return {
      documents: this.withBoilerplate,
      lines: this.boilerplateLines,
      shared: list(this.shared, 2),
      top: list(this.boiler, 1),
    };
  }
}

/** A document's lines as {@link LinesAccumulator} counts them: white space folded, in order. */
export interface PreparedLines {
  /** The non-empty lines of at most {@link SHARED_LINE_MAX} characters. */
  short: string[];
  /** The non-empty boilerplate lines. */
  boiler: string[];
}

// White space a line folds: at either end, in runs, or other than a plain space.
const UNFOLDED_SPACE = /^\s|\s$|\s\s|[^\S ]/;

/**
 * A line trimmed, its runs of white space made one space. Most lines have nothing to fold, and
 * are kept as they are: the replace would build a copy of each.
 */
export function foldSpaces(line: string): string {
  return UNFOLDED_SPACE.test(line) ? line.trim().replace(/\s+/g, ' ') : line;
}

/** The lines of a document that {@link LinesAccumulator.addPrepared} counts. */
export function prepareLines(record: Pick<DocumentRecord, 'boilerplate'>, lines: string[]): PreparedLines {
  const short: string[] = [];
  for (const raw of lines) {
    // A long line folds to a short one only through runs of white space: most are left unfolded.
    if (raw.length > SHARED_LINE_MAX) {
      const trimmed = raw.trim();
      if (trimmed.length > SHARED_LINE_MAX && !/\s\s/.test(trimmed)) continue;
    }
    const line = foldSpaces(raw);
    if (line === '' || line.length > SHARED_LINE_MAX) continue;
    short.push(line);
  }
  const boiler: string[] = [];
  for (const n of record.boilerplate) {
    const line = foldSpaces(lines[n - 1] ?? '');
    if (line !== '') boiler.push(line);
  }
  return { short, boiler };
}

function bump(map: Map<string, { documents: number; occurrences: number }>, key: string, newDocument: boolean): void {
  const entry = map.get(key);
  if (entry) {
    entry.occurrences++;
    if (newDocument) entry.documents++;
  } else map.set(key, { documents: 1, occurrences: 1 });
}
