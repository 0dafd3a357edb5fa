// `-v`: a matcher whose matching lines are the lines the given one does not match, as ripgrep's
// --invert-match. Every shortcut that skips lines or files is off: a line that cannot hold a match
// of the pattern is exactly a line that matches here.

import type { Match, Matcher } from './matcher-types.js';

/**
 * What an inverted line holds in place of matches: one empty match at its start, so that the
 * searcher, which keeps lines with a match, keeps it. Printers told of `-v` show no match in it.
 */
const WHOLE_LINE: readonly Match[] = Object.freeze([Object.freeze({ start: 0, end: 0 })]);

/** The matcher of the lines `matcher` does not match (see docs/spec.md §5, `-v`). */
export function invertMatcher(matcher: Matcher): Matcher {
  return {
    requiredLiterals: null,
    lineLiterals: null,
    // A line that throws (a pattern given up on) is reported by the searcher and counts as not matching.
    findAll: (line) => (matcher.isMatch(line) ? [] : (WHOLE_LINE as Match[])),
    isMatch: (line) => !matcher.isMatch(line),
    // A file or record the pattern cannot match is all matching lines here: never skipped.
    mayMatchBytes: () => true,
    mayMatchJson: () => true,
    wholeText: () => null,
  };
}
