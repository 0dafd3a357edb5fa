// Zstandard frames written by hand for tests, as Node has no zstd compressor: raw blocks, and
// runs of one byte as RLE blocks (3 bytes for up to 128 KiB, the shape of a zstd bomb). Real
// compressed blocks come from the fixtures made with the zstd tool.

const MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
/** Frame header: no single segment, no checksum, no dictionary, no content size; a 1 MiB window. */
const HEADER = Buffer.from([0x00, 10 << 3]);
/** The largest block zstd allows. */
export const MAX_BLOCK = 128 * 1024;

function blockHeader(last: boolean, type: 0 | 1, size: number): Buffer {
  const value = (last ? 1 : 0) | (type << 1) | (size << 3);
  return Buffer.from([value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff]);
}

/**
 * A zstd frame holding `content`: raw blocks of at most `blockSize` bytes, RLE ones for runs of one
 * byte. `ends`, when given, is told where each block ends: in the frame, and in the content.
 */
export function zstdFrame(content: Buffer, blockSize = MAX_BLOCK, ends?: [number, number][]): Buffer {
  const parts: Buffer[] = [MAGIC, HEADER];
  if (content.length === 0) parts.push(blockHeader(true, 0, 0));
  for (let at = 0; at < content.length; at += blockSize) {
    const piece = content.subarray(at, at + blockSize);
    const last = at + blockSize >= content.length;
    if (piece.length > 1 && piece.every((b) => b === piece[0]))
      parts.push(blockHeader(last, 1, piece.length), piece.subarray(0, 1));
    else parts.push(blockHeader(last, 0, piece.length), piece);
    ends?.push([parts.reduce((n, part) => n + part.length, 0), at + piece.length]);
  }
  return Buffer.concat(parts);
}

/** A zstd frame of `size` bytes of `a`, in RLE blocks: a few bytes a 128 KiB of output. */
export function zstdBomb(size: number, byte = 0x61): Buffer {
  const parts: Buffer[] = [MAGIC, HEADER];
  for (let left = size; left > 0; left -= MAX_BLOCK)
    parts.push(blockHeader(left <= MAX_BLOCK, 1, Math.min(left, MAX_BLOCK)), Buffer.from([byte]));
  return Buffer.concat(parts);
}
