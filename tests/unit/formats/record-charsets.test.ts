// Files of records in legacy charsets and UTF-16 (tests/fixtures/records-extra, written by
// Python's codecs): each record decoded in the charset detected, or the one a BOM or --encoding
// says, its `encoding` saying which; its other fields kept as `extra`.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { setEncodingOption } from '../../../src/core/input/charset.js';
import { readerFor } from '../../../src/core/input/formats/index.js';
import { RECORD_CHUNK } from '../../../src/core/input/formats/record-source.js';
import { IdRegistry } from '../../../src/core/input/ids.js';
import type { FoundFile } from '../../../src/core/input/walk.js';
import type { DocFormat, SourceDocument } from '../../../src/core/types.js';

const FIXTURES = path.join(__dirname, '../../fixtures/records-extra');
const ORIGINALS = path.join(__dirname, '../../fixtures/encodings');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'record-charsets-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => setEncodingOption(null));

/** The lines of a UDHR text in UTF-8: every record's text is one of them. */
const originalLines = (name: string): string[] =>
  fs.readFileSync(path.join(ORIGINALS, `${name}.utf-8.txt`), 'utf8').split('\n');

function copied(name: string, bytes?: Buffer): FoundFile {
  const absPath = path.join(dir, name);
  fs.writeFileSync(absPath, bytes ?? fs.readFileSync(path.join(FIXTURES, name)));
  return { absPath, relPath: name, displayPath: name };
}

async function readAll(format: DocFormat, file: FoundFile) {
  const reader = readerFor(format);
  if (reader.holds !== 'records') throw new Error(`${format} holds records`);
  const warnings: string[] = [];
  const docs: SourceDocument[] = [];
  for await (const d of reader.read(file, new IdRegistry(), (w, why) => void warnings.push(`${w}: ${why}`)))
    docs.push(d);
  return { docs, warnings };
}

/** What a test checks of each document: id, encoding, fallback, title, extra. */
const summary = (d: SourceDocument) => [
  d.id,
  d.encoding,
  d.encodingFallback ?? false,
  d.fields?.title,
  d.fields?.extra,
];

