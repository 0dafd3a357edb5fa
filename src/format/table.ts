// Draws rows as an aligned table for a terminal, borderless, as gh prints lists, fitted to the terminal's width (docs/spec.md §4, table): the growing column is cut
// first, then the widest of the others, then the least important columns are dropped.

import stringWidth from 'string-width';
import type { ChalkInstance } from 'chalk';
import { cellHead, unitsFor } from './cells.js';
import type { Column } from './column.js';

const GAP = 2;
const MIN_GROW = 12;
// Ids (20 characters) and dates (up to 22) are never cut to make room for others.
const MIN_CUT = 24;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * What only string-width measures right, a grapheme at a time: combining and enclosing marks,
 * joiners, variation selectors and other invisible characters, emoji and their skin tones,
 * flags, controls, Hangul jamo (conjoined into one syllable). Text without any of them is as
 * wide as the sum of its characters.
 */
const NEEDS_GRAPHEMES =
  /[\p{M}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;
/** The width of each character met, as string-width gives it: Latin, Cyrillic, CJK… are few. */
const charWidths = new Map<number, number>();
const MOST_KEPT = 1 << 16;

function charWidth(code: number): number {
  let w = charWidths.get(code);
  if (w === undefined) {
    w = stringWidth(String.fromCodePoint(code));
    if (charWidths.size < MOST_KEPT) charWidths.set(code, w);
  }
  return w;
}

/**
 * The columns text takes on a terminal (colour codes take none): CJK and emoji take two,
 * combining marks none, as string-width says. string-width splits every text into graphemes
 * (80 µs for a title of 70 characters, 8 s for a list of 100,000): printable ASCII, most cells,
 * is its length, and other text of one character a grapheme the sum of its characters' widths.
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (NEEDS_GRAPHEMES.test(text)) return stringWidth(text);
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      w++;
      continue;
    }
    const code = text.codePointAt(i) as number;
    if (code > 0xffff) i++;
    w += charWidth(code);
  }
  return w;
}

/**
 * Cuts text to a display width, `…` marking the cut: at its end, or at its start (`cut:
 * 'start'`, for text read towards its end, as a left context). Any length is cut fast:
 * string-width takes time quadratic in the length (35 s for 200,000 characters), so only the
 * part that could fill the width is ever measured; a text longer than that cannot fit anyway.
 */
export function truncateToWidth(text: string, width: number, cut: 'end' | 'start' = 'end'): string {
  if (cut === 'start') return truncateStart(text, width);
  const head = cellHead(text, width);
  if (head === text && displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  // The loop stops at the width; were the head all of zero width, its `…` would end it.
  for (const ch of head) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out.endsWith('…') && head !== text ? out : `${out}…`;
}

/** {@link truncateToWidth} from the start: the end of the text is kept. */
function truncateStart(text: string, width: number): string {
  let from = Math.max(0, text.length - unitsFor(width));
  const code = text.charCodeAt(from);
  if (from > 0 && code >= 0xdc00 && code <= 0xdfff) from++; // not half a surrogate pair
  const tail = text.slice(from);
  if (from === 0 && displayWidth(text) <= width) return text;
  const chars = [...tail];
  let start = chars.length;
  let used = 0;
  while (start > 0) {
    const w = displayWidth(chars[start - 1] as string);
    if (used + w > width - 1) break;
    used += w;
    start--;
  }
  return `…${chars.slice(start).join('')}`;
}

/** The columns a table shows, by index into its columns, and the width of each. */
export interface TableLayout {
  shown: number[];
  /** Width of each column, by the same index; those not shown are meaningless. */
  widths: number[];
}

/**
 * Fits columns of these widest cells (`natural`) into `width` terminal columns, in three steps,
 * each taken only while the row overflows: the growing column is cut to its narrowest (12),
 * then the widest of the others to theirs (see {@link Column.minWidth}); then the columns with
 * a `drop` rank go, lowest first (what they took is given back); then, when what is left cannot
 * fit at all, its widest columns are cut past their narrowest, so that no row wraps.
 */
export function tableLayout<T>(columns: Column<T>[], natural: number[], width: number): TableLayout {
  const floors = columns.map((c, i) => {
    const least = c.minWidth ?? (c.grow ? MIN_GROW : Math.max(displayWidth(c.header), MIN_CUT));
    return Math.min(natural[i] ?? 0, least);
  });
  const need = (shown: number[], widths: number[]): number =>
    shown.reduce((sum, i) => sum + (widths[i] ?? 0), 0) + GAP * Math.max(0, shown.length - 1);
  let shown = columns.map((_, i) => i);
  const droppable = shown
    .filter((i) => columns[i]?.drop !== undefined)
    .sort((a, b) => (columns[a]?.drop ?? 0) - (columns[b]?.drop ?? 0));
  for (const i of droppable) {
    if (need(shown, floors) <= width) break;
    shown = shown.filter((j) => j !== i);
  }
  const widths = [...natural];
  let excess = need(shown, widths) - width;
  const grow = shown.find((i) => columns[i]?.grow);
  if (excess > 0 && grow !== undefined) {
    const cut = Math.min(excess, (widths[grow] ?? 0) - (floors[grow] ?? 0));
    widths[grow] = (widths[grow] ?? 0) - cut;
    excess -= cut;
  }
  if (excess > 0)
    excess = shrinkWidest(
      widths,
      floors,
      excess,
      shown.filter((i) => i !== grow),
    );
  // Past every floor: a cut id is better than a row on three lines.
  if (excess > 0)
    shrinkWidest(
      widths,
      widths.map(() => 1),
      excess,
      shown,
    );
  return { shown, widths };
}

/**
 * The table of the rows, whose cell texts are already made visible and cut to what the width
 * could show, fitted to `width` (see {@link tableLayout}): cells padded to their column's width,
 * two spaces apart, as cli-table3 draws a borderless table, but in time linear in the rows
 * (cli-table3 takes 7 s for 10,000 rows, 28 s for 20,000).
 */
export function renderTable<T>(
  columns: Column<T>[],
  rows: T[],
  texts: string[][],
  chalk: ChalkInstance,
  width: number,
): string {
  // Each cell is measured once: string-width is the cost of a table of many rows.
  const n = columns.length;
  const cellWidths = new Uint32Array(texts.length * n);
  const natural = columns.map((c) => displayWidth(c.header));
  texts.forEach((row, r) => {
    for (let i = 0; i < n; i++) {
      const w = displayWidth(row[i] ?? '');
      cellWidths[r * n + i] = w;
      if (w > (natural[i] ?? 0)) natural[i] = w;
    }
  });
  const { shown, widths } = tableLayout(columns, natural, width);
  // The cells as shown, cut where they do not fit, and the width each column ends up taking.
  const heads = shown.map((i) => truncateToWidth((columns[i] as Column<T>).header, widths[i] ?? 0));
  const taken = heads.map(displayWidth);
  const cells: string[][] = texts.map((row, r) =>
    shown.map((i, k) => {
      const text = row[i] ?? '';
      let w = cellWidths[r * n + i] ?? 0;
      let cut = text;
      if (w > (widths[i] ?? 0)) {
        cut = truncateToWidth(text, widths[i] ?? 0, columns[i]?.cut);
        w = displayWidth(cut);
        cellWidths[r * n + i] = w;
      }
      if (w > (taken[k] ?? 0)) taken[k] = w;
      return cut;
    }),
  );
  const line = (texts: string[], widthOf: (k: number) => number, style: (text: string, k: number) => string): string =>
    shown
      .map((i, k) => {
        // Colour codes take no width: the padding is counted from the text, and put outside them.
        const space = ' '.repeat(Math.max(0, (taken[k] ?? 0) - widthOf(k)));
        const text = style(texts[k] ?? '', k);
        return columns[i]?.align === 'right' ? `${space}${text}` : `${text}${space}`;
      })
      .join(' '.repeat(GAP))
      .trimEnd();
  const out = [
    line(
      heads,
      (k) => displayWidth(heads[k] ?? ''),
      (text) => chalk.bold(text),
    ),
  ];
  rows.forEach((row, r) => {
    const style = (text: string, k: number): string => {
      const c = columns[shown[k] as number] as Column<T>;
      return c.style ? c.style(text, row, chalk) : text;
    };
    out.push(line(cells[r] as string[], (k) => cellWidths[r * n + (shown[k] as number)] ?? 0, style));
  });
  return `${out.join('\n')}\n`;
}

/**
 * Takes `excess` columns from the widest of the `candidates`, none below its floor, ties shared
 * out; returns what could not be taken.
 */
function shrinkWidest(widths: number[], floors: number[], excess: number, candidates: number[]): number {
  let left = excess;
  while (left > 0) {
    let widest = -1;
    for (const i of candidates) {
      if ((widths[i] ?? 0) <= (floors[i] ?? 0)) continue;
      if (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0)) widest = i;
    }
    if (widest < 0) return left;
    const w = widths[widest] ?? 0;
    // Down to the next widest (or the floor), so that ties are shared out.
    let next = floors[widest] ?? 0;
    for (const i of candidates) {
      const o = widths[i] ?? 0;
      if (i !== widest && o < w && o > next) next = o;
    }
    const cut = Math.min(left, w - next);
    widths[widest] = w - cut;
    left -= cut;
  }
  return 0;
}
