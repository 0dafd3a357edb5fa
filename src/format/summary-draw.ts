// The drawing pieces of the summary's terminal view: bars and sparklines in Unicode block
// characters, borderless tables from cli-table3, and what every section's view is drawn with.

import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { cellHead, unitsFor } from './cells.js';
import { visibleCell } from './sanitize.js';
import { truncateToWidth } from './table.js';

const BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const SPARKS = '▁▂▃▄▅▆▇█';

/** A horizontal bar of `value / max` of `width` cells, in eighths. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (BLOCKS[eighths % 8] ?? '');
}

/** A sparkline: one block character a value, scaled to the largest; a zero is a dot, so gaps show. */
export function sparkline(values: number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) => (v === 0 || max === 0 ? '·' : (SPARKS[Math.min(7, Math.ceil((v / max) * 8) - 1)] as string)))
    .join('');
}

const PLAIN_TABLE = {
  chars: {
    top: '',
    'top-mid': '',
    'top-left': '',
    'top-right': '',
    bottom: '',
    'bottom-mid': '',
    'bottom-left': '',
    'bottom-right': '',
    left: '  ',
    'left-mid': '',
    mid: '',
    'mid-mid': '',
    right: '',
    'right-mid': '',
    middle: '  ',
  },
  style: { head: [] as string[], border: [] as string[], 'padding-left': 0, 'padding-right': 0 },
};

/** A number with thousands separators. */
export const num = (n: number): string => n.toLocaleString('en-US');

/** What a section's view is drawn with. */
export interface SummaryDraw {
  chalk: ChalkInstance;
  /** The terminal's width. */
  width: number;
  /** Rows per list. */
  top: number;
  /** The width of the bars. */
  barWidth: number;
  /** A section's title. */
  title(text: string): string;
  /** Text made visible and cut to a display width. */
  cut(text: string, width: number): string;
  /** A borderless table, indented by two spaces, with dimmed headings (none when `head` is empty). */
  table(head: string[], rows: (string | number)[][], aligns?: ('left' | 'right')[]): string;
  /**
   * The dim line under a cut list, `  and 43 more sources (a larger --top shows them)`: nothing is
   * left out in silence (docs/spec.md §5, summarise). No line when nothing was left out.
   */
  more(count: number, what: Countable, where: MoreWhere): string[];
}

/** A noun in the singular and the plural: `['source', 'sources']`. */
export type Countable = readonly [one: string, many: string];

/** Where the items left out are: in `--json` (the view cut the list), or past `--top` (the summary did). */
export type MoreWhere = 'json' | 'top';

const MORE_HINTS: Record<MoreWhere, string> = { json: '--json has all', top: 'a larger --top shows them' };

/**
 * `and 1 more source`, `and 1,024 more terms, 3 more bigrams`, with the hint in parentheses; the
 * lists that left nothing out are not named. Empty when none did.
 */
export function moreText(lists: readonly (readonly [count: number, what: Countable])[], where: MoreWhere): string {
  const parts = lists.filter(([n]) => n > 0).map(([n, [one, many]]) => `${num(n)} more ${n === 1 ? one : many}`);
  return parts.length === 0 ? '' : `and ${parts.join(', ')} (${MORE_HINTS[where]})`;
}

/** The drawing pieces for a terminal of `width` columns. */
export function summaryDraw(chalk: ChalkInstance, width: number, top: number): SummaryDraw {
  return {
    chalk,
    width,
    top,
    barWidth: Math.max(10, Math.min(40, width - 50)),
    title: (text) => chalk.bold.underline(text),
    cut: (text, w) => truncateToWidth(visibleCell(cellHead(text, w)), w),
    table: (head, rows, aligns) => plainTable(head, rows, chalk, width, aligns),
    more: (count, what, where) => (count > 0 ? [chalk.dim(`  ${moreText([[count, what]], where)}`)] : []),
  };
}

function plainTable(
  head: string[],
  rows: (string | number)[][],
  chalk: ChalkInstance,
  width: number,
  aligns?: ('left' | 'right')[],
): string {
  const t = new Table({
    ...PLAIN_TABLE,
    head: head.map((h) => chalk.dim(h)),
    colAligns: aligns ?? head.map(() => 'left'),
  });
  // Views cut what comes from data (`cut`); a cell longer than any terminal line is cut here too,
  // whatever it is, as cli-table3 would take minutes to measure it.
  const most = unitsFor(width);
  for (const r of rows)
    t.push(r.map((c) => (typeof c === 'number' ? String(c) : c.length > most ? truncateToWidth(c, width) : c)));
  return t
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}
