// Turns a file's bytes into text: UTF-8 (BOM stripped), UTF-16 LE/BE with a BOM; a file that is
// not valid UTF-8 in the charset detected (Windows-1251, Shift_JIS, GBK…), or, when it is mostly
// UTF-8, Windows-1252 for its invalid runs only. `--encoding` forces one. Binary files are
// recognised, not decoded.

import { charsetSample, CONFIDENT, encodingOption, guessCharsets } from './charset.js';
import { utf8Length } from './file-names.js';
import type { Encoding } from '../types.js';

/** The result of decoding a file's bytes. */
export interface Decoded {
  text: string;
  encoding: Encoding;
  /**
   * True when the encoding is a guess: a charset chardet is not sure of, or some bytes that were
   * not valid UTF-8 read as Windows-1252 (`encoding` then says `windows-1252`; the valid UTF-8
   * around them is read as UTF-8).
   */
  fallback: boolean;
}

/** How many leading bytes are looked at to decide that a file is binary (as git and ripgrep do). */
export const BINARY_SNIFF_BYTES = 8192;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: false });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: false });
// Node's TextDecoder reads 'windows-1252' as Latin-1 (0x80–0x9F become C1 controls), so the
// 32 code points where the two differ are mapped here, per the WHATWG index (undefined bytes
// 0x81, 0x8D, 0x8F, 0x90, 0x9D stay as their C1 controls, as WHATWG says).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes bytes as Windows-1252. */
export function decodeWindows1252(buf: Uint8Array): string {
  const latin1 = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string);
}

/** The byte-order mark a buffer starts with, if any. */
export function sniffBom(buf: Uint8Array): Encoding | null {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * True when the buffer holds a NUL byte in its first 8 KiB and is not UTF-16 with a BOM
 * (UTF-16 text is full of NULs, but its BOM says what it is).
 */
export function isBinary(buf: Uint8Array): boolean {
  const bom = sniffBom(buf);
  if (bom === 'utf-16le' || bom === 'utf-16be') return false;
  const end = Math.min(buf.length, BINARY_SNIFF_BYTES);
  return buf.subarray(0, end).indexOf(0) !== -1;
}

/**
 * Decodes a file's bytes, in `encoding` when one is forced (`--encoding`; a BOM still wins, as in
 * ripgrep and WHATWG), else as UTF-8 and, only when that fails, in the charset detected.
 * TextDecoder strips a leading BOM for the encoding it decodes. The caller checks {@link isBinary} first.
 */
export function decode(buf: Uint8Array, encoding: Encoding | null = encodingOption()): Decoded {
  const bom = sniffBom(buf);
  if (bom === 'utf-16le') return { text: utf16le.decode(buf), encoding: 'utf-16le', fallback: false };
  if (bom === 'utf-16be') return { text: utf16be.decode(buf), encoding: 'utf-16be', fallback: false };
  if (encoding !== null && bom === null) return { text: decodeAs(buf, encoding), encoding, fallback: false };
  try {
    return { text: utf8.decode(buf), encoding: 'utf-8', fallback: false };
  } catch (err) {
    // Too long for a string: the caller reports it. Anything else is bytes that are not UTF-8.
    if ((err as NodeJS.ErrnoException).code !== 'ERR_ENCODING_INVALID_ENCODED_DATA') throw err;
    return bom === null ? decodeLegacy(buf) : { text: decodeMixed(buf), encoding: 'windows-1252', fallback: true };
  }
}

/**
 * The share of a text's bytes ≥ 0x80 in valid UTF-8 sequences at or above which a file that is
 * not valid UTF-8 is taken for UTF-8 with a few foreign runs, not for a legacy charset. Measured
 * (tests/fixtures/encodings/measure.mjs): legacy text reaches 0.50 (a 500-byte EUC-JP excerpt;
 * Shift_JIS 0.47, GBK 0.38), UTF-8 text in 15 languages with one Latin-1 line 0.94 to 1; an
 * English one with two curly quotes has 0.67, and chardet then says Windows-1252: the same text.
 */
export const MOSTLY_UTF8 = 0.75;

/**
 * Decodes bytes that are not valid UTF-8 and have no BOM: mostly UTF-8 (see {@link MOSTLY_UTF8}),
 * or UTF-8 by chardet's first guess, as UTF-8 with Windows-1252 runs; else in the first charset
 * chardet guesses whose text is plausible (no U+FFFD, no C1 control: Persian in Windows-1256 is
 * not Arabic ISO-8859-6), flagged a fallback unless chardet was sure of it (Windows-1252 always is).
 */
function decodeLegacy(buf: Uint8Array): Decoded {
  const legacy = legacyCharset(buf);
  if (legacy !== null)
    return { text: decodeAs(buf, legacy.encoding), encoding: legacy.encoding, fallback: legacy.fallback };
  // Windows-1252 stays flagged, as before detection: it is also what any stray byte reads as.
  return { text: decodeMixed(buf), encoding: 'windows-1252', fallback: true };
}

/**
 * The charset of bytes that are not valid UTF-8 and have no BOM, as {@link decodeLegacy} chooses
 * it (also for a stream of records, on its first bytes: stream-decode.ts): the first plausible
 * guess of chardet, flagged a fallback unless chardet was sure of it; null for UTF-8 with
 * Windows-1252 runs ({@link decodeMixed}).
 */
export function legacyCharset(buf: Uint8Array): { encoding: Encoding; fallback: boolean } | null {
  if (utf8Share(buf) >= MOSTLY_UTF8) return null;
  // Each guess is tried on the sample chardet saw, and only the one taken decodes the file.
  const sample = charsetSample(buf);
  for (const { encoding, confidence } of guessCharsets(buf)) {
    // chardet takes UTF-8 with a few stray bytes for UTF-8: the runs are Windows-1252.
    if (encoding === 'utf-8') return null;
    if (encoding === 'windows-1252') {
      if (IMPLAUSIBLE.test(decodeMixed(sample))) continue;
      return null;
    }
    // Streaming holds back a character the sample's end cuts, which would read as U+FFFD.
    if (IMPLAUSIBLE.test(new TextDecoder(encoding).decode(sample, { stream: true }))) continue;
    return { encoding, fallback: confidence < CONFIDENT };
  }
  return null;
}

/** What no text in the right charset holds: undecodable bytes and C1 controls. */
const IMPLAUSIBLE = /[\x80-\x9f\ufffd]/;

/** The share of the bytes ≥ 0x80 that belong to valid UTF-8 sequences (1 when there are none). */
export function utf8Share(buf: Uint8Array): number {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < buf.length;) {
    if ((buf[i] as number) < 0x80) {
      i++;
      continue;
    }
    const n = utf8Length(buf, i);
    if (n > 0) {
      valid += n;
      i += n;
    } else {
      invalid++;
      i++;
    }
  }
  return valid + invalid === 0 ? 1 : valid / (valid + invalid);
}

