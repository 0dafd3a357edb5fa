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

/** The scratch folder in the system's temporary folder could not be made or written to. */
export class ScratchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScratchError';
  }
}

/** The reason of a failed file operation, as `no space left on device (ENOSPC)`. */
export function fsReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ? `${e.message.replace(/^[A-Z]+: /, '').replace(/,.*$/, '')} (${e.code})` : String(err);
}

/** A {@link ScratchError}, also as it comes from a worker thread (which keeps an error's name and message, not its class). */
export function isScratchError(err: unknown): err is Error {
  return err instanceof Error && err.name === 'ScratchError';
}
