// The metadata a document carries in its own lines: headline, date, outlet, and which lines are
// not the article. Looks at the header (top 15 non-empty lines) and trailer (bottom 10) only,
// plus one cheap pass over the body for captions, interface strings and repeated headlines.

import type { BoilerplateKind } from '../../types.js';
import { isCaptionLine, isFeedCodeLine, isInterfaceLine, isTeaserLine } from './boilerplate.js';
import { CutLines } from './boilerplate-kinds.js';
import { readDateLine, readDatePrefix, type FoundDate } from './date.js';
import { openDate, settleDayOrder, type OpenDate } from './date-order.js';
import { isHeadlineShape, isProse, wordCount } from './line-shape.js';
import { outletByPosition, readSourceLine, readWireDateline, splitAtSourceLabels } from './source.js';
import { chooseTitle, isCopy, type HeadlineCandidate } from './title.js';

export { readDateLine, readDatePrefix, type FoundDate } from './date.js';
export { readSourceLine, readWireDateline, type SourceLine } from './source.js';

/** What `extractMetadata` finds. Line numbers are 1-based. */
export interface Metadata {
  title: string | null;
  titleLine: number | null;
  /** ISO 8601 with the precision found: `2023`, `2023-01`, `2023-01-31T18:14`, `…+01:00`. */
  date: string | null;
  /** The original words the date was read from. */
  dateText: string | null;
  dateLine: number | null;
  /** A numeric date the document leaves open (`05/04/2019`): the language decides (date-order.ts). */
  dateOrderOpen?: OpenDate;
  source: string | null;
  sourceLine: number | null;
  /**
   * Lines that are not the article, ascending: metadata lines (date, source, byline, feed
   * codes: `meta`), the headline, its kicker and every copy of it (`headline`), headlines of other
   * articles and pointers to them (`teaser`), captions and credits (`caption`), interface strings
   * and what widgets leave under the article (`interface`). A line that carries a `date …` prefix
   * glued to the first sentence is body, so it is not listed. Empty lines are never listed.
   */
  boilerplate: number[];
  /** The kind of each line of `boilerplate`, in the same order (see boilerplate-kinds.ts). */
  boilerplateKinds: BoilerplateKind[];
}

const HEAD_LINES = 15;
const TAIL_LINES = 10;
/** A trailing line longer than this, without sentence punctuation, is still kept as body. */
const TAIL_JUNK_WORDS = 8;
const COMPOSITE = /\s+[|·•–—]\s+|\s+-\s+/u;

/**
 * Extract the headline, date, outlet and boilerplate lines of one document.
 *
 * Pure and fast: a handful of regular expressions over the top and bottom lines, and a length
 * check on each body line.
 *
 * @param lines The document's lines, NFC-normalised, without line terminators.
 * @returns The metadata; fields the document does not state are `null`, never guessed.
 */
export function extractMetadata(lines: string[]): Metadata {
  const state = new State(lines);
  const nonEmpty: number[] = [];
  lines.forEach((line, index) => {
    if (line.trim() !== '') nonEmpty.push(index);
  });
  const bodyStart = readHeader(state, nonEmpty.slice(0, HEAD_LINES));
  const headEnd = bodyStart ?? nonEmpty[Math.min(HEAD_LINES, nonEmpty.length) - 1] ?? -1;
  const tailStart = readTrailer(state, nonEmpty, headEnd);
  readBody(state, nonEmpty, headEnd, tailStart);
  return state.result();
}

/** Accumulates findings; the first date and source found win. */
class State {
  private readonly cutLines = new CutLines();
  title: HeadlineCandidate | null = null;
  date: FoundDate | null = null;
  dateLine: number | null = null;
  source: string | null = null;
  sourceLine: number | null = null;

  constructor(readonly lines: string[]) {}

  text(index: number): string {
    return (this.lines[index] ?? '').trim();
  }

