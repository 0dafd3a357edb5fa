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

/** Builds a row from a line and one match in it. */
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
    left: leftContext(text.slice(0, start), width),
    match: text.slice(start, end),
    right: rightContext(text.slice(end), width),
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
