// Decodes a stream of records (CSV, TSV, JSON, JSON Lines) into UTF-8, a chunk at a time, so the
// byte-level splitters (csv-parse, json-elements.ts, byte-lines.ts) and the raw-byte prefilters
// read every charset: a BOM decides, then `--encoding`, then the bytes, as for a text file
// (decode.ts, docs/spec.md §1). A UTF-8 stream passes through untouched; only another is transcoded.

import { isAscii, isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { encodingOption } from './charset.js';
import { decodeMixed, decodeWindows1252, legacyCharset, sniffBom } from './decode.js';
import { fsPath } from './file-names.js';
import type { Encoding } from '../types.js';

/**
 * Bytes, from a stream's first byte ≥ 0x80, its charset is decided on: valid UTF-8 there reads
 * the stream as UTF-8; else chardet guesses (on 2 KiB of them, charset.ts). An ASCII start
 * decides nothing, however long: every charset read here reads ASCII alike.
 */
export const STREAM_SAMPLE_BYTES = 64 * 1024;

/** How the chunks are turned into UTF-8: not yet known (ASCII so far), or decided. */
const enum Mode {
  Undecided,
  Utf8,
  Windows1252,
  /** UTF-8 with runs of Windows-1252 (decodeMixed): a UTF-8 sequence cut by a chunk's end is held back. */
  Mixed,
  Decoder,
}

/**
 * Turns the chunks of one stream into UTF-8 chunks, deciding its charset on its first bytes (see
 * the module's comment). {@link encoding} and {@link fallback} say how the chunks given so far
 * were decoded: a record takes them as it is read (an ASCII start says `utf-8`).
 */
export class StreamDecoder {
  /** The encoding of the stream, as far as it is known: what a record read now was decoded from. */
  encoding: Encoding = 'utf-8';
  /** True when {@link encoding} is a guess (flagged `encoding-fallback`). */
  fallback = false;
  private mode = Mode.Undecided;
  private decoder: Decoder | null = null;
  /**
   * Bytes held back: the first, while fewer than a BOM's; undecided, those from the first chunk
   * with a byte ≥ 0x80 until the sample is whole; in {@link Mode.Mixed}, a cut UTF-8 sequence.
   */
  private held: Buffer | null = null;
  private started = false;

  /** `forced`: the encoding `--encoding` forces (a BOM still wins), null to decide on the bytes. */
  constructor(private readonly forced: Encoding | null = encodingOption()) {}

  /** The UTF-8 bytes of the next chunk (maybe empty: bytes held back until the next). */
  push(chunk: Buffer): Buffer {
    if (!this.started) {
      const head = this.held === null ? chunk : Buffer.concat([this.held, chunk]);
      // A BOM needs its three bytes: a stream cut into tiny chunks (a decompressor's) waits for them.
      if (head.length < 3) {
        this.held = head;
        return EMPTY;
      }
      this.held = null;
      this.start(head);
      chunk = head;
    }
    if (this.mode === Mode.Undecided) {
      if (this.held === null && isAscii(chunk)) return chunk;
      const bytes = this.held === null ? chunk : Buffer.concat([this.held, chunk]);
      // Small chunks (a decompressor's) are gathered until the sample is whole: a few bytes decide badly.
      if (bytes.length - firstNonAscii(bytes) < STREAM_SAMPLE_BYTES) {
        this.held = bytes;
        return EMPTY;
      }
      this.held = null;
      this.decide(bytes);
      return this.convert(bytes, true);
    }
    return this.convert(chunk, true);
  }

  /** The UTF-8 bytes held back at the end of the stream. */
  end(): Buffer {
    if (!this.started && this.held === null) return EMPTY;
    if (!this.started || this.mode === Mode.Undecided) {
      const rest = this.held ?? EMPTY;
      this.held = null;
      if (!this.started) this.start(rest);
      if (this.mode === Mode.Undecided && !isAscii(rest)) this.decide(rest);
      return this.convert(rest, false);
    }
    if (this.mode === Mode.Decoder) return utf8Of((this.decoder as Decoder).decode());
    if (this.mode === Mode.Mixed && this.held !== null) {
      const rest = this.held;
      this.held = null;
      return this.mixed(rest, false);
    }
    return EMPTY;
  }

  /** The stream's first bytes: a BOM, else a forced encoding, decides at once. */
  private start(head: Buffer): void {
    this.started = true;
    const bom = sniffBom(head);
    if (bom === 'utf-8') this.use(Mode.Utf8, 'utf-8');
    else if (bom !== null) this.use(Mode.Decoder, bom);
    else if (this.forced !== null) this.use(modeOf(this.forced), this.forced);
  }

  /** Decides on bytes with a byte ≥ 0x80 (see {@link STREAM_SAMPLE_BYTES}). */
  private decide(bytes: Buffer): void {
    const first = firstNonAscii(bytes);
    let sample = bytes.subarray(first, first + STREAM_SAMPLE_BYTES);
    // The sample's end (or the chunk's) may cut a character: it is not an invalid one.
    sample = sample.subarray(0, completeUtf8End(sample));
    if (isUtf8(sample)) return this.use(Mode.Utf8, 'utf-8');
    const legacy = legacyCharset(sample);
    if (legacy === null) this.use(Mode.Mixed, 'windows-1252', true);
    else this.use(modeOf(legacy.encoding), legacy.encoding, legacy.fallback);
  }

  private use(mode: Mode, encoding: Encoding, fallback = false): void {
    this.mode = mode;
    this.encoding = encoding;
    this.fallback = fallback;
    // Node reads 'windows-1252' as Latin-1: decode.ts applies the WHATWG table instead.
    if (mode === Mode.Decoder) this.decoder = new TextDecoder(encoding);
  }

  private convert(chunk: Buffer, more: boolean): Buffer {
    switch (this.mode) {
      case Mode.Undecided:
      case Mode.Utf8:
        return chunk;
      case Mode.Windows1252:
        return utf8Of(decodeWindows1252(chunk));
      case Mode.Mixed:
        return this.mixed(chunk, more);
      case Mode.Decoder: {
        const text = (this.decoder as Decoder).decode(chunk, { stream: more });
        return utf8Of(text);
      }
    }
  }

  /** UTF-8 with Windows-1252 runs, a UTF-8 sequence cut by the chunk's end held for the next. */
  private mixed(chunk: Buffer, more: boolean): Buffer {
    const bytes = this.held === null ? chunk : Buffer.concat([this.held, chunk]);
    const end = more ? completeUtf8End(bytes) : bytes.length;
    this.held = end < bytes.length ? Buffer.from(bytes.subarray(end)) : null;
    const part = bytes.subarray(0, end);
    // decodeMixed strips a BOM at its start: one in the middle of a stream is a character.
    const bom = part.length >= 3 && part[0] === 0xef && part[1] === 0xbb && part[2] === 0xbf;
    return utf8Of((bom ? '\ufeff' : '') + decodeMixed(part));
  }
}

type Decoder = InstanceType<typeof TextDecoder>;

const EMPTY = Buffer.alloc(0);
const utf8Of = (text: string): Buffer => Buffer.from(text, 'utf8');

/** The place of the first byte ≥ 0x80 (there is one). */
function firstNonAscii(bytes: Buffer): number {
  let i = 0;
  while ((bytes[i] as number) < 0x80) i++;
  return i;
}

function modeOf(encoding: Encoding): Mode {
  if (encoding === 'utf-8') return Mode.Utf8;
  return encoding === 'windows-1252' ? Mode.Windows1252 : Mode.Decoder;
}

/**
 * Where the bytes end once a UTF-8 sequence their end cuts is left out: the start of a last
 * sequence whose lead byte asks for more bytes than follow it; else their length.
 */
export function completeUtf8End(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const b = bytes[i] as number;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + need > n ? i : n;
  }
  return n;
}

/**
 * The chunks of a stream, as UTF-8 (see {@link StreamDecoder}); no empty chunk is given. When
 * the stream fails, the bytes held back are given before its error: the records before damaged
 * data are kept.
 */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer>, decoder: StreamDecoder): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of chunks) {
      const out = decoder.push(chunk);
      if (out.length > 0) yield out;
    }
  } catch (err) {
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
    throw err;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

/**
 * True when a file of records is read as it is, UTF-8 (see {@link StreamDecoder}), judged on its
 * first {@link STREAM_SAMPLE_BYTES} bytes: what a reader of its raw bytes (grep's pieces of a big
 * JSON Lines file) must know first. A file that starts with ASCII and turns to another charset
 * later is taken for UTF-8 here; a file that cannot be read is too (its reader will say why).
 */
export function readsAsUtf8(absPath: string, forced: Encoding | null = encodingOption()): boolean {
  let head: Buffer;
  try {
    const fd = fs.openSync(fsPath(absPath), 'r');
    try {
      head = Buffer.alloc(STREAM_SAMPLE_BYTES);
      head = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return true;
  }
  const decoder = new StreamDecoder(forced);
  decoder.push(head);
  decoder.end();
  return decoder.encoding === 'utf-8';
}
