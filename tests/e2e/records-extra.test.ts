// Files of records with fields the tool does not know, in legacy charsets and UTF-16
// (tests/fixtures/records-extra, written by its generate.py): `extra` in the records, picked by
// `list --fields extra.<name>` in every format, kept by the cache; each record's `encoding`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

const FIXTURES = path.join(__dirname, '../fixtures/records-extra');
const FILES = ['de.windows-1252.json', 'fr.utf-16le.tsv', 'ja.shift_jis.csv', 'ru.windows-1251.csv', 'zh.gbk.jsonl'];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-records-extra-e2e-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const at = (...names: string[]): string => path.join(work, ...names);

beforeAll(() => {
  fs.mkdirSync(at('c'));
  for (const name of FILES) fs.copyFileSync(path.join(FIXTURES, name), at('c', name));
  // A record whose extra field is longer than extra keeps, twice: told once.
  fs.mkdirSync(at('cut'));
  const note = 'n'.repeat(10_001);
  const records = [1, 2].map((i) => JSON.stringify({ id: `long${i}`, text: 'A short text.', note }));
  fs.writeFileSync(at('cut', 'long.jsonl'), `${records.join('\n')}\n`);
  fs.mkdirSync(at('plain'));
  fs.writeFileSync(at('plain', 'plain.jsonl'), '{"id":"p1","title":"T","text":"Only a text and a title."}\n');
});

const AUTHORS = {
  de: 'Generalversammlung der Vereinten Nationen',
  ja: '国際連合総会',
  ru: 'Генеральная Ассамблея ООН',
};

