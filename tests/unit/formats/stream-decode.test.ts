// The stream decoder of the files of records: UTF-8 passes through as it is, a BOM or --encoding
// decides, else the first non-ASCII bytes do; chunks cut anywhere decode as the whole stream.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  completeUtf8End,
  readsAsUtf8,
  StreamDecoder,
  STREAM_SAMPLE_BYTES,
  utf8Chunks,
} from '../../../src/core/input/stream-decode.js';
import type { Encoding } from '../../../src/core/types.js';

const ENCODINGS = path.join(__dirname, '../../fixtures/encodings');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(ENCODINGS, name));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stream-decode-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The stream's chunks, `size` bytes each, decoded; with the decoder's encoding and flag at the end. */
function decodeIn(bytes: Buffer, size: number, forced: Encoding | null = null) {
  const decoder = new StreamDecoder(forced);
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(decoder.push(bytes.subarray(at, at + size)));
  out.push(decoder.end());
  return { text: Buffer.concat(out).toString('utf8'), encoding: decoder.encoding, fallback: decoder.fallback };
}

describe('StreamDecoder', () => {
  test('a UTF-8 stream passes through untouched: the very chunks given, once the sample is seen', () => {
    const decoder = new StreamDecoder(null);
    const ascii = Buffer.from('id,text\n1,plain\n');
    const utf8 = Buffer.from('2,Всеобщая декларация\n'.repeat(STREAM_SAMPLE_BYTES / 16));
    const more = Buffer.from('3,Ещё\n');
    expect(decoder.push(ascii)).toBe(ascii);
    expect(decoder.push(utf8)).toBe(utf8);
    expect(decoder.push(more)).toBe(more);
    expect(decoder.end().length).toBe(0);
    expect([decoder.encoding, decoder.fallback]).toEqual(['utf-8', false]);
  });

  test.each([
    ['ru.windows-1251.txt', 'ru.utf-8.txt', 'windows-1251'],
    ['ru.koi8-r.txt', 'ru.utf-8.txt', 'koi8-r'],
    ['ja.shift_jis.txt', 'ja.utf-8.txt', 'shift_jis'],
    ['zh-hans.gbk.txt', 'zh-hans.utf-8.txt', 'gb18030'],
    ['ko.euc-kr.txt', 'ko.utf-8.txt', 'euc-kr'],
  ] as const)('%s is detected and decodes alike cut into chunks of any size', (file, original, encoding) => {
    const expected = fixture(original).toString('utf8');
    for (const size of [1, 2, 3, 7, 1000, 1 << 20]) {
      const got = decodeIn(fixture(file), size);
      expect([got.encoding, got.text === expected]).toEqual([encoding, true]);
    }
  });

  test('UTF-16 with a BOM, LE or BE, decodes in chunks cut anywhere, even a one-byte first chunk; the BOM is dropped', () => {
    const text = 'Title\tText\r\nDéclaration\t人権 😀\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const size of [1, 2, 3, 5, 4096]) {
      expect(decodeIn(le, size)).toEqual({ text, encoding: 'utf-16le', fallback: false });
      expect(decodeIn(be, size)).toEqual({ text, encoding: 'utf-16be', fallback: false });
    }
  });

  test('an ASCII start decides nothing: the charset is decided at the first byte ≥ 0x80, however far', () => {
    const ascii = Buffer.from('id,text\n'.padEnd(STREAM_SAMPLE_BYTES * 3, 'x') + '\n');
    const legacy = fixture('ru.windows-1251.txt');
    const decoder = new StreamDecoder(null);
    expect(decoder.push(ascii)).toBe(ascii);
    expect(decoder.encoding).toBe('utf-8');
    // The legacy bytes are fewer than the sample: held until the stream ends.
    expect(Buffer.concat([decoder.push(legacy), decoder.end()]).toString('utf8')).toBe(
      fixture('ru.utf-8.txt').toString('utf8'),
    );
    expect([decoder.encoding, decoder.fallback]).toEqual(['windows-1251', false]);
  });

  test('mostly UTF-8 with a Windows-1252 run reads as decode.ts reads it, a UTF-8 character cut by a chunk held back', () => {
    const bytes = Buffer.concat([
      Buffer.from('Größe, naïve, 東京, '.repeat(20)),
      Buffer.from([0x93, 0x71, 0x94]),
      Buffer.from(' café\n'),
    ]);
    const expected = `${'Größe, naïve, 東京, '.repeat(20)}\u201cq\u201d café\n`;
    for (const size of [1, 2, 5, 64, 4096])
      expect(decodeIn(bytes, size)).toEqual({ text: expected, encoding: 'windows-1252', fallback: true });
  });

  test('--encoding forces a charset; a BOM still wins; a UTF-8 BOM is left for the reader to strip', () => {
    const koi8 = fixture('ru.koi8-r.txt');
    const forced = decodeIn(koi8, 100, 'windows-1251');
    expect([forced.encoding, forced.text === new TextDecoder('windows-1251').decode(koi8)]).toEqual([
      'windows-1251',
      true,
    ]);
    expect(decodeIn(Buffer.from('\ufeffa,b\n'), 1, 'koi8-r')).toEqual({
      text: '\ufeffa,b\n',
      encoding: 'utf-8',
      fallback: false,
    });
    // Node's TextDecoder reads windows-1252 as Latin-1: the WHATWG table is applied.
    expect(decodeIn(Buffer.from([0x80, 0x41, 0x9f]), 1, 'windows-1252').text).toBe('€AŸ');
  });

  test('a stream shorter than a BOM is given at its end', () => {
    expect(decodeIn(Buffer.from('a'), 1)).toEqual({ text: 'a', encoding: 'utf-8', fallback: false });
    expect(decodeIn(Buffer.from([0xe9]), 1, 'windows-1251').text).toBe('й');
    expect(decodeIn(Buffer.alloc(0), 1).text).toBe('');
  });

  test('utf8Chunks gives the bytes held back before the error of a stream that fails', async () => {
    async function* failing() {
      yield Buffer.from('{"text":"Всеобщая декларация"}\n{"text":"cut');
      throw new Error('damaged');
    }
    const got: string[] = [];
    await expect(async () => {
      for await (const chunk of utf8Chunks(failing(), new StreamDecoder(null))) got.push(chunk.toString('utf8'));
    }).rejects.toThrow('damaged');
    expect(got).toEqual(['{"text":"Всеобщая декларация"}\n{"text":"cut']);
  });

  test('completeUtf8End leaves out a sequence the end cuts, not a whole one', () => {
    const euro = Buffer.from('a€'); // 61 e2 82 ac
    expect(completeUtf8End(euro)).toBe(4);
    expect(completeUtf8End(euro.subarray(0, 3))).toBe(1);
    expect(completeUtf8End(euro.subarray(0, 2))).toBe(1);
    expect(completeUtf8End(Buffer.from('😀').subarray(0, 3))).toBe(0);
    expect(completeUtf8End(Buffer.from([0x41, 0x93]))).toBe(2);
    expect(completeUtf8End(Buffer.alloc(0))).toBe(0);
  });

  test('readsAsUtf8 tells a file whose raw bytes are its UTF-8 from one that is transcoded', () => {
    const file = (name: string, bytes: Buffer) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    expect(readsAsUtf8(file('u.jsonl', fixture('ru.utf-8.txt')), null)).toBe(true);
    expect(readsAsUtf8(file('w.jsonl', fixture('ru.windows-1251.txt')), null)).toBe(false);
    expect(readsAsUtf8(file('b.jsonl', Buffer.from([0xff, 0xfe, 0x41, 0])), null)).toBe(false);
    expect(readsAsUtf8(path.join(dir, 'u.jsonl'), 'koi8-r')).toBe(false);
    expect(readsAsUtf8(path.join(dir, 'missing.jsonl'), null)).toBe(true);
  });
});
