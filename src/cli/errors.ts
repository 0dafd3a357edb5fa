// The typed errors of the command line and the exit statuses they map to (docs/spec.md §4).

/** Exit statuses, as grep and ripgrep use them. */
export const EXIT = { results: 0, noResults: 1, error: 2 } as const;

/** The user asked for something that cannot be done as asked: a bad option or value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The corpus cannot be read at all: a named input does not exist, no readable document. */
export class CorpusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorpusError';
  }
}
