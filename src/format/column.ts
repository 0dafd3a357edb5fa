// One column of a row-shaped output, as the row writer and the table drawer both read it: its
// key and heading, its value, and how it is shown in a table, down to how it gives way on a
// narrow terminal (docs/spec.md §4, table).

import type { ChalkInstance } from 'chalk';

/** One column of a row-shaped output. */
export interface Column<T> {
  /** Name in `--fields`, the CSV header and `--header` TSV. */
  key: string;
  /** Heading in the table. */
  header: string;
  /** The value written to TSV and CSV. */
  value(row: T): unknown;
  /** The text shown in the table, when it differs from the value's. */
  text?(row: T): string;
  /** Colours the (already truncated) table text. */
  style?(text: string, row: T, chalk: ChalkInstance): string;
  align?: 'left' | 'right';
  /** This column takes the width that is left and is cut to it (one per table). */
  grow?: boolean;
  /**
   * The narrowest the table cuts this column to before it drops columns; by default its heading
   * or 24 columns, whichever is wider (no id or date is cut), and 12 for the growing column.
   */
  minWidth?: number;
  /**
   * When the row cannot fit even with every column at its narrowest, the columns with a rank
   * are dropped, lowest first, until it does; a column without one is never dropped.
   */
  drop?: number;
  /** Which end a cut takes off: the end (the default), or the start (a left context keeps the words by the match). */
  cut?: 'end' | 'start';
}
