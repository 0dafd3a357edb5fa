// An invalid pattern, as grep reports it: the error, and the compile that turns V8's rejection of
// a regex into one.

/** An invalid pattern; the message is one line, fit to print after `corpus: `. */
export class PatternError extends Error {
  override readonly name = 'PatternError';
  constructor(
    message: string,
    readonly pattern: string,
  ) {
    super(message);
  }
}

/** Compiles a regex; V8's rejection of it becomes a {@link PatternError} naming `pattern`. */
export function compile(source: string, flags: string, pattern: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    throw new PatternError(
      `invalid regular expression ${JSON.stringify(pattern)}: ${reason.toLowerCase()} (use -F to search for it literally)`,
      pattern,
    );
  }
}