  /** Cuts the line at 0-based `index` from the body as `kind`. */
  cut(index: number, kind: BoilerplateKind): void {
    this.cutLines.claim(index + 1, kind);
  }

  isCut(index: number): boolean {
    return this.cutLines.has(index + 1);
  }

  setDate(found: FoundDate, index: number): void {
    if (this.date !== null) return;
    this.date = found;
    this.dateLine = index + 1;
  }

  setSource(source: string | null, index: number): void {
    if (this.source !== null || source === null) return;
    this.source = source;
    this.sourceLine = index + 1;
  }

  result(): Metadata {
    const date = this.date === null ? null : settleDayOrder(this.date, this.lines);
    const open = openDate(date);
    return {
      title: this.title?.text ?? null,
      titleLine: this.title === null ? null : this.title.index + 1,
      date: date?.iso ?? null,
      dateText: date?.text ?? null,
      dateLine: this.dateLine,
      ...(open === undefined ? {} : { dateOrderOpen: open }),
      source: this.source,
      sourceLine: this.sourceLine,
      ...this.cutLines.lists(),
    };
  }
}

/**
 * Classify the lines above the body. Returns the index of the first body line, or `null` when
 * the top lines hold no paragraph (then no headline is chosen: without a body under it, a short
 * line is as likely a list item as a headline).
 */
function readHeader(state: State, head: number[]): number | null {
  const candidates: HeadlineCandidate[] = [];
  let bodyStart: number | null = null;
  for (const index of head) {
    const text = state.text(index);
    if (readMetadataLine(state, text, index, true)) continue;
    const prefixed = readDatePrefix(text);
    if (prefixed !== null) state.setDate(prefixed, index);
    if (prefixed !== null || isProse(text)) {
      bodyStart = index;
      state.setSource(readWireDateline(text), index);
      break;
    }
    if (isHeadlineShape(text) && !continues(state, index)) {
      const source = readSourceLine(text);
      candidates.push({ index, text, outletLike: source?.kind === 'worded' });
    }
  }
  if (bodyStart === null) return null;
  const choice = chooseTitle(candidates);
  for (const outlet of choice.outlets) {
    state.setSource(readSourceLine(outlet.text)?.source ?? null, outlet.index);
    state.cut(outlet.index, 'meta');
  }
  // The outlet's name line beside the dateline or above the headline, in any script (source.ts).
  const dateIndex = state.dateLine !== null && state.dateLine - 1 < bodyStart ? state.dateLine - 1 : null;
  const placed = state.source === null ? outletByPosition(choice, dateIndex, state.lines) : null;
  if (placed !== null) {
    state.setSource(placed.source, placed.index);
    state.cut(placed.index, 'meta');
  }
  // A stray above the headline is its kicker ("Politique"), part of the headline; one below it
  // is another article's headline, a teaser.
  const titleIndex = choice.title?.index ?? Infinity;
  for (const stray of choice.strays) {
    if (stray.index !== placed?.index) state.cut(stray.index, stray.index < titleIndex ? 'headline' : 'teaser');
  }
  if (choice.title !== null) {
    state.title = choice.title;
    state.cut(choice.title.index, 'headline');
  }
  return bodyStart;
}

/**
 * Classify the lines below the last paragraph, walking up from the end: metadata lines, and
 * short fragments left by the page ("Selon les critères de", "Le projet de confiance").
 * Returns the index of the first trailer line (the end of the document when there is none).
 */
function readTrailer(state: State, nonEmpty: number[], headEnd: number): number {
  let start = state.lines.length;
  const stop = Math.max(0, nonEmpty.length - TAIL_LINES);
  for (let k = nonEmpty.length - 1; k >= stop; k -= 1) {
    const index = nonEmpty[k] ?? -1;
    if (index <= headEnd) break;
    const text = state.text(index);
    if (!readMetadataLine(state, text, index, false)) {
      if (isProse(text) || wordCount(text) > TAIL_JUNK_WORDS || /\p{L}[?!]$/u.test(text)) break;
      // What a widget left under the article ("Selon les critères de", "Le projet de confiance").
      state.cut(index, 'interface');
    }
    start = index;
  }
  return start;
}

