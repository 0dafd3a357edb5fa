// The lines of a byte stream as views on its bytes, split where Node's readline splits them
// (`\n`, `\r\n`, and a `\r` not followed by `\n`), without decoding the stream: a JSON Lines file
// is cut into records on its bytes, and only the records that are needed are decoded.

const LF = 10;
const CR = 13;

/**
 * What {@link byteLines} gives in place of a line longer than its limit: the line's bytes are
 * dropped as they come, so one huge line costs no memory. Compared by identity.
 */
export const OVERSIZE_LINE: Buffer = Buffer.alloc(0);

/**
 * The lines of `chunks`, without their terminators, a batch per chunk read (a line that spans
 * chunks comes in the batch of the chunk that ends it). A last line without a terminator comes
 * too; an empty input, or one ending with a terminator, has no empty line after it. Each view
 * stays valid: a chunk is never reused. A line of more than `maxLine` bytes comes as
 * {@link OVERSIZE_LINE}.
 */
export async function* byteLines(chunks: AsyncIterable<Buffer | string>, maxLine = Infinity): AsyncGenerator<Buffer[]> {
  // The start of a line not ended yet, kept as pieces: one line may span many chunks.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  // The line not ended yet is past the limit: its bytes are dropped until it ends.
  let oversize = false;
  for await (const piece of chunks) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    const lines: Buffer[] = [];
    let from = 0;
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, from)) {
      let line = chunk.subarray(from, lf);
      if (pending.length > 0) {
        pending.push(line);
        line = Buffer.concat(pending, pendingBytes + line.length);
        pending = [];
        pendingBytes = 0;
      }
      if (oversize || line.length > maxLine) lines.push(OVERSIZE_LINE);
      else pushLines(line, lines);
      oversize = false;
      from = lf + 1;
    }
    if (from < chunk.length && !oversize) {
      pendingBytes += chunk.length - from;
      if (pendingBytes > maxLine) {
        oversize = true;
        pending = [];
        pendingBytes = 0;
      } else pending.push(chunk.subarray(from));
    }
    if (lines.length > 0) yield lines;
  }
  if (oversize) yield [OVERSIZE_LINE];
  else if (pending.length > 0) {
    const lines: Buffer[] = [];
    pushLines(pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending), lines);
    yield lines;
  }
}

/**
 * The lines of bytes that end with a `\n`, or at the end of the input: cut anywhere else (in a
 * `\r\n`, say), a line would not come as {@link byteLines} gives it.
 */
export function linesOf(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let from = 0;
  for (let lf = bytes.indexOf(LF); lf !== -1; lf = bytes.indexOf(LF, from)) {
    pushLines(bytes.subarray(from, lf), lines);
    from = lf + 1;
  }
  if (from < bytes.length) pushLines(bytes.subarray(from), lines);
  return lines;
}

/** Pushes the lines of a piece that ended at a `\n` (or at the end of the input). */
function pushLines(piece: Buffer, out: Buffer[]): void {
  // A `\r\n` ends the line at its `\r`.
  const end = piece.length > 0 && piece[piece.length - 1] === CR ? piece.length - 1 : piece.length;
  // Any other `\r` ends a line of its own. (At the end of the input a last `\r` ends the line,
  // with no empty line after it: readline's behaviour too.)
  let from = 0;
  for (let cr = piece.indexOf(CR); cr !== -1 && cr < end; cr = piece.indexOf(CR, from)) {
    out.push(piece.subarray(from, cr));
    from = cr + 1;
  }
  out.push(piece.subarray(from, end));
}
