// One column of a row-shaped output, as the row writer and the table drawer both read it: its
// key and heading, its value, and how it is shown in a table.

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
}
