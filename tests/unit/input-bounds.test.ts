// The bounded readers and decoders: the size limit while reading and inflating, damaged gzip,
// mixed encodings, names that are not UTF-8, brace expansion, the cap on bad-line warnings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { braceExpansions } from '../../src/core/input/braces.js';
import { byteLines, OVERSIZE_LINE } from '../../src/core/input/byte-lines.js';
import { decode } from '../../src/core/input/decode.js';
import { escapedName, fsPath, shownPath } from '../../src/core/input/file-names.js';
import { readJsonl } from '../../src/core/input/formats/jsonl.js';
import { readTextFile } from '../../src/core/input/formats/text.js';
import { gunzipSync, recoverGzip } from '../../src/core/input/gzip.js';
import { IdRegistry } from '../../src/core/input/ids.js';
import { formatSize, parseSize, setMaxFileSize, DEFAULT_MAX_FILE_SIZE } from '../../src/core/input/limits.js';
import { readWhole } from '../../src/core/input/read-file.js';
import { walkFiles } from '../../src/core/input/walk.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bounds-'));
afterAll(() => {
  setMaxFileSize(DEFAULT_MAX_FILE_SIZE);
  fs.rmSync(dir, { recursive: true, force: true });
});
const at = (name: string): string => path.join(dir, name);
const file = (name: string) => ({ absPath: at(name), relPath: name, displayPath: name });

describe('--max-filesize', () => {
  test('sizes are whole numbers of bytes with an optional K, M or G', () => {
    expect(parseSize('512K')).toBe(512 * 1024);
    expect(parseSize('256m')).toBe(256 * 1024 * 1024);
    expect(parseSize('2G')).toBe(2 * 1024 ** 3);
    expect(parseSize('1000')).toBe(1000);
    expect(parseSize('1.5M')).toBeNull();
    expect(parseSize('12Q')).toBeNull();
    expect(parseSize('')).toBeNull();
    expect(parseSize('-1K')).toBeNull();
    expect(formatSize(256 * 1024 * 1024)).toBe('256M');
    expect(formatSize(1500)).toBe('1500');
  });

  test('a sparse giant is refused on its size before a byte is read', () => {
    fs.writeFileSync(at('giant.txt'), 'text');
    fs.truncateSync(at('giant.txt'), 3 * 1024 * 1024);
    expect(() => readWhole(at('giant.txt'), 1024 * 1024)).toThrow(
      'bigger than --max-filesize (1M), skipped; a larger --max-filesize reads it',
    );
    expect(readWhole(at('giant.txt'), 4 * 1024 * 1024).length).toBe(3 * 1024 * 1024);
  });

  test('a gzip bomb is cut at --max-filesize while it inflates', () => {
    const bomb = zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024, 'a'));
    expect(() => gunzipSync(bomb, 1024 * 1024)).toThrow('bigger than --max-filesize (1M), skipped');
    expect(gunzipSync(bomb, 8 * 1024 * 1024).length).toBe(8 * 1024 * 1024);
  });

  test('a text file over the limit is a warning, and the limit holds for the whole process', () => {
    fs.writeFileSync(at('two-k.txt'), 'word '.repeat(400));
    const warnings: string[] = [];
    setMaxFileSize(1024);
    expect(readTextFile(file('two-k.txt'), (where, why) => warnings.push(`${where}: ${why}`))).toBeNull();
    setMaxFileSize(DEFAULT_MAX_FILE_SIZE);
    expect(warnings).toEqual(['two-k.txt: bigger than --max-filesize (1K), skipped; a larger --max-filesize reads it']);
  });

  test('a JSON Lines record longer than the limit is dropped as it comes, the records around it kept', async () => {
    const chunks = [Buffer.from('{"text":"a"}\n{"text":"'), Buffer.alloc(3000, 'x'), Buffer.from('"}\n{"text":"b"}\n')];
    const lines: Buffer[] = [];
    for await (const batch of byteLines(Readable.from(chunks, { objectMode: true }), 1000)) lines.push(...batch);
    expect(lines.map((l) => (l === OVERSIZE_LINE ? 'OVERSIZE' : l.toString()))).toEqual([
      '{"text":"a"}',
      'OVERSIZE',
      '{"text":"b"}',
    ]);
  });
});