/** One cheap pass over the body: captions, interface strings, teasers, headline copies. */
function readBody(state: State, nonEmpty: number[], headEnd: number, tailStart: number): void {
  const title = state.title?.text ?? null;
  for (const index of nonEmpty) {
    if (index >= tailStart) break;
    const text = state.text(index);
    // Captions, interface strings and headline copies never end a long line like a sentence.
    if (text.length > 200 || state.isCut(index) || (/[.;,]$/u.test(text) && wordCount(text) > 8)) continue;
    const kind = bodyLineKind(text, title);
    if (kind !== null) state.cut(index, kind);
    else if (index > headEnd && isCaptionLine(text)) state.cut(index, 'caption');
  }
}

/** The kind of a line among the paragraphs that is not the article's: null for one that is. */
function bodyLineKind(text: string, title: string | null): BoilerplateKind | null {
  if (title !== null && isCopy(text, title)) return 'headline';
  if (isInterfaceLine(text)) return 'interface';
  if (isTeaserLine(text)) return 'teaser';
  return isFeedCodeLine(text) ? 'meta' : null;
}

/**
 * Read a line that is metadata or page furniture, record what it says, and mark it. Headline
 * candidates and paragraphs are left to the caller.
 *
 * @param top Whether the line is above the body: there an unknown outlet-worded name needs a
 *   headline under it to count, so it is left to `chooseTitle`.
 */
function readMetadataLine(state: State, text: string, index: number, top: boolean): boolean {
  const kind = metadataLineKind(state, text, index, top);
  if (kind === null) return false;
  state.cut(index, kind);
  return true;
}

/** What {@link readMetadataLine} found the line to be, null for neither metadata nor furniture. */
function metadataLineKind(state: State, text: string, index: number, top: boolean): BoilerplateKind | null {
  const date = readDateLine(text, true);
  if (date !== null) {
    state.setDate(date, index);
    return 'meta';
  }
  // Furniture: nothing to record.
  if (isInterfaceLine(text)) return 'interface';
  if (isTeaserLine(text)) return 'teaser';
  if (isFeedCodeLine(text)) return 'meta';
  if (readSourceOrComposite(state, text, index, top)) return 'meta';
  return isCaptionLine(text) ? 'caption' : null;
}

function readSourceOrComposite(state: State, text: string, index: number, top: boolean): boolean {
  // "By Jane Doe, Reuters | March 3, 2021": a line of parts, each of them metadata.
  const parts = text.length > 160 ? [text] : splitAtSourceLabels(text.split(COMPOSITE));
  if (parts.length >= 2 && parts.length <= 4) {
    const dates = parts.map((part) => readDateLine(part, true));
    const sources = parts.map((part) => readSourceLine(part));
    // A name made of outlet words counts here when a date beside it frames the line.
    const dated = dates.some((date) => date !== null);
    const all = parts.every(
      (part, i) =>
        dates[i] !== null || (sources[i] != null && (dated || sources[i]?.kind !== 'worded')) || isInterfaceLine(part),
    );
    if (all) {
      parts.forEach((_, i) => {
        const date = dates[i];
        if (date) state.setDate(date, index);
        state.setSource(sources[i]?.source ?? null, index);
      });
      return true;
    }
  }
  const source = readSourceLine(text);
  if (source === null || (top && source.kind === 'worded')) return false;
  state.setSource(source.source, index);
  return true;
}

/** A hard-wrapped paragraph: the next line follows without a blank and opens in lower case. */
function continues(state: State, index: number): boolean {
  const next = state.lines[index + 1];
  return next !== undefined && /^\s*\p{Ll}/u.test(next);
}
