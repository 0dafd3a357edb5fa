// The boilerplate section of a summary: short lines shared by several documents, and the lines
// the analysis marked as boilerplate proper (page furniture, not the articles' own headlines and
// metadata lines: docs/spec.md §3 `boilerplateKinds`). It keeps counts only, never the body's text.

import type { DocumentRecord } from '../types.js';
import { prepareLines, type PreparedLines } from './prepare-lines.js';
import type { SummarySection } from './section.js';

/** A line and how many documents carry it. */
export interface LineCount {
  text: string;
  documents: number;
  occurrences: number;
}

/** Documents with boilerplate and their boilerplate lines; shared lines; the most common boilerplate. */
export interface BoilerplateSection {
  /** Documents with at least one line of boilerplate proper. */
  documents: number;
  /** Lines of boilerplate proper, in all documents. */
  lines: number;
  shared: LineCount[];
  top: LineCount[];
  /** How many lines `--top` left out of `shared` and of `top` (docs/spec.md §5, summarise). */
  more: { shared: number; top: number };
}

/** What {@link LinesAccumulator.state} gives: line, documents, occurrences. */
export interface LinesState {
  documents: number;
  lines: number;
  shared: [string, number, number][];
  boiler: [string, number, number][];
}

/** Past this many distinct lines, lines seen in one document only are dropped (lossy counting). */
const SHARED_LINE_CAP = 200_000;

/**
 * Counts, per short line, the documents that carry it, and the lines of boilerplate proper of
 * each document (a headline or a dateline is cut from the body, but is not boilerplate). Memory
 * is bounded: past the cap, lines seen once are forgotten, so a line shared by very few
 * documents of a huge corpus may be missed, never a common one.
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
    if (prepared.boiler.length > 0) this.withBoilerplate++;
    const seenBoiler = new Set<string>();
    for (const line of prepared.boiler) {
      this.boilerplateLines++;
      bump(this.boiler, line, !seenBoiler.has(line));
      seenBoiler.add(line);
    }
  }

  /** The counts as plain arrays, for a partial summary (`summarise --partial`). */
  state(): LinesState {
    const entries = (m: Map<string, { documents: number; occurrences: number }>) =>
      [...m].map(([text, v]): [string, number, number] => [text, v.documents, v.occurrences]);
    return {
      documents: this.withBoilerplate,
      lines: this.boilerplateLines,
      shared: entries(this.shared),
      boiler: entries(this.boiler),
    };
  }

  /**
   * Adds another accumulator's counts (sums: any order). Exact while each shard held fewer
   * than {@link SHARED_LINE_CAP} distinct lines; past it, a shard forgot its lines seen once.
   */
  addState(state: LinesState): void {
    this.withBoilerplate += state.documents;
    this.boilerplateLines += state.lines;
    const add = (m: Map<string, { documents: number; occurrences: number }>, entries: LinesState['shared']) => {
      for (const [text, documents, occurrences] of entries) {
        const e = m.get(text);
        if (e) {
          e.documents += documents;
          e.occurrences += occurrences;
        } else m.set(text, { documents, occurrences });
      }
    };
    add(this.shared, state.shared);
    add(this.boiler, state.boiler);
  }

  /** Lines in more than one document, and the most common boilerplate lines. */
  result(top: number): BoilerplateSection {
    const list = (m: Map<string, { documents: number; occurrences: number }>, min: number) =>
      [...m.entries()]
        .filter(([, v]) => v.documents >= min)
        .map(([text, v]) => ({ text, ...v }))
        .sort((a, b) => b.documents - a.documents || b.occurrences - a.occurrences || (a.text < b.text ? -1 : 1));
    const shared = list(this.shared, 2);
    const boiler = list(this.boiler, 1);
    return {
      documents: this.withBoilerplate,
      lines: this.boilerplateLines,
      shared: shared.slice(0, top),
      top: boiler.slice(0, top),
      more: { shared: Math.max(0, shared.length - top), top: Math.max(0, boiler.length - top) },
    };
  }
}

function bump(map: Map<string, { documents: number; occurrences: number }>, key: string, newDocument: boolean): void {
  const entry = map.get(key);
  if (entry) {
    entry.occurrences++;
    if (newDocument) entry.documents++;
  } else map.set(key, { documents: 1, occurrences: 1 });
}

/** Counts the lines each document's shard prepared. */
export const boilerplateSection: SummarySection<BoilerplateSection> = ({ top }) => {
  const lines = new LinesAccumulator();
  return {
    addResult: (record, result) => lines.addPrepared(record, result.lines),
    result: () => lines.result(top),
  };
};
