// How many patterns a glob's braces expand to, counted without expanding them: `{a,b}` written
// twenty times is a million patterns, which fast-glob would build (40 s and 1.17 GB) before
// matching any. A walk refuses a glob past the bound.

/** The most patterns a glob's braces may expand to. */
export const MAX_BRACE_EXPANSIONS = 10_000;

/**
 * The number of patterns the braces of `glob` expand to, as Bash and fast-glob expand them:
 * `{a,b}` is 2, `{1..10}` 10, `{a,{b,c}}` 3, and groups side by side multiply. A brace without
 * a comma or a range, or escaped with `\`, is no group. Counts past the bound are not exact, only
 * past it.
 */
export function braceExpansions(glob: string): number {
  return sequence(glob, { at: 0 }, false);
}

/** The count of a sequence of text and groups, up to the end, or to a `,` or `}` when `inGroup`. */
function sequence(glob: string, pos: { at: number }, inGroup: boolean): number {
  let count = 1;
  while (pos.at < glob.length) {
    const c = glob[pos.at];
    if (c === '\\') pos.at += 2;
    else if (inGroup && (c === ',' || c === '}')) return count;
    else if (c === '{') {
      const start = pos.at;
      const alternatives = group(glob, pos);
      if (alternatives === null) pos.at = start + 1;
      // Capped: a count past the bound only needs to stay past it.
      else count = Math.min(count * alternatives, Number.MAX_SAFE_INTEGER);
    } else pos.at++;
  }
  return count;
}

/** The count of the group opening at `pos.at`, with `pos.at` moved past it; null when it is none. */
function group(glob: string, pos: { at: number }): number | null {
  const range = /^\{(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.(-?\d+))?\}/.exec(glob.slice(pos.at, pos.at + 64));
  if (range) {
    pos.at += range[0].length;
    return rangeSize(range[1] as string, range[2] as string, range[3]);
  }
  const start = pos.at;
  pos.at++;
  let total = 0;
  let alternatives = 0;
  for (;;) {
    total += sequence(glob, pos, true);
    alternatives++;
    if (pos.at >= glob.length) {
      pos.at = start;
      return null;
    }
    if (glob[pos.at++] === '}') break;
  }
  return alternatives > 1 ? total : null;
}

/** The members of `{from..to..step}`, numbers or letters. */
function rangeSize(from: string, to: string, step: string | undefined): number {
  const number = /\d/.test(from);
  const a = number ? Number(from) : from.charCodeAt(0);
  const b = number ? Number(to) : to.charCodeAt(0);
  const by = Math.abs(Number(step ?? 1)) || 1;
  return Math.floor(Math.abs(b - a) / by) + 1;
}
