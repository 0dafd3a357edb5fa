// The bytes of a WARC record's header block (WARC 1.1 §4): where one starts (`WARC/1.` at the
// start of a line), where it ends (a blank line), and its named fields.

/** The header fields of a record, names lower-cased (WARC field names are case-insensitive). */
export type WarcHeaders = Map<string, string>;

/** A header block longer than this is not one (real ones are under 2 KiB). */
export const MAX_HEADER_BYTES = 64 * 1024;
/** What a record starts with, and what reading searches for after damage. */
export const MAGIC = Buffer.from('WARC/1.');
export const NEWLINE = 0x0a;
export const CR = 0x0d;

/** Where a header block that starts at `at` ends (its blank line's end), or -1 when not in `buf`. */
export function headerEnd(buf: Buffer, at: number): number {
  let from = at;
  for (;;) {
    const nl = buf.indexOf(NEWLINE, from);
    if (nl === -1 || nl - at > MAX_HEADER_BYTES) return -1;
    // A blank line: `\n\n` or `\n\r\n`.
    if (buf[nl + 1] === NEWLINE) return nl + 2;
    if (buf[nl + 1] === CR && nl + 2 < buf.length && buf[nl + 2] === NEWLINE) return nl + 3;
    if (nl + 2 >= buf.length) return -1;
    from = nl + 1;
  }
}

/** The header fields of a block, and its content's length; else what is wrong with it. */
export function parseHeaderBlock(block: string): { headers: WarcHeaders; length: number } | string {
  const lines = block.split(/\r?\n/);
  if (!/^WARC\/1\.\d+\s*$/.test(lines[0] ?? '')) return 'bad WARC header block (no WARC/1.x version line)';
  const headers: WarcHeaders = new Map();
  let last = '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    if ((line[0] === ' ' || line[0] === '\t') && last !== '') {
      // A field continued on the next line (WARC 1.1 §4: folded as in HTTP/1.1).
      headers.set(last, `${headers.get(last) as string} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return `bad WARC header block (line ${i + 1} is not a field)`;
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  const declared = headers.get('content-length');
  if (declared === undefined) return 'bad WARC header block (no Content-Length)';
  if (!/^\d{1,15}$/.test(declared)) return `bad WARC header block (Content-Length ${declared})`;
  return { headers, length: Number(declared) };
}

/** True when `buf` holds `WARC/1.` at `at`, or as much of it as it has. */
export function startsWithMagic(buf: Buffer, at: number): boolean {
  const n = Math.min(MAGIC.length, buf.length - at);
  return buf.compare(MAGIC, 0, n, at, at + n) === 0;
}

/**
 * Where the next `WARC/1.` at the start of a line is, from `at` (where one starts a line only
 * when `lineStart`); -1 when none.
 */
export function magicAtLineStart(buf: Buffer, at: number, lineStart: boolean): number {
  for (let i = buf.indexOf(MAGIC, at); i !== -1; i = buf.indexOf(MAGIC, i + 1)) {
    if (i === at ? lineStart : buf[i - 1] === NEWLINE || buf[i - 1] === CR) return i;
  }
  return -1;
}
