// The output formats every command offers: kept apart from the writers so that declaring the
// options loads nothing heavy.

export const OUTPUT_FORMATS = ['table', 'tsv', 'csv', 'json', 'jsonl'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * Formats of a file rather than of text (binary: never written to a terminal), and the commands
 * that write them: `--format` takes them on these commands only (docs/parquet.md).
 */
export const FILE_FORMATS = ['parquet'] as const;
export const FILE_FORMAT_COMMANDS = ['list'] as const;
