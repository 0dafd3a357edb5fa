// Errors core raises for the caller to report: kept apart so reporting them loads nothing heavy.

/** A name that matches several documents. */
export class AmbiguousIdError extends Error {
  constructor(
    readonly query: string,
    readonly candidates: string[],
  ) {
    super(`'${query}' matches ${candidates.length} documents: ${candidates.join(', ')}`);
    this.name = 'AmbiguousIdError';
  }
}

/** A partial result (`corpus merge`, `--lines`) that cannot be used: the message names the file. */
export class PartialError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartialError';
  }
}
