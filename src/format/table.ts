// Draws rows as an aligned table for a terminal: cli-table3 without borders, as gh prints
// lists, with the one growing column cut to the terminal's width.

import Table from 'cli-table3';
import stringWidth from 'string-width';
import type { ChalkInstance } from 'chalk';
import type { Column } from './column.js';

const GAP = 2;
const MIN_GROW = 12;

/** Cuts text to a display width, ending in `…` when cut. */
export function truncateToWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = stringWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** The table of the rows, whose cell texts are already made visible. */
export function renderTable<T>(
  columns: Column<T>[],
  rows: T[],
  texts: string[][],
  chalk: ChalkInstance,
  width: number,
): string {
  const widths = columns.map((c, i) => Math.max(stringWidth(c.header), ...texts.map((t) => stringWidth(t[i] ?? ''))));
  const growAt = columns.findIndex((c) => c.grow);
  if (growAt >= 0) {
    const others = widths.reduce((sum, w, i) => (i === growAt ? sum : sum + w + GAP), 0);
    widths[growAt] = Math.max(MIN_GROW, Math.min(widths[growAt] ?? 0, width - others));
  }
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
