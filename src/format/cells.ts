// How one value of a record is written in a text cell (table, TSV, CSV): arrays joined with
// commas, language shares as `lang:share`, objects as JSON, null as empty.

/** The text of a value in a cell. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        v !== null && typeof v === 'object' && 'lang' in v && 'share' in v
          ? `${String((v as { lang: unknown }).lang)}:${String((v as { share: unknown }).share)}`
          : cellText(v),
      )
      .join(',');
  }
  return JSON.stringify(value);
}

const LINE_BREAKING = /[\\\t\n\r\0]/;
const LINE_BREAKING_ALL = /[\\\t\n\r\0]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

/**
 * One field of a line-oriented output (a TSV cell, a `show --meta` value): backslash, tab,
 * newline, carriage return and NUL escaped as `\\`, `\t`, `\n`, `\r`, `\0`, so a row stays one
 * line whatever the data holds.
 */
export function tsvCell(text: string): string {
  return LINE_BREAKING.test(text) ? text.replace(LINE_BREAKING_ALL, (c) => ESCAPES[c] ?? c) : text;
}

/** Code units that could fill `width` columns: no more of a cell is ever measured or kept. */
export function unitsFor(width: number): number {
  // Few characters take no column (combining marks, joiners): 4 code units a column is ample.
  return Math.max(0, width) * 4 + 16;
}

/**
 * A cell cut, without measuring it, to what could fill `width` columns, a `…` marking the cut:
 * a 200,000-character title is not kept whole nor measured whole to show one line of it.
 */
export function cellHead(text: string, width: number): string {
  let most = unitsFor(width);
  if (text.length <= most) return text;
  const code = text.charCodeAt(most - 1);
  if (code >= 0xd800 && code <= 0xdbff) most--; // not half a surrogate pair
  return `${text.slice(0, most)}…`;
}

/** CSV cell, RFC 4180: quoted when it holds a comma, quote or line break. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
