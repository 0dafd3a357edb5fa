import { describe, expect, test } from 'vitest';
import { decode, decodeWindows1252, isBinary, sniffBom } from '../../src/core/input/decode.js';

describe('decode', () => {
  test('UTF-8 without BOM', () => {
    expect(decode(Buffer.from('Biélorussie', 'utf8'))).toEqual({
      text: 'Biélorussie',
      encoding: 'utf-8',
      fallback: false,
    });
  });

  test('UTF-8 with BOM: the BOM is stripped', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('été', 'utf8')]);
    expect(sniffBom(buf)).toBe('utf-8');
    expect(decode(buf)).toEqual({ text: 'été', encoding: 'utf-8', fallback: false });
  });

  test('UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Straße', 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decode(le)).toEqual({ text: 'Straße', encoding: 'utf-16le', fallback: false });
    expect(decode(be)).toEqual({ text: 'Straße', encoding: 'utf-16be', fallback: false });
  });

  test('invalid UTF-8 falls back to Windows-1252, curly quotes and euro included', () => {
    const buf = Buffer.from([0x93, 0x43, 0x92, 0x65, 0x73, 0x74, 0x94, 0x20, 0x80, 0x20, 0xe9, 0x9c]);
    expect(decode(buf)).toEqual({ text: '“C’est” € éœ', encoding: 'windows-1252', fallback: true });
  });

  test('Windows-1252 keeps undefined bytes as their C1 code points', () => {
    expect(decodeWindows1252(Buffer.from([0x81, 0x41]))).toBe('\u0081A');
  });
});

describe('isBinary', () => {
  test('a NUL in the first 8 KiB means binary', () => {
    expect(isBinary(Buffer.from([0x41, 0x00, 0x42]))).toBe(true);
  });

  test('a NUL after the first 8 KiB does not', () => {
    const buf = Buffer.alloc(9000, 0x41);
    buf[8500] = 0;
    expect(isBinary(buf)).toBe(false);
  });

  test('UTF-16 with a BOM is text although full of NULs', () => {
    expect(isBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('abc', 'utf16le')]))).toBe(false);
  });

  test('empty is text', () => {
    expect(isBinary(Buffer.alloc(0))).toBe(false);
  });
});