describe('records in the charset of their file', () => {
  test('a Windows-1251 CSV', async () => {
    const { docs, warnings } = await readAll('csv', copied('ru.windows-1251.csv'));
    expect(warnings).toEqual([]);
    const title = 'Всеобщая декларация прав человека';
    const author = 'Генеральная Ассамблея ООН';
    expect(docs.map(summary)).toEqual([
      ['ru1', 'windows-1251', false, title, { author, section: 'преамбула' }],
      ['ru2', 'windows-1251', false, title, { author, section: 'преамбула' }],
      ['ru3', 'windows-1251', false, title, { author }],
    ]);
    const lines = originalLines('ru');
    for (const d of docs) expect(lines).toContain(d.text);
  });

  test('a Shift_JIS CSV, semicolon-delimited', async () => {
    const { docs, warnings } = await readAll('csv', copied('ja.shift_jis.csv'));
    expect(warnings).toEqual([]);
    expect(docs.map(summary)).toEqual(
      ['ja1', 'ja2', 'ja3'].map((id) => [id, 'shift_jis', false, '『世界人権宣言』', { author: '国際連合総会' }]),
    );
    const lines = originalLines('ja');
    for (const d of docs) expect(lines).toContain(d.text);
  });

  test('Excel\'s "Unicode text": a UTF-16LE TSV with a BOM and CRLF line ends', async () => {
    const { docs, warnings } = await readAll('tsv', copied('fr.utf-16le.tsv'));
    expect(warnings).toEqual([]);
    const extra = { Auteur: 'Assemblée générale des Nations unies', Année: '1948' };
    const title = 'Déclaration universelle des droits de l’homme';
    expect(docs.map(summary)).toEqual([
      ['fr.utf-16le#2', 'utf-16le', false, title, extra],
      ['fr.utf-16le#3', 'utf-16le', false, title, extra],
      ['fr.utf-16le#4', 'utf-16le', false, title, extra],
    ]);
    const lines = originalLines('fr');
    for (const d of docs) expect(lines).toContain(d.text);
  });

  test('a Windows-1252 JSON array: read as decode.ts reads such a file, flagged a guess', async () => {
    const { docs, warnings } = await readAll('json', copied('de.windows-1252.json'));
    expect(warnings).toEqual([]);
    const title = 'Die Allgemeine Erklärung der Menschenrechte';
    const extra = (seite: number) => ({
      author: 'Generalversammlung der Vereinten Nationen',
      tags: ['Menschenrechte', 'Präambel'],
      seite,
      geprüft: true,
      quelle: null,
      ort: { stadt: 'Paris', palais: 'Palais de Chaillot' },
    });
    expect(docs.map(summary)).toEqual([
      ['de1', 'windows-1252', true, title, extra(1)],
      ['de2', 'windows-1252', true, title, extra(2)],
    ]);
    const lines = originalLines('de');
    for (const d of docs) expect(lines).toContain(d.text);
  });

  test('a GBK JSON Lines file, gzipped too', async () => {
    const extra = { 作者: '联合国大会', year: 1948 };
    const expected = ['zh1', 'zh2', 'zh3'].map((id) => [id, 'gb18030', false, '世界人权宣言', extra]);
    const plain = await readAll('jsonl', copied('zh.gbk.jsonl'));
    expect(plain.warnings).toEqual([]);
    expect(plain.docs.map(summary)).toEqual(expected);
    const lines = originalLines('zh-hans');
    for (const d of plain.docs) expect(lines).toContain(d.text);
    const gz = await readAll(
      'jsonl',
      copied('zh.gbk.jsonl.gz', gzipSync(fs.readFileSync(path.join(FIXTURES, 'zh.gbk.jsonl')))),
    );
    expect(gz.docs.map((d) => [d.id, d.encoding, d.text])).toEqual(plain.docs.map((d) => [d.id, d.encoding, d.text]));
  });

  test('rows after a long ASCII start are decoded in the charset their bytes show; those before say utf-8', async () => {
    const ascii = Array.from(
      { length: Math.ceil((RECORD_CHUNK * 2) / 1000) },
      (_, i) => `a${i},${'plain ascii text'.padEnd(990)}\n`,
    );
    const legacy = fs
      .readFileSync(path.join(FIXTURES, 'ru.windows-1251.csv'))
      .subarray('id,title,text,author,section\n'.length);
    const bytes = Buffer.concat([Buffer.from('id,text,title,author,section\n'), Buffer.from(ascii.join('')), legacy]);
    // The legacy rows' columns are id,title,text…: here the header says id,text,title, so their text is the title.
    const { docs } = await readAll('csv', copied('late.csv', bytes));
    expect(docs.length).toBe(ascii.length + 3);
    expect(docs[0]?.encoding).toBe('utf-8');
    expect(docs.slice(-3).map((d) => [d.id, d.encoding, d.text])).toEqual(
      ['ru1', 'ru2', 'ru3'].map((id) => [id, 'windows-1251', 'Всеобщая декларация прав человека']),
    );
  });

  test('--encoding forces the charset of every file of records; a BOM still wins', async () => {
    setEncodingOption('koi8-r');
    const { docs } = await readAll('csv', copied('ru.windows-1251.csv'));
    // Windows-1251 read as KOI8-R: the wrong letters, as asked.
    expect(docs[0]?.encoding).toBe('koi8-r');
    expect(docs[0]?.fields?.title).toBe('бЯЕНАЫЮЪ ДЕЙКЮПЮЖХЪ ОПЮБ ВЕКНБЕЙЮ');
    const tsv = await readAll('tsv', copied('fr.utf-16le.tsv'));
    expect(tsv.docs[0]?.encoding).toBe('utf-16le');
  });
});
