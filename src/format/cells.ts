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

/** TSV cell: tab, newline, carriage return and backslash escaped, so a row stays one line. */
export function tsvCell(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** CSV cell, RFC 4180: quoted when it holds a comma, quote or line break. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
