// CSV, TSV and JSON beside JSON Lines, through the built bin/corpus: every command reads a row or
// an element as a document, with the same warnings, cold or from the cache, with or without workers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';

const FIXTURE = path.join(ROOT, 'tests/fixtures/formats');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-formats-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const WARNINGS = [
  'corpus: warning: articles.json:2: no text, content, body, article or full_text field, skipped',
  'corpus: warning: articles.json:3: not a JSON object, skipped',
  'corpus: warning: news.csv:5: a broken quote (a closing quote followed by more text): row skipped, read on from line 6',
  'corpus: warning: notext.csv:1: no text, content, body, article or full_text column; the columns are: name, comment; no row read',
];

const LIST = [
  'a1\teng\t2022-05-06\t9\t\tArray one',
  'articles#4\teng\t\t8\tWire\t',
  'l1\tund\t\t7\t\t',
  'n1\teng\t2023-01-05\t10\t\tHarbour reopens',
  'n2\teng\t2023-02-01\t8\t\tQuotes',
  'n4\teng\t2023-03-01\t9\t\tAfter the break',
  'semicolon#2\tfra\t2023-04-01\t8\t\tPremier',
  'semicolon#3\tund\t2023-04-02\t6\t\tDeuxième',
  'single#1\teng\t\t8\t\tA single object',
  't1\teng\t\t8\t\tTabbed one',
  't2\teng\t\t4\t\tTabbed two',
];

const lines = (s: string) => s.split('\n').filter((l) => l !== '');

describe('CSV, TSV and JSON in a mixed folder', () => {
  test('list gives a document a row or an element, and warns of the bad ones, cold and from the cache', () => {
    const env = { XDG_CACHE_HOME: path.join(tmp, 'cache') };
    for (const run of ['cold', 'warm']) {
      const r = runBin(['list', '.'], { cwd: FIXTURE, env });
      expect([run, lines(r.stdout)]).toEqual([run, LIST]);
      expect([run, lines(r.stderr)]).toEqual([run, WARNINGS]);
      expect(r.status).toBe(0);
    }
  });

  test('rows over several lines, and blank lines, keep their line numbers when served from the cache', () => {
    const dir = path.join(tmp, 'multi');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'rows.csv'), 'text\n"one\ntwo\nthree"\n\n\nfour\n"five\nsix"\n');
    const env = { XDG_CACHE_HOME: path.join(tmp, 'cache-multi') };
    for (const run of ['cold', 'warm']) {
      const r = runBin(['list', '.'], { cwd: dir, env });
      expect([run, lines(r.stdout).map((l) => l.split('\t')[0])]).toEqual([run, ['rows#2', 'rows#7', 'rows#8']]);
    }
    const cache = fs.readdirSync(path.join(tmp, 'cache-multi', 'corpus'));
    const held = fs.readFileSync(path.join(tmp, 'cache-multi', 'corpus', cache[0] as string), 'utf8');
    // The header, then line 3 and the run of the 3 lines after it (9, after the last row, is not needed).
    expect(held).toContain('"j":{"n":3,"skip":[1,3,-3],"warn":[]}');
  });

  test('show gives a row whose quoted text runs over two lines, and an element by its index', () => {
    const r = runBin(['show', '--corpus', '.', 'n1', 'articles#4', '--no-cache'], { cwd: FIXTURE });
    expect(r.stdout).toBe(
      'The harbour reopened on Monday.\nFishing boats returned at dawn.\nThe fourth element has content instead of text.\n',
    );
    expect(r.status).toBe(0);
  });

  test('grep finds lines of the rows and elements, numbered in their own text, with or without workers', () => {
    const nested = path.join(tmp, 'nested');
    fs.cpSync(FIXTURE, path.join(nested, 'sub'), { recursive: true });
    const expected = [
      'a1:1:The first element of the array mentions the harbour.',
      'n1:1:The harbour reopened on Monday.',
      'sub/single#1:1:One object is one document about the harbour.',
      't1:1:The first tabbed row speaks of the harbour.',
    ];
    for (const jobs of ['1', '2']) {
      // Workers from the first file on: subfolders are walked, and searched, in them.
      const env = { CORPUS_GREP_PARALLEL_FROM: '1' };
      const r = runBin(['grep', '-i', 'harbour', '-j', jobs, '--no-cache', '.'], { cwd: nested, env });
      expect([jobs, lines(r.stdout)]).toEqual([jobs, expected]);
      const c = runBin(['grep', '-c', 'harbour', '-j', jobs, '--no-cache', '.'], { cwd: nested, env });
      expect([jobs, lines(c.stdout)]).toEqual([jobs, ['a1:1', 'n1:1', 'sub/single#1:1', 't1:1']]);
      expect(lines(c.stderr)).toEqual(WARNINGS.map((w) => w.replace('warning: ', 'warning: sub/')));
    }
  });

  test('summarise counts every row and element read', () => {
    const r = runBin(['summarise', '--only', 'overview', '--no-cache', '.'], { cwd: FIXTURE });
    expect(lines(r.stdout).slice(0, 3)).toEqual([
      'overview\tdocuments\t11',
      'overview\tbytes\t810',
      'overview\twords\t85',
    ]);
  });

  test('--text-field and --id-field choose the field in every format of records, the cache left aside', () => {
    const env = { XDG_CACHE_HOME: path.join(tmp, 'cache-fields') };
    const r = runBin(['list', '--text-field', 'title', '--id-field', 'title', '.'], { cwd: FIXTURE, env });
    expect(lines(r.stdout).map((l) => l.split('\t')[0])).toEqual([
      'Array one',
      'No text here',
      'Harbour reopens',
      'Quotes',
      'After the break',
      'Premier',
      'Deuxième',
      'A single object',
      'Tabbed one',
      'Tabbed two',
    ]);
    expect(fs.existsSync(path.join(tmp, 'cache-fields'))).toBe(false);
  });

  test('a gzipped CSV and a gzipped JSON file read as the plain ones', async () => {
    const { gzipSync } = await import('node:zlib');
    const gz = path.join(tmp, 'gz');
    fs.mkdirSync(gz);
    fs.writeFileSync(path.join(gz, 'news.csv.gz'), gzipSync(fs.readFileSync(path.join(FIXTURE, 'news.csv'))));
    fs.writeFileSync(path.join(gz, 'single.json.gz'), gzipSync(fs.readFileSync(path.join(FIXTURE, 'single.json'))));
    const r = runBin(['list', '--no-cache', '.'], { cwd: gz });
    expect(lines(r.stdout).map((l) => l.split('\t')[0])).toEqual(['n1', 'n2', 'n4', 'single#1']);
  });
});
