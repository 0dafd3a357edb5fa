// The decompressed bytes of a gzipped WARC file, which is a run of gzip members, one a record
// (as Common Crawl writes them) or one for the whole file. zlib streams the members one after
// another; when it meets damage, the members from where it stopped are read one by one, the
// damaged ones skipped, and streaming goes on after them: one bad record does not cost the rest
// of a 1 GB segment.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { damagedData } from '../compression.js';
import { createGunzip } from '../gzip.js';

const require = createRequire(import.meta.url);
let zlib: typeof import('node:zlib') | undefined;
const load = (): typeof import('node:zlib') => (zlib ??= require('node:zlib') as typeof import('node:zlib'));

/**
 * Said between the chunks where damaged data was skipped: why; the bytes before it were the last
 * of theirs. `why` null: the bytes that follow are those of the member that was being read, again
 * from its start (so the record it holds is read whole).
 */
export interface GzipResync {
  why: string | null;
}

/** Bytes read and decompressed at a time. */
const CHUNK = 1 << 20;
/** A member read on its own is at most this big (compressed); a bigger one is taken for damaged. */
const MEMBER_CAP = 64 * 1024 * 1024;
/** A gzip member starts with these (the magic and deflate, RFC 1952 §2.3). */
const MEMBER_START = Buffer.from([0x1f, 0x8b, 0x08]);

type Path = string | Buffer;

/** Why bytes where a member should start do not read as one. */
const NOT_GZIP = 'not a gzip header';

/**
 * The decompressed chunks of a gzipped file at `path`, with a {@link GzipResync} where damaged
 * data was skipped. Errors that are not the data's (the file cannot be read) are thrown.
 */
