// Keyword-in-context concordance rows, as AntConc gives them: the words left of a match, the
// match, the words right of it, cut to a width, and sorted by the words next to the match.

/** One concordance row. */
export interface KwicRow {
  id: string;
  line: number;
  /** 1-based code-point column of the match. */
  column: number;
  left: string;
  match: string;
  right: string;
}

export type KwicSort = 'left' | 'right' | 'match' | 'id';

/** Takes at most `width` characters from the end of `text` (code points), at a word edge when it can. */
export function leftContext(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  const chars = [...flat];
  if (chars.length <= width) return flat;
  const cut = chars.slice(chars.length - width).join('');
  const space = cut.indexOf(' ');
  // Drop a partial first word, unless that would drop more than half the context.
  return space >= 0 && space <= width / 2 ? cut.slice(space + 1) : cut;
}

/** Takes at most `width` characters from the start of `text`, at a word edge when it can. */
export function rightContext(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  const chars = [...flat];
  if (chars.length <= width) return flat;
  const cut = chars.slice(0, width).join('');
  const space = cut.lastIndexOf(' ');
  return space >= width / 2 ? cut.slice(0, space) : cut;
}

/** True for the characters `\s` matches (what {@link leftContext} flattens to one space). */
function isSpace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}

/**
 * Where the part of `text` before `end` that {@link leftContext} can show begins: far enough back
 * to hold `width + 1` characters once spaces are flattened (or the start of the line). Only that
 * much is ever sliced, so a row costs its width, not the length of its line.
 */
function leftWindowStart(text: string, end: number, width: number): number {
  let i = end;
  let seen = 0;
  let space = false;
  while (i > 0 && seen <= width) {
    const c = text.charCodeAt(i - 1);
    if (isSpace(c)) {
      if (!space) seen++;
      space = true;
      i--;
      continue;
    }
    space = false;
    seen++;
    i -= c >= 0xdc00 && c <= 0xdfff && i >= 2 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800 ? 2 : 1;
  }
  return i;
}

/** {@link leftWindowStart} the other way: where the part after `start` that {@link rightContext} can show ends. */
function rightWindowEnd(text: string, start: number, width: number): number {
  let i = start;
  let seen = 0;
  let space = false;
  while (i < text.length && seen <= width) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (!space) seen++;
      space = true;
      i++;
      continue;
    }
    space = false;
    seen++;
    i += (c & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

/**
 * Builds a row from a line and one match in it. Only `width` characters a side are looked at,
 * so the rows of a line cost their widths whatever its length (a minified page of one line
 * holds thousands of matches).
 */
export function kwicRow(
  id: string,
  line: number,
  column: number,
  text: string,
  start: number,
  end: number,
  width: number,
): KwicRow {
  return {
    id,
    line,
    column,
    left: leftContext(text.slice(leftWindowStart(text, start, width), start), width),
    match: text.slice(start, end),
    right: rightContext(text.slice(end, rightWindowEnd(text, end, width)), width),
  };
}

const WORD = /[\p{L}\p{N}\p{M}’'-]+/gu;

function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLocaleLowerCase());
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareWords(a: string[], b: string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = collator.compare(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * Sorts rows in place: `left` by the first word left of the match, then the second…;
 * `right` by the words right of it; `match` by the match then the right words; `id` by
 * document and line. Ties keep corpus order.
 */
export function sortKwic(rows: KwicRow[], by: KwicSort): KwicRow[] {
  const keyed = rows.map((row, index) => {
    const key =
      by === 'left'
        ? words(row.left).reverse()
        : by === 'right'
          ? words(row.right)
          : by === 'match'
            ? [row.match.toLocaleLowerCase(), ...words(row.right)]
            : [];
    return { row, index, key };
  });
  keyed.sort((a, b) => {
    if (by === 'id') {
      const c =
        a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : a.row.line - b.row.line || a.row.column - b.row.column;
      return c || a.index - b.index;
    }
    return compareWords(a.key, b.key) || a.index - b.index;
  });
  keyed.forEach((k, i) => {
    rows[i] = k.row;
  });
  return rows;
}
