// Where the node stands in a document: the matcher's matches in the body's paragraphs, turned
// into runs of the counted tokens they touch (docs/spec.md, collocates). One match is one
// occurrence of the node, whatever the number of tokens it covers (`New York` is one).

import { MatchTimeoutError, type Matcher } from '../search/index.js';

/**
 * The matches of `matcher` in the paragraphs, as [start, end) offsets into `paragraphs.join('\n')`,
 * in order: the text the tokens are read from. A match of no characters (`x*` between two
 * letters) covers no token, and is left out. A paragraph the pattern could not search in time
 * (catastrophic backtracking) is reported to `onTimeout` with its 1-based number and skipped,
 * as grep skips such a line.
 */
export function nodeMatches(
  matcher: Matcher,
  paragraphs: readonly string[],
  onTimeout: (paragraph: number, err: MatchTimeoutError) => void,
): number[] {
  const out: number[] = [];
  let base = 0;
  paragraphs.forEach((p, i) => {
    try {
      for (const m of matcher.findAll(p)) if (m.end > m.start) out.push(base + m.start, base + m.end);
    } catch (err) {
      if (!(err instanceof MatchTimeoutError)) throw err;
      onTimeout(i + 1, err);
    }
    base += p.length + 1;
  });
  return out;
}

/**
 * The node's occurrences as runs [first, last] of token positions (flat pairs): a match's run is
 * every token whose span [start, end) overlaps the match's. With `whole`, a match counts only
 * when it starts where its first token starts and ends where its last one ends (`Minsk` is no
 * node inside `Minskaya`, nor `北京` inside `北京市`): grep's -w would not do, as it finds no word
 * in Chinese or Thai, written without spaces. Matches that touch a common token (two in one
 * word, with `--partial`) make one run. `starts` and `ends` are the tokens' offsets, in order.
 */
export function nodeRuns(
  matches: readonly number[],
  starts: Int32Array,
  ends: Int32Array,
  tokens: number,
  whole: boolean,
): number[] {
  const runs: number[] = [];
  let j = 0;
  for (let k = 0; k + 1 < matches.length; k += 2) {
    const start = matches[k] as number;
    const end = matches[k + 1] as number;
    while (j < tokens && (ends[j] as number) <= start) j++;
    let last = j;
    while (last < tokens && (starts[last] as number) < end) last++;
    if (last === j) continue;
    if (whole && (starts[j] !== start || ends[last - 1] !== end)) continue;
    const n = runs.length;
    if (n > 0 && j <= (runs[n - 1] as number)) runs[n - 1] = Math.max(runs[n - 1] as number, last - 1);
    else runs.push(j, last - 1);
  }
  return runs;
}