export async function* gzipMemberChunks(path: Path): AsyncGenerator<Buffer | GzipResync> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    for (let start = 0; start < size;) {
      const streamed = yield* streamFrom(path, start);
      if (streamed === null) return;
      // zlib counts the compressed bytes it read up to the output it gave: the member it was in
      // was cut there (unless it stopped at a member's end), and none that starts later gave anything.
      const { consumed, read, why } = streamed;
      let at = consumed === start ? start : await nextMember(handle, consumed);
      const cut = consumed > start ? await memberAround(handle, consumed, start) : null;
      if (cut !== null) {
        yield { why: null };
        yield cut.bytes;
        at = cut.end;
      } else if (consumed > start) {
        const then = at === null ? 'the records before it kept' : `read again from the next member, at byte ${at}`;
        yield { why: `gzip data ${why}: ${then}` };
      }
      // One by one until past the bytes zlib was given when it failed: the damage is there.
      while (at !== null && at < Math.max(read, start + 1)) at = yield* memberAt(handle, at);
      if (at === null) return;
      start = at;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Streams the members from `start`, yielding their bytes; null when the file ended well, else
 * how far zlib read (`consumed`: up to the output given; `read`: given to it) and why it failed.
 */
async function* streamFrom(
  path: Path,
  start: number,
): AsyncGenerator<Buffer, { consumed: number; read: number; why: string } | null> {
  const source = fs.createReadStream(path, { start, highWaterMark: CHUNK });
  const gunzip = createGunzip({ chunkSize: CHUNK });
  let sourceError: unknown = null;
  let read = start;
  source.on('data', (chunk) => (read += chunk.length));
  source.on('error', (err) => {
    sourceError ??= err;
    gunzip.destroy(err);
  });
  let failure: unknown;
  try {
    for await (const chunk of source.pipe(gunzip)) yield chunk as Buffer;
    return null;
  } catch (err) {
    failure = err;
  } finally {
    source.destroy();
  }
  const what = sourceError === null ? damagedData(failure) : null;
  if (what === null) throw sourceError ?? failure;
  const why = failure instanceof Error ? failure.message : String(failure);
  return {
    consumed: start + gunzip.bytesWritten,
    read,
    why: `${what} after ${start + gunzip.bytesWritten} bytes (${why})`,
  };
}

/**
 * Reads the member at `at` on its own: yields its bytes and returns where the next starts; a
 * damaged member is a {@link GzipResync}, and reading goes on at the next member that reads (null: none).
 */
async function* memberAt(
  handle: fs.promises.FileHandle,
  at: number,
): AsyncGenerator<Buffer | GzipResync, number | null> {
  const first = await readMember(handle, at);
  if (typeof first !== 'string') {
    if (first.bytes.length > 0) yield first.bytes;
    if (!first.cut) return first.end;
    yield { why: `gzip data cut short after ${first.end} bytes (unexpected end of file): the records before it kept` };
    return null;
  }
  // The next start that reads as a member: a start found in deflate data is not one.
  for (let next = await nextMember(handle, at + 1); next !== null; next = await nextMember(handle, next + 1)) {
    const member = await readMember(handle, next);
    if (typeof member === 'string' || member.cut) continue;
    yield {
      why:
        first === NOT_GZIP
          ? `${next - at} bytes at byte ${at} are not gzip data: read again from the next member, at byte ${next}`
          : `gzip member at byte ${at} damaged (${first}): read again from the next member, at byte ${next}`,
    };
    yield member.bytes;
    return member.end;
  }
  yield {
    why:
      first === NOT_GZIP
        ? `the bytes from byte ${at} are not gzip data: the records before them kept`
        : `gzip member at byte ${at} damaged (${first}): the records before it kept`,
  };
  return null;
}

/**
 * The member at `at`, decompressed, and where it ends (`cut`: the file ends within it, and the
 * bytes are those before the cut); else why it does not read.
 */
async function readMember(
  handle: fs.promises.FileHandle,
  at: number,
): Promise<{ bytes: Buffer; end: number; cut: boolean } | string> {
  const z = load();
  for (let window = CHUNK; ; window *= 4) {
    const buf = Buffer.allocUnsafe(Math.min(window, MEMBER_CAP));
    const { bytesRead } = await handle.read(buf, 0, buf.length, at);
    const bytes = buf.subarray(0, bytesRead);
    const header = headerLength(bytes);
    if (header === null) return NOT_GZIP;
    try {
      // Raw inflate stops at the end of the member's deflate data, and says how much it read.
      const { engine } = z.inflateRawSync(bytes.subarray(header), { info: true }) as unknown as {
        engine: { bytesWritten: number };
      };
      const end = header + engine.bytesWritten + 8;
      if (end > bytes.length) return { bytes: Buffer.alloc(0), end: at + bytes.length, cut: true };
      // Decompressed again whole, which checks its CRC and length.
      return { bytes: z.gunzipSync(bytes.subarray(0, end)), end: at + end, cut: false };
    } catch (err) {
      const cut = (err as NodeJS.ErrnoException).code === 'Z_BUF_ERROR';
      if (cut && bytesRead < buf.length) {
        // Cut short by the end of the file: what it holds up to there.
        const sync = { finishFlush: z.constants.Z_SYNC_FLUSH };
        try {
          return { bytes: z.inflateRawSync(bytes.subarray(header), sync), end: at + bytesRead, cut: true };
        } catch {
          return { bytes: Buffer.alloc(0), end: at + bytesRead, cut: true };
        }
      }
      if (!cut) return err instanceof Error ? err.message : String(err);
      if (buf.length >= MEMBER_CAP) return `longer than ${MEMBER_CAP} bytes`;
    }
  }
}

/**
 * The member the bytes at `at` are in, read whole, when it starts a WARC record (so the record
 * can be read again from its start); null when it cannot be found after `start` (or is damaged).
 */
async function memberAround(
  handle: fs.promises.FileHandle,
  at: number,
  start: number,
): Promise<{ bytes: Buffer; end: number } | null> {
  const buf = Buffer.allocUnsafe(CHUNK);
  for (let to = at; to > start && at - to < MEMBER_CAP;) {
    const from = Math.max(start, to - CHUNK);
    const { bytesRead } = await handle.read(buf, 0, to - from, from);
    // The nearest start before `at`: a member that ends before `at` means there is none.
    const view = buf.subarray(0, bytesRead);
    for (let i = view.lastIndexOf(MEMBER_START); i !== -1; i = i === 0 ? -1 : view.lastIndexOf(MEMBER_START, i - 1)) {
      const member = await readMember(handle, from + i);
      if (typeof member === 'string' || member.cut) continue;
      return member.end > at && member.bytes.subarray(0, 7).toString('latin1') === 'WARC/1.'
        ? { bytes: member.bytes, end: member.end }
        : null;
    }
    // The windows overlap by a start's length less one, so that none is missed between two.
    to = from === start ? start : from + MEMBER_START.length - 1;
  }
  return null;
}

/** The length of the gzip header `bytes` start with (RFC 1952 §2.3); null when it is not one. */
function headerLength(bytes: Buffer): number | null {
  if (bytes.length < 10 || bytes.compare(MEMBER_START, 0, 3, 0, 3) !== 0) return null;
  const flags = bytes[3] as number;
  if ((flags & 0xe0) !== 0) return null;
  let at = 10;
  if (flags & 4) at += 2 + bytes.readUInt16LE(Math.min(at, bytes.length - 2));
  for (const bit of [8, 16]) {
    if ((flags & bit) === 0) continue;
    const nul = bytes.indexOf(0, at);
    if (nul === -1) return null;
    at = nul + 1;
  }
  if (flags & 2) at += 2;
  return at <= bytes.length ? at : null;
}

/** Where the next gzip member starts at or after `from`: its offset, or null when none. */
async function nextMember(handle: fs.promises.FileHandle, from: number): Promise<number | null> {
  const buf = Buffer.alloc(CHUNK + MEMBER_START.length);
  let held = 0;
  for (let at = from; ;) {
    const { bytesRead } = await handle.read(buf, held, CHUNK, at);
    if (bytesRead === 0) return null;
    const end = held + bytesRead;
    const view = buf.subarray(0, end);
    for (let i = view.indexOf(MEMBER_START); i !== -1 && i + 3 < end; i = view.indexOf(MEMBER_START, i + 1)) {
      // The flags' reserved bits are zero in a member's header.
      if (((view[i + 3] as number) & 0xe0) === 0) return at - held + i;
    }
    // A member's start may be split between two reads: the last bytes are kept.
    const keep = Math.min(end, MEMBER_START.length);
    buf.copy(buf, 0, end - keep, end);
    at += bytesRead;
    held = keep;
  }
}
