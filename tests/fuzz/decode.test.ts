// Fuzzing the decoder: any bytes decode without throwing; valid UTF-8 (with or without a BOM) and
// UTF-16 with a BOM come back as the text they encode; bytes that are not UTF-8 keep their ASCII;
// the binary test is exactly "a NUL in the first 8 KiB, and no UTF-16 BOM".
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ENCODINGS } from '../../src/core/input/charset.js';
import { BINARY_SNIFF_BYTES, decode, isBinary } from '../../src/core/input/decode.js';
import { fuzzParameters, testTimeout } from './settings.js';

// Where an ASCII byte may be half a character: these do not keep every ASCII byte as it is.
const MULTI_BYTE = ['utf-16le', 'utf-16be', 'gbk', 'gb18030', 'big5', 'euc-jp', 'iso-2022-jp', 'shift_jis', 'euc-kr'];
const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);

/** Any text of whole code points: what a UTF-8 or UTF-16 file can hold. */
const text = fc.string({ unit: 'binary', maxLength: 200 });
/** Bytes that lean towards what makes decoders stumble: high bytes, NULs, BOM pieces, CR and LF. */
const byte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0x00, 0x0a, 0x0d, 0x80, 0x9f, 0xbb, 0xbf, 0xc0, 0xc3, 0xe9, 0xed, 0xef, 0xf0, 0xf4, 0xfe, 0xff),
);
const bytes = fc.array(byte, { maxLength: 300 }).map((list) => Buffer.from(list));
/** Valid UTF-8 with bytes that are not (a stray high byte, a cut sequence) spliced in. */
const brokenUtf8 = fc
  .tuple(text, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { minLength: 1, maxLength: 4 }))
  .map(([s, splices]) => {
    const list = [...Buffer.from(s, 'utf8')];
    for (const [at, b] of splices) list.splice(at % (list.length + 1), 0, b);
    return Buffer.from(list);
  });

const isUtf8 = (buf: Buffer): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
};
const hasUtf16Bom = (buf: Buffer): boolean =>
  buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
const asciiOf = (s: string): string => s.replace(/[^\0-\x7f]/g, '');

describe('fuzzing decode and isBinary', { timeout: testTimeout }, () => {
  test('any bytes decode to text, with a known encoding: UTF-8 exactly when they are, Windows-1252 always flagged', () => {
    fc.assert(
      fc.property(fc.oneof(bytes, brokenUtf8), (buf) => {
        const decoded = decode(buf);
        expect(typeof decoded.text).toBe('string');
        expect(ENCODINGS).toContain(decoded.encoding);
        if (!hasUtf16Bom(buf)) expect(decoded.encoding === 'utf-8').toBe(isUtf8(buf));
        if (decoded.encoding === 'windows-1252') expect(decoded.fallback).toBe(true);
        if (decoded.encoding === 'utf-8') expect(decoded.fallback).toBe(false);
      }),
      fuzzParameters(1000),
    );
  });

  test('valid UTF-8 decodes to the text it encodes, a leading BOM dropped', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (s, bom) => {
        const body = Buffer.from(s, 'utf8');
        const decoded = decode(bom ? Buffer.concat([BOM8, body]) : body);
        expect(decoded).toEqual({ text: bom ? s : s.replace(/^\uFEFF/, ''), encoding: 'utf-8', fallback: false });
      }),
      fuzzParameters(600),
    );
  });

  test('UTF-16 with a BOM decodes to the text it encodes, little- or big-endian', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (s, big) => {
        const le = Buffer.from(`\uFEFF${s}`, 'utf16le');
        const decoded = decode(big ? Buffer.from(le).swap16() : le);
        expect(decoded).toEqual({ text: s, encoding: big ? 'utf-16be' : 'utf-16le', fallback: false });
      }),
      fuzzParameters(600),
    );
  });

  test('bytes that are not UTF-8, read in a single-byte charset, keep every ASCII character, in order', () => {
    fc.assert(
      fc.property(fc.oneof(bytes, brokenUtf8), (buf) => {
        const decoded = decode(buf);
        fc.pre(!MULTI_BYTE.includes(decoded.encoding));
        expect(asciiOf(decoded.text)).toBe(asciiOf(buf.toString('latin1')));
      }),
      fuzzParameters(600),
    );
  });

  test('a file is binary exactly when a NUL comes in its first 8 KiB and it has no UTF-16 BOM', () => {
    // Long buffers too, with the NUL placed around the 8 KiB edge.
    const placed = fc
      .tuple(fc.integer({ min: 0, max: BINARY_SNIFF_BYTES + 64 }), fc.integer({ min: -8, max: 8 }), fc.boolean())
      .map(([length, nulFromEdge, withNul]) => {
        const buf = Buffer.alloc(length, 0x61);
        const at = BINARY_SNIFF_BYTES + nulFromEdge;
        if (withNul && at < length) buf[at] = 0;
        return buf;
      });
    fc.assert(
      fc.property(fc.oneof(bytes, placed), (buf) => {
        const nul = buf.subarray(0, BINARY_SNIFF_BYTES).includes(0);
        expect(isBinary(buf)).toBe(nul && !hasUtf16Bom(buf));
      }),
      fuzzParameters(400),
    );
  });
});
