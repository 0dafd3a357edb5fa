// The output formats every command offers: kept apart from the writers so that declaring the
// options loads nothing heavy.

export const OUTPUT_FORMATS = ['table', 'tsv', 'csv', 'json', 'jsonl'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