const decoders = new Map<Encoding, { decode(buf: Uint8Array): string }>();

/** Decodes bytes in an encoding, bytes it cannot read becoming U+FFFD. */
export function decodeAs(buf: Uint8Array, encoding: Encoding): string {
  // Node reads 'windows-1252' as Latin-1: the WHATWG table is applied here.
  if (encoding === 'windows-1252') return decodeWindows1252(buf);
  let decoder = decoders.get(encoding);
  if (decoder === undefined) decoders.set(encoding, (decoder = new TextDecoder(encoding)));
  return decoder.decode(buf);
}

/**
 * Decodes bytes that are not all valid UTF-8: each run of valid UTF-8 as UTF-8, each run of
 * bytes that are not as Windows-1252. A file of Windows-1252 comes out as Windows-1252 (its
 * accented letters are not valid UTF-8), and a UTF-8 file with one Latin-1 line keeps its
 * UTF-8. Only met once the fast, strict decoding failed.
 */
export function decodeMixed(buf: Uint8Array): string {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const parts: string[] = [];
  let from = bom;
  let i = bom;
  while (i < bytes.length) {
    // ASCII is the bulk of most texts: skipped a byte at a time without a call.
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    const n = utf8Length(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    let end = i + 1;
    while (end < bytes.length && (bytes[end] as number) >= 0x80 && utf8Length(bytes, end) === 0) end++;
    if (i > from) parts.push(bytes.toString('utf8', from, i));
    parts.push(decodeWindows1252(bytes.subarray(i, end)));
    from = i = end;
  }
  if (from < bytes.length) parts.push(bytes.toString('utf8', from));
  return parts.join('');
}
