// The windows zstd frames ask for, read from their headers as the bytes come, without decoding
// them: fzstd allocates a frame's window when it meets the header (up to 2 GB) and copies it for
// every block, so a window bigger than the size limit is refused before fzstd sees the frame.

import { formatSize } from './limits.js';

/** The largest window honoured whatever the size limit: zstd's own default (`--memory=128MB`). */
const WINDOW_FLOOR = 128 * 1024 * 1024;

/**
 * The window a zstd frame starting at `bytes` declares (the memory its decompression takes), or
 * null when the bytes do not start a zstd frame or are too few to tell.
 */
export function zstdWindow(bytes: ArrayLike<number>): number | null {
  if (bytes.length < 6 || bytes[0] !== 0x28 || bytes[1] !== 0xb5 || bytes[2] !== 0x2f || bytes[3] !== 0xfd) return null;
  const flags = bytes[4] as number;
  if (((flags >> 5) & 1) === 0) {
    const descriptor = bytes[5] as number;
    const base = 2 ** (10 + (descriptor >> 3));
    return base + (base / 8) * (descriptor & 7);
  }
  // A single segment: the window is the content's size, given after the dictionary id.
  const sizeBytes = [1, 2, 4, 8][flags >> 6] as number;
  const at = 5 + ([0, 1, 2, 4][flags & 3] as number);
  if (bytes.length < at + sizeBytes) return null;
  let size = 0;
  for (let i = sizeBytes - 1; i >= 0; i--) size = size * 256 + (bytes[at + i] as number);
  return sizeBytes === 2 ? size + 256 : size;
}

/** The bytes of a frame header, from its first five (magic and descriptor flags). */
function headerLength(head: readonly number[]): number {
  const flags = head[4] as number;
  const single = (flags >> 5) & 1;
  const sizeBytes = flags >> 6 === 0 ? single : 1 << (flags >> 6);
  return 5 + (single ? 0 : 1) + ([0, 1, 2, 4][flags & 3] as number) + sizeBytes;
}

/** A frame asking for a window larger than the limit; `at`, where its header starts in the bytes last seen (0: before them). */
export class ZstdWindowError extends Error {
  constructor(
    readonly at: number,
    window: number,
    limit: number,
  ) {
    super(
      `its zstd window (${formatSize(window)}) is bigger than --max-filesize (${formatSize(limit)}), skipped; ` +
        'a larger --max-filesize reads it',
    );
    this.name = 'ZstdWindowError';
  }
}

/**
 * Follows a zstd stream frame by frame and block by block, from the headers alone (block contents
 * are jumped over), and refuses a frame whose window is larger than the size limit (and than
 * zstd's default of 128 MB). Bytes it cannot follow (damage) are left for fzstd to report.
 */
export class ZstdWindowWatch {
  /** Bytes to pass over before the next header: a block's content, a checksum, a skippable frame. */
  private skip = 0;
  /** The header being gathered: a frame's (or a skippable frame's) between frames, a block's within one. */
  private head: number[] = [];
  private inFrame = false;
  private checksum = false;
  private lost = false;

  constructor(private readonly limit: number) {}

  /** Looks at the next bytes of the stream. @throws ZstdWindowError for a window too large. */
  see(bytes: Uint8Array): void {
    let start = 0;
    for (let i = 0; i < bytes.length && !this.lost;) {
      if (this.skip > 0) {
        const pass = Math.min(this.skip, bytes.length - i);
        this.skip -= pass;
        i += pass;
        continue;
      }
      if (this.head.length === 0) start = i;
      this.head.push(bytes[i++] as number);
      if (this.inFrame) this.block();
      else if (!this.frame()) throw new ZstdWindowError(start, zstdWindow(this.head) as number, this.limit);
    }
  }

  /** A block header, once its three bytes are in: its content jumped over; after the last, the checksum. */
  private block(): void {
    if (this.head.length < 3) return;
    const value = (this.head[0] as number) | ((this.head[1] as number) << 8) | ((this.head[2] as number) << 16);
    const type = (value >> 1) & 3;
    this.head = [];
    if (type === 3) this.lost = true;
    this.skip = type === 1 ? 1 : value >>> 3;
    if (value & 1) {
      this.inFrame = false;
      if (this.checksum) this.skip += 4;
    }
  }

  /** A frame header (or a skippable frame's), once enough of it is in; false when its window is too large. */
  private frame(): boolean {
    const head = this.head;
    if (head.length < 5) return true;
    if (head[1] === 0x2a && head[2] === 0x4d && head[3] === 0x18 && ((head[0] as number) & 0xf0) === 0x50) {
      if (head.length < 8) return true;
      this.skip =
        ((head[4] as number) | ((head[5] as number) << 8) | ((head[6] as number) << 16)) +
        (head[7] as number) * 2 ** 24;
      this.head = [];
      return true;
    }
    if (head[0] !== 0x28 || head[1] !== 0xb5 || head[2] !== 0x2f || head[3] !== 0xfd) {
      this.lost = true;
      return true;
    }
    if (head.length < headerLength(head)) return true;
    if ((zstdWindow(head) as number) > Math.max(this.limit, WINDOW_FLOOR)) return false;
    this.checksum = (((head[4] as number) >> 2) & 1) === 1;
    this.inFrame = true;
    this.head = [];
    return true;
  }
}
