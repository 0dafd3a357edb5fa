// Draws rows as an aligned table for a terminal: cli-table3 without borders, as gh prints
// lists, with the one growing column cut to the terminal's width, and the others cut when even
// they do not fit.

import Table from 'cli-table3';
import stringWidth from 'string-width';
import type { ChalkInstance } from 'chalk';
import { cellHead } from './cells.js';
import type { Column } from './column.js';

const GAP = 2;
const MIN_GROW = 12;
// Ids (20 characters) and dates (up to 22) are never cut to make room for others.
const MIN_CUT = 24;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The columns text takes on a terminal (colour codes take none). */
export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

/**
 * Cuts text to a display width, ending in `…` when cut. Any length is cut fast: string-width
 * takes time quadratic in the length (35 s for 200,000 characters), so only a head that could
 * fill the width is ever measured; a text longer than that head cannot fit anyway.
 */
export function truncateToWidth(text: string, width: number): string {
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

/** The table of the rows, whose cell texts are already made visible and cut to the width. */
export function renderTable<T>(
  columns: Column<T>[],
  rows: T[],
  texts: string[][],
  chalk: ChalkInstance,
  width: number,
): string {
  const widths = columnWidths(columns, texts, width);
  const table = new Table({
    head: columns.map((c) => chalk.bold(c.header)),
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: ' '.repeat(GAP),
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    colAligns: columns.map((c) => c.align ?? 'left'),
  });
  rows.forEach((row, r) => {
    table.push(
      columns.map((c, i) => {
        const text = truncateToWidth(texts[r]?.[i] ?? '', widths[i] ?? 0);
        return c.style ? c.style(text, row, chalk) : text;
      }),
    );
  });
  return `${table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')}\n`;
}

/**
 * Each column's width: its widest cell, then the growing column given what is left (at least
 * MIN_GROW), and when the others alone overflow the terminal, the widest of them cut first.
 */
function columnWidths<T>(columns: Column<T>[], texts: string[][], width: number): number[] {
  const widths = columns.map((c) => displayWidth(c.header));
  for (const row of texts) {
    for (let i = 0; i < widths.length; i++) {
      const w = displayWidth(row[i] ?? '');
      if (w > (widths[i] ?? 0)) widths[i] = w;
    }
  }
  const growAt = columns.findIndex((c) => c.grow);
  const others = widths.reduce((sum, w, i) => (i === growAt ? sum : sum + w + GAP), 0);
  const room = growAt >= 0 ? width - MIN_GROW : width + GAP;
  if (others > room) {
    // A column is not cut below its heading or MIN_CUT columns, whichever is wider: a narrow
    // terminal may still overflow, as before, but no id or date is cut to make room.
    const floors = columns.map((c, i) => Math.min(widths[i] ?? 0, Math.max(displayWidth(c.header), MIN_CUT)));
    shrinkWidest(widths, floors, others - room, growAt);
  }
  if (growAt >= 0) {
    const rest = widths.reduce((sum, w, i) => (i === growAt ? sum : sum + w + GAP), 0);
    widths[growAt] = Math.max(MIN_GROW, Math.min(widths[growAt] ?? 0, width - rest));
  }
  return widths;
}

/** Takes `excess` columns from the widest columns but `skip`, none below its floor. */
function shrinkWidest(widths: number[], floors: number[], excess: number, skip: number): void {
  let left = excess;
  while (left > 0) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (i === skip || (widths[i] ?? 0) <= (floors[i] ?? 0)) continue;
      if (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0)) widest = i;
    }
    if (widest < 0) return;
    const w = widths[widest] ?? 0;
    // Down to the next widest (or the floor), so that ties are shared out.
    let next = floors[widest] ?? 0;
    for (let i = 0; i < widths.length; i++) {
      const o = widths[i] ?? 0;
      if (i !== skip && i !== widest && o < w && o > next) next = o;
    }
    const cut = Math.min(left, w - next);
    widths[widest] = w - cut;
    left -= cut;
  }
}
