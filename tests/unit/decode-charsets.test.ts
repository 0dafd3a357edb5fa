import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { canonicalEncoding, DETECT_SAMPLE_BYTES, guessCharsets } from '../../src/core/input/charset.js';
import { decode, MOSTLY_UTF8, utf8Share } from '../../src/core/input/decode.js';
import { countLiteralLines } from '../../src/core/search/count-literal-lines.js';

const DIR = path.join(__dirname, '../fixtures/encodings');
const bytesOf = (name: string): Buffer => fs.readFileSync(path.join(DIR, name));
const originalOf = (name: string): string => fs.readFileSync(path.join(DIR, `${name.split('.')[0]}.utf-8.txt`), 'utf8');

// Each fixture (UDHR text written by Python's codecs), the encoding `encoding` then says, and
// whether it is flagged a guess. Windows-1253 Greek and Windows-1250 Hungarian come out under the
// ISO-8859 sibling that reads their letters alike; GBK under gb18030, its superset. French and
// German stay Windows-1252, flagged as before detection.
const DETECTED: [string, string, boolean][] = [
  ['fr.windows-1252.txt', 'windows-1252', true],
  ['de.windows-1252.txt', 'windows-1252', true],
  ['ru.windows-1251.txt', 'windows-1251', false],
  ['ru.koi8-r.txt', 'koi8-r', false],
  ['ru.iso-8859-5.txt', 'iso-8859-5', false],
  ['bg.windows-1251.txt', 'windows-1251', false],
  ['uk.windows-1251.txt', 'windows-1251', false],
  ['uk.koi8-u.txt', 'koi8-u', false],
  ['cs.iso-8859-2.txt', 'iso-8859-2', false],
  ['cs.windows-1250.txt', 'windows-1250', false],
  ['pl.iso-8859-2.txt', 'iso-8859-2', false],
  ['pl.windows-1250.txt', 'windows-1250', false],
  ['hu.iso-8859-2.txt', 'iso-8859-2', false],
  ['hu.windows-1250.txt', 'iso-8859-2', false],
  ['el.iso-8859-7.txt', 'iso-8859-7', false],
  ['el.windows-1253.txt', 'iso-8859-7', false],
  ['ar.windows-1256.txt', 'windows-1256', false],
  ['ar.iso-8859-6.txt', 'iso-8859-6', false],
  ['fa.windows-1256.txt', 'windows-1256', true],
  ['ja.shift_jis.txt', 'shift_jis', false],
  ['ja.euc-jp.txt', 'euc-jp', false],
  ['ko.euc-kr.txt', 'euc-kr', false],
  ['zh-hans.gbk.txt', 'gb18030', false],
  ['zh-hans.gb18030.txt', 'gb18030', false],
  ['zh-hant.big5.txt', 'big5', false],
];

describe('legacy charsets are detected and decoded', () => {
  test.each(DETECTED)('%s decodes to its UTF-8 original, as %s', (name, encoding, fallback) => {
    expect(decode(bytesOf(name), null)).toEqual({ text: originalOf(name), encoding, fallback });
  });

  test('every fixture of the manifest is in the table above or forced below', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as { file: string }[];
    expect(manifest.map((m) => m.file).sort()).toEqual([...DETECTED.map((d) => d[0]), 'ja.iso-2022-jp.txt'].sort());
  });

  test('ISO-2022-JP is 7-bit, read as UTF-8 unless forced', () => {
    const bytes = bytesOf('ja.iso-2022-jp.txt');
    expect(decode(bytes, null).encoding).toBe('utf-8');
    expect(decode(bytes, 'iso-2022-jp')).toEqual({ text: originalOf('ja'), encoding: 'iso-2022-jp', fallback: false });
  });

  test('a Persian file in Windows-1256 is not read as Arabic ISO-8859-6, its C1 controls tell', () => {
    const bytes = bytesOf('fa.windows-1256.txt');
    expect(guessCharsets(bytes)[0]?.encoding).toBe('iso-8859-6');
    expect(decode(bytes, null).text).toContain('گ');
  });
});