describe('records with extra fields, in their charsets', () => {
  test('each record says the encoding it was read in; extra.<name> is its own field, empty where it has none', () => {
    const r = runBin(['list', 'c', '--no-cache', '--fields', 'id,format,encoding,extra.author,title'], { cwd: work });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        `de1\tjson\twindows-1252\t${AUTHORS.de}\tDie Allgemeine Erklärung der Menschenrechte`,
        `de2\tjson\twindows-1252\t${AUTHORS.de}\tDie Allgemeine Erklärung der Menschenrechte`,
        'fr.utf-16le#2\ttsv\tutf-16le\t\tDéclaration universelle des droits de l’homme',
        'fr.utf-16le#3\ttsv\tutf-16le\t\tDéclaration universelle des droits de l’homme',
        'fr.utf-16le#4\ttsv\tutf-16le\t\tDéclaration universelle des droits de l’homme',
        `ja1\tcsv\tshift_jis\t${AUTHORS.ja}\t『世界人権宣言』`,
        `ja2\tcsv\tshift_jis\t${AUTHORS.ja}\t『世界人権宣言』`,
        `ja3\tcsv\tshift_jis\t${AUTHORS.ja}\t『世界人権宣言』`,
        `ru1\tcsv\twindows-1251\t${AUTHORS.ru}\tВсеобщая декларация прав человека`,
        `ru2\tcsv\twindows-1251\t${AUTHORS.ru}\tВсеобщая декларация прав человека`,
        `ru3\tcsv\twindows-1251\t${AUTHORS.ru}\tВсеобщая декларация прав человека`,
        'zh1\tjsonl\tgb18030\t\t世界人权宣言',
        'zh2\tjsonl\tgb18030\t\t世界人权宣言',
        'zh3\tjsonl\tgb18030\t\t世界人权宣言',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
  });

  test('list --json carries a record’s extra as the record holds it, any JSON type; a record without any has none', () => {
    const r = runBin(['list', 'c/de.windows-1252.json', 'c/zh.gbk.jsonl', '--no-cache', '--json'], { cwd: work });
    const records = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(records.map((rec) => [rec.id, rec.lang, rec.extra])).toEqual([
      [
        'de1',
        'deu',
        {
          author: AUTHORS.de,
          tags: ['Menschenrechte', 'Präambel'],
          seite: 1,
          geprüft: true,
          quelle: null,
          ort: { stadt: 'Paris', palais: 'Palais de Chaillot' },
        },
      ],
      ['de2', 'deu', expect.objectContaining({ seite: 2 })],
      ['zh1', 'cmn', { 作者: '联合国大会', year: 1948 }],
      ['zh2', 'cmn', { 作者: '联合国大会', year: 1948 }],
      ['zh3', 'cmn', { 作者: '联合国大会', year: 1948 }],
    ]);
    // Windows-1252 is also what any stray byte reads as: always flagged a guess, as for a text file.
    expect(records[0]?.flags).toContain('encoding-fallback');
    expect(records[2]?.flags).not.toContain('encoding-fallback');
    const plain = runBin(['list', 'plain', '--no-cache', '--json'], { cwd: work });
    expect((JSON.parse(plain.stdout) as Record<string, unknown>[]).map((rec) => [rec.id, 'extra' in rec])).toEqual([
      ['p1', false],
    ]);
  });

  test('--fields extra.<name> in CSV, JSON and the table; a name no record has is null, not an error', () => {
    const fields = ['--fields', 'id,extra.tags,extra.Année,extra.missing'];
    const csv = runBin(
      ['list', 'c/de.windows-1252.json', 'c/fr.utf-16le.tsv', '--no-cache', ...fields, '--format', 'csv'],
      {
        cwd: work,
      },
    );
    expect(csv.stdout).toBe(
      [
        'id,extra.tags,extra.Année,extra.missing',
        'de1,"Menschenrechte,Präambel",,',
        'de2,"Menschenrechte,Präambel",,',
        'fr.utf-16le#2,,1948,',
        'fr.utf-16le#3,,1948,',
        'fr.utf-16le#4,,1948,',
        '',
      ].join('\n'),
    );
    const json = runBin(['list', 'c/de.windows-1252.json', '--no-cache', ...fields, '--json'], { cwd: work });
    expect(JSON.parse(json.stdout)).toEqual(
      ['de1', 'de2'].map((id) => ({
        id,
        extra: { tags: ['Menschenrechte', 'Präambel'], Année: null, missing: null },
      })),
    );
    const table = runBin(
      ['list', 'c/ja.shift_jis.csv', '--no-cache', '--fields', 'id,extra.author', '--format', 'table'],
      {
        cwd: work,
      },
    );
    expect(table.stdout.split('\n').map((line) => line.trimEnd())).toEqual([
      'ID   EXTRA.AUTHOR',
      `ja1  ${AUTHORS.ja}`,
      `ja2  ${AUTHORS.ja}`,
      `ja3  ${AUTHORS.ja}`,
      '',
    ]);
  });

  test('a name that is no field of the record is still an error, and says how to name a record’s own field', () => {
    const r = runBin(['list', 'c', '--no-cache', '--fields', 'id,author'], { cwd: work });
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("corpus: --fields: unknown field 'author' (fields: id, path, format,");
    expect(r.stderr).toContain("provenance, extra; a record's own field: extra.<name>)");
    expect(r.status).toBe(2);
  });

  test('extra survives the cache: a second run gives the same records from it', () => {
    const env = { XDG_CACHE_HOME: at('cache') };
    const cold = runBin(['list', 'c', '--format', 'jsonl'], { cwd: work, env });
    // One cache file (and beside it, the near duplicates the run looked for).
    expect(fs.readdirSync(at('cache', 'corpus')).filter((name) => name.endsWith('.jsonl'))).toHaveLength(1);
    const warm = runBin(['list', 'c', '--format', 'jsonl'], { cwd: work, env });
    expect(warm.stdout).toBe(cold.stdout);
    const ru1 = JSON.parse(warm.stdout.split('\n')[8] as string) as Record<string, unknown>;
    expect([ru1.id, ru1.encoding, ru1.extra]).toEqual([
      'ru1',
      'windows-1251',
      { author: AUTHORS.ru, section: 'преамбула' },
    ]);
    const picked = runBin(['list', 'c', '--fields', 'id,extra.author', '--format', 'csv'], { cwd: work, env });
    expect(picked.stdout.split('\n')[9]).toBe(`ru1,${AUTHORS.ru}`);
  });

  test('an extra field cut to its bound is told once a file, and again from the cache', () => {
    const env = { XDG_CACHE_HOME: at('cut-cache') };
    const why =
      "corpus: warning: cut/long.jsonl:1: extra field 'note' cut to 10,000 characters " +
      '(extra keeps 100 fields a record and 10,000 characters a field; told once a file)\n';
    for (const run of ['cold', 'warm']) {
      const r = runBin(['list', 'cut', '--fields', 'id,extra.note', '--json'], { cwd: work, env });
      expect([run, r.stderr]).toEqual([run, why]);
      const notes = (JSON.parse(r.stdout) as { extra: { note: string } }[]).map((rec) => rec.extra.note);
      expect(notes).toEqual([`${'n'.repeat(10_000)}…`, `${'n'.repeat(10_000)}…`]);
    }
  });

  test('grep finds words in Windows-1251 CSV rows and GBK JSON Lines records', () => {
    const r = runBin(['grep', '-c', 'человека', 'c', '--no-cache'], { cwd: work });
    expect(r.stdout).toBe('ru2:1\nru3:1\n');
    const zh = runBin(['grep', '-c', '联合国', 'c', '--no-cache'], { cwd: work });
    expect(zh.stdout).toBe('zh2:1\n');
  });

  test('--encoding forces the charset of files of records too; a BOM still wins', () => {
    const r = runBin(
      ['list', 'c/ru.windows-1251.csv', 'c/fr.utf-16le.tsv', '-E', 'koi8-r', '--fields', 'id,encoding,title'],
      {
        cwd: work,
      },
    );
    // Windows-1251 read as KOI8-R: the wrong letters, as asked.
    expect(r.stdout.split('\n').slice(2, 4)).toEqual([
      'ru3\tkoi8-r\tбЯЕНАЫЮЪ ДЕЙКЮПЮЖХЪ ОПЮБ ВЕКНБЕЙЮ',
      'fr.utf-16le#2\tutf-16le\tDéclaration universelle des droits de l’homme',
    ]);
  });
});
