// Files in legacy encodings (UDHR text written by Python's codecs, tests/fixtures/encodings):
// listed with the language and encoding detected, searched and shown as text, --encoding forcing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

const FIXTURES = path.join(__dirname, '../fixtures/encodings');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-encodings-e2e-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const at = (...names: string[]): string => path.join(work, ...names);
const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES, name));

beforeAll(() => {
  fs.mkdirSync(at('c'));
  for (const name of [
    'ru.windows-1251.txt',
    'ru.koi8-r.txt',
    'ja.shift_jis.txt',
    'zh-hant.big5.txt',
    'el.iso-8859-7.txt',
  ])
    fs.copyFileSync(path.join(FIXTURES, name), at('c', name));
  // Shift_JIS writes ア as 0x83 0x41, an `A` for the bytes: `アBC` holds no `ABC`, its bytes do.
  fs.mkdirSync(at('sjis'));
  const line = Buffer.from('ABC in plain ASCII\n');
  const sjis = Buffer.from([0x83, 0x41, 0x42, 0x43, 0x0a]);
  fs.writeFileSync(at('sjis', 'legacy.txt'), Buffer.concat([fixture('ja.shift_jis.txt'), sjis, line]));
  fs.writeFileSync(at('sjis', 'unicode.txt'), Buffer.concat([fixture('ja.utf-8.txt'), Buffer.from('アBC\n'), line]));
});

describe('legacy encodings', () => {
  test('list gives each file its language and detected encoding', () => {
    const r = runBin(['list', 'c', '--no-cache', '--fields', 'id,lang,encoding'], { cwd: work });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'el.iso-8859-7\tell\tiso-8859-7',
        'ja.shift_jis\tjpn\tshift_jis',
        'ru.koi8-r\trus\tkoi8-r',
        'ru.windows-1251\trus\twindows-1251',
        'zh-hant.big5\tcmn\tbig5',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
  });

  test.each([['1'], ['2']])('grep finds a Russian word in Windows-1251 and KOI8-R files (--jobs %s)', (jobs) => {
    const r = runBin(['grep', '-c', '--jobs', jobs, 'человека', 'c', '--no-cache'], { cwd: work });
    expect(r.stdout).toBe('ru.koi8-r:6\nru.windows-1251:6\n');
    expect(r.status).toBe(0);
  });

  test('grep -c -F on a Shift_JIS file counts what its UTF-8 conversion counts', () => {
    const r = runBin(['grep', '-c', '-F', 'ABC', 'sjis', '--no-cache'], { cwd: work });
    expect(r.stdout).toBe('legacy:1\nunicode:1\n');
    expect(r.status).toBe(0);
  });

  test('show prints the decoded text', () => {
    const r = runBin(['show', '--corpus', 'c', 'ru.koi8-r', '--no-cache'], { cwd: work });
    expect(r.stdout).toBe(fixture('ru.utf-8.txt').toString('utf8'));
    expect(r.status).toBe(0);
  });

  test('--encoding koi8-r forces KOI8-R on every file, in list and in grep', () => {
    const list = runBin(['list', 'c', '--encoding', 'koi8-r', '--fields', 'id,encoding'], { cwd: work });
    expect(
      list.stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split('\t')[1]),
    ).toEqual(Array(5).fill('koi8-r'));
    const grep = runBin(['grep', '-c', '-j', '2', '-E', 'koi8-r', 'человека', 'c'], { cwd: work });
    expect(grep.stdout).toBe('ru.koi8-r:6\n');
  });

  test('an --encoding TextDecoder does not know is a usage error naming the valid ones', () => {
    const r = runBin(['list', 'c', '--encoding', 'klingon'], { cwd: work });
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^corpus: --encoding takes auto or an encoding label .*koi8-r, .*shift_jis, .*; not 'klingon'\n$/,
    );
    expect(r.status).toBe(2);
  });
});