describe('a guess is judged on the sample chardet saw', () => {
  test('a byte the charset leaves undefined, past the sample, does not throw the guess away', () => {
    const russian = bytesOf('ru.windows-1251.txt');
    // 0x98 is undefined in Windows-1251 (read as the C1 control U+0098).
    const bytes = Buffer.concat([russian, russian, Buffer.from([0x98, 0x0a])]);
    expect(bytes.length).toBeGreaterThan(DETECT_SAMPLE_BYTES);
    const decoded = decode(bytes, null);
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toBe(`${originalOf('ru')}${originalOf('ru')}\u0098\n`);
  });
});

describe('--encoding forces an encoding', () => {
  test('a forced encoding is used even where detection would choose another', () => {
    const decoded = decode(bytesOf('ru.windows-1251.txt'), 'koi8-r');
    expect(decoded.encoding).toBe('koi8-r');
    expect(decoded.text.startsWith('бЯЕНАЫЮЪ')).toBe(true);
  });

  test('a byte-order mark wins over a forced encoding, as in ripgrep', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Право', 'utf8')]);
    expect(decode(bytes, 'koi8-r')).toEqual({ text: 'Право', encoding: 'utf-8', fallback: false });
  });

  test('bytes a forced encoding cannot read become U+FFFD', () => {
    expect(decode(Buffer.from([0x41, 0xff, 0x42]), 'utf-8').text).toBe('A\ufffdB');
  });

  test('labels are read as WHATWG reads them', () => {
    expect(canonicalEncoding('cp1251')).toBe('windows-1251');
    expect(canonicalEncoding('latin1')).toBe('windows-1252');
    expect(canonicalEncoding('Shift_JIS')).toBe('shift_jis');
    expect(canonicalEncoding('gb2312')).toBe('gbk');
    expect(canonicalEncoding('utf-32')).toBeNull();
    expect(canonicalEncoding('bogus')).toBeNull();
  });
});

describe('a file that is mostly UTF-8 keeps its UTF-8', () => {
  test('a UTF-8 Russian text with one Latin-1 line: UTF-8, the line as Windows-1252', () => {
    const bytes = Buffer.concat([Buffer.from('Право\n'), Buffer.from('Café\n', 'latin1'), Buffer.from('человека\n')]);
    expect(utf8Share(bytes)).toBeGreaterThanOrEqual(MOSTLY_UTF8);
    expect(decode(bytes, null)).toEqual({ text: 'Право\nCafé\nчеловека\n', encoding: 'windows-1252', fallback: true });
  });

  test('legacy text is far below the mostly-UTF-8 share', () => {
    for (const [name] of DETECTED) expect(utf8Share(bytesOf(name))).toBeLessThan(MOSTLY_UTF8);
  });
});

describe('literal lines counted on raw bytes', () => {
  // Shift_JIS writes ア as 0x83 0x41: its second byte is an `A`.
  const sjis = Buffer.from([0x83, 0x41, 0x42, 0x43, 0x0a, 0x41, 0x42, 0x43, 0x0a]);

  test('a literal after a byte ≥ 0x80 in a file that is not UTF-8 is left to the decoded text', () => {
    expect(countLiteralLines(sjis, [Buffer.from('ABC')], Infinity)).toBeNull();
    expect(countLiteralLines(sjis, [Buffer.from('ABC'), Buffer.from('XYZ')], Infinity)).toBeNull();
    const many = ['ABC', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'];
    expect(
      countLiteralLines(
        sjis,
        many.map((l) => Buffer.from(l)),
        Infinity,
      ),
    ).toBeNull();
  });

  test('in valid UTF-8 a literal after a character ≥ U+0080 is counted on the bytes', () => {
    expect(countLiteralLines(Buffer.from('中文ABC\nABC\n'), [Buffer.from('ABC')], Infinity)).toBe(2);
  });
});
