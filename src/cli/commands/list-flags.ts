// The flags of `list`, shared by its declaration (list.ts) and its run (list-run.ts): neither
// imports the other for them, and the declaration loads none of the run.

import type { CorpusFlags, FilterFlags, OutputFlags } from '../options.js';

/** The fields `--sort` takes. */
export const SORT_KEYS = ['id', 'date', 'lang', 'words', 'title'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The options of `list`, as commander parses them. */
export interface ListFlags extends CorpusFlags, OutputFlags, FilterFlags {
  sort?: SortKey;
  reverse?: boolean;
  fields?: string;
  paths?: boolean;
  /** -o, --output: the file to write, `-` for standard output. */
  output?: string;
  /** --with-text: `text` and `body` columns in a Parquet file. */
  withText?: boolean;
}