describe('damaged gzip', () => {
  const records = Array.from({ length: 3 }, (_, i) => JSON.stringify({ id: `r${i + 1}`, text: `record ${i + 1}` }));

  test('a gzip member followed by garbage keeps its records, and the warning says after which line', async () => {
    const member = zlib.gzipSync(`${records.join('\n')}\n`);
    fs.writeFileSync(at('garbage.jsonl.gz'), Buffer.concat([member, Buffer.from('garbage after the member\n')]));
    const warnings: string[] = [];
    const ids: string[] = [];
    for await (const doc of readJsonl(file('garbage.jsonl.gz'), new IdRegistry(), (w, why) =>
      warnings.push(`${w}: ${why}`),
    ))
      ids.push(doc.id);
    expect(ids).toEqual(['r1', 'r2', 'r3']);
    expect(warnings).toEqual([
      'garbage.jsonl.gz: gzip data damaged after line 3 (incorrect header check): the records before it kept',
    ]);
    expect(recoverGzip(fs.readFileSync(at('garbage.jsonl.gz')), 1 << 20)?.end).toBe(member.length + 1);
  });

  test('a truncated .jsonl.gz keeps the complete records before the cut', async () => {
    const whole = zlib.gzipSync(`${records.join('\n')}\n`, { level: 0 });
    fs.writeFileSync(at('cut.jsonl.gz'), whole.subarray(0, whole.length - 20));
    const warnings: string[] = [];
    const ids: string[] = [];
    for await (const doc of readJsonl(file('cut.jsonl.gz'), new IdRegistry(), (w, why) =>
      warnings.push(`${w}: ${why}`),
    ))
      ids.push(doc.id);
    expect(ids).toEqual(['r1', 'r2']);
    expect(warnings).toEqual([
      'cut.jsonl.gz: gzip data cut short after line 2 (unexpected end of file): the records before it kept',
    ]);
  });

  test('a truncated .txt.gz is skipped with where it was cut', () => {
    const whole = zlib.gzipSync('some text\n'.repeat(10), { level: 0 });
    expect(() => gunzipSync(whole.subarray(0, whole.length - 10), 1 << 20)).toThrow(
      `gzip data cut short after ${whole.length - 10} bytes (unexpected end of file), skipped`,
    );
  });
});

describe('bad lines of one file', () => {
  test('the first ten are warned of, then one warning counts the rest', async () => {
    const lines = [...Array.from({ length: 25 }, (_, i) => `{bad ${i}`), '{"id":"good","text":"fine"}'];
    fs.writeFileSync(at('many-bad.jsonl'), `${lines.join('\n')}\n`);
    const warnings: string[] = [];
    const ids: string[] = [];
    for await (const doc of readJsonl(file('many-bad.jsonl'), new IdRegistry(), (w, why) =>
      warnings.push(`${w}: ${why}`),
    ))
      ids.push(doc.id);
    expect(ids).toEqual(['good']);
    expect(warnings).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `many-bad.jsonl:${i + 1}: not valid JSON, skipped`),
      'many-bad.jsonl:26: and 15 more lines holding no record, not warned of one by one',
    ]);
  });
});

describe('decoding', () => {
  test('a UTF-8 file with one Latin-1 line keeps its UTF-8 and reads the bad bytes as Windows-1252', () => {
    const bytes = Buffer.concat([
      Buffer.from('Biélorussie — “ok”\n', 'utf8'),
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x78, 0x94, 0x0a]),
      Buffer.from('Straße\n', 'utf8'),
    ]);
    expect(decode(bytes)).toEqual({
      text: 'Biélorussie — “ok”\nCafé “x”\nStraße\n',
      encoding: 'windows-1252',
      fallback: true,
    });
  });

  test('overlong forms, surrogates and a cut sequence are not UTF-8', () => {
    expect(decode(Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x41, 0xe2, 0x82])).text).toBe('À¯í\u00a0€Aâ‚');
  });
});

describe('file names that are not UTF-8', () => {
  test('a bad byte travels as a lone surrogate, opens as the byte, shows as \\xNN', () => {
    const bytes = Buffer.concat([Buffer.from('latin1-'), Buffer.from([0xe9]), Buffer.from('.txt')]);
    const name = escapedName(bytes);
    expect(name).toBe('latin1-\udce9.txt');
    expect(fsPath(`/x/${name}`)).toEqual(Buffer.concat([Buffer.from('/x/'), bytes]));
    expect(fsPath('/x/été.txt')).toBe('/x/été.txt');
    expect(shownPath(name)).toBe('latin1-\\xE9.txt');
  });

  test('a file whose name is not UTF-8 is found by the walk and read', () => {
    const sub = at('names');
    fs.mkdirSync(sub);
    fs.writeFileSync(
      Buffer.concat([Buffer.from(`${sub}/latin1-`), Buffer.from([0xe9]), Buffer.from('.txt')]),
      'Le café.\n',
    );
    fs.writeFileSync(path.join(sub, 'plain.txt'), 'Plain.\n');
    const found = [...walkFiles([{ given: sub }], { cwd: '/' })];
    expect(found.map((f) => f.displayPath)).toEqual([`${sub}/latin1-\\xE9.txt`, `${sub}/plain.txt`]);
    expect(readTextFile(found[0]!, () => {})).toEqual({ bytes: 10, encoding: 'utf-8', text: 'Le café.\n' });
  });
});

describe('brace expansion', () => {
  test('is counted without expanding', () => {
    expect(braceExpansions('*.{txt,md}')).toBe(2);
    expect(braceExpansions('{a,{b,c}}/{1..10}')).toBe(30);
    expect(braceExpansions('{a}\\{b,c}')).toBe(1);
    expect(braceExpansions('{a,b}'.repeat(20))).toBe(1048576);
  });

  test('a glob past the bound is refused with a warning, as a missing input', () => {
    const warnings: string[] = [];
    const missing: string[] = [];
    const glob = `${'{a,b}'.repeat(20)}*.txt`;
    const found = [
      ...walkFiles([{ given: glob }], { cwd: dir, onWarning: (w, why) => warnings.push(`${w}: ${why}`) }, missing),
    ];
    expect(found).toEqual([]);
    expect(missing).toEqual([glob]);
    expect(warnings).toEqual([`${glob}: its braces expand to 1048576 patterns, more than 10000: not read`]);
  });
});
