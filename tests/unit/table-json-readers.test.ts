// The CSV, TSV and JSON readers: a document a row or an element, its place its first line or its
// index, its fields by name (any case for columns) or by --text-field and the like; bad rows and
// elements are warnings, and what comes before and after them is read.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { parse } from 'csv-parse';
import { mayUseGrepWorker } from '../../src/cli/early-grep-worker.js';
import { CsvRows, sniffDelimiter } from '../../src/core/input/formats/csv-rows.js';
import { columnPlan, setFieldChoice } from '../../src/core/input/formats/fields.js';
import { readerFor } from '../../src/core/input/formats/index.js';
import type { RecordTrack } from '../../src/core/input/formats/format-reader.js';
import { JsonElements } from '../../src/core/input/formats/json-elements.js';
import { parseJsonlLine } from '../../src/core/input/formats/jsonl.js';
import { IdRegistry } from '../../src/core/input/ids.js';
import { setMaxFileSize, DEFAULT_MAX_FILE_SIZE } from '../../src/core/input/limits.js';
import type { FoundFile } from '../../src/core/input/walk.js';
import type { DocFormat } from '../../src/core/types.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'table-json-readers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  setFieldChoice({});
  setMaxFileSize(DEFAULT_MAX_FILE_SIZE);
});

function fileOf(relPath: string, bytes: Buffer | string): FoundFile {
  const absPath = path.join(dir, relPath);
  fs.mkdirSync(path.dirname(absPath), { recursive: true });
  fs.writeFileSync(absPath, bytes);
  return { absPath, relPath, displayPath: relPath };
}

/** The documents of a file as [id, place, text, fields], its warnings, and what `track` was told. */
async function readAll(format: DocFormat, file: FoundFile) {
  const reader = readerFor(format);
  if (reader.holds !== 'records') throw new Error(`${format} holds records`);
  const warnings: string[] = [];
  const told: string[] = [];
  const track: RecordTrack = {
    skipped: (line, why) => void told.push(`skip ${line}${why === null ? '' : `: ${why}`}`),
    warned: (line, why) => void told.push(`warned ${line}: ${why}`),
    failed: () => void told.push('failed'),
  };
  const docs = [];
  for await (const d of reader.read(
    file,
    new IdRegistry(),
    (w, why) => warnings.push(`${w}: ${why}`),
    undefined,
    undefined,
    track,
  ))
    docs.push([d.id, d.recordLine, d.text, d.fields]);
  return { docs, warnings, told };
}

describe('CSV and TSV', () => {
  test('a row is a document at the line it starts on, quoted line breaks, doubled quotes and a BOM read', async () => {
    const csv = '\uFEFFID,Title,TEXT,Date\nn1,One,"line one\nline two",2023-01-05\n\n"n2",Two,"say ""hi""",\n,,bare,\n';
    const { docs, warnings, told } = await readAll('csv', fileOf('t/news.csv', csv));
    expect(docs).toEqual([
      ['n1', 2, 'line one\nline two', { id: 'n1', title: 'One', date: '2023-01-05' }],
      ['n2', 5, 'say "hi"', { id: 'n2', title: 'Two' }],
      ['t/news#6', 6, 'bare', {}],
    ]);
    expect(warnings).toEqual([]);
    // The header, the row's second line and the blank line hold no row.
    expect(told).toEqual(['skip 1', 'skip 3', 'skip 4']);
  });

  test('a quoted CRLF is one line break: the next row starts on the line after it', async () => {
    const { docs } = await readAll('csv', fileOf('t/crlf.csv', 'text\r\n"a\r\nb"\r\nc\r\n'));
    expect(docs.map(([, line, text]) => [line, text])).toEqual([
      [2, 'a\r\nb'],
      [4, 'c'],
    ]);
  });

  test('a row with a broken quote is a warning at its line; the rows before and after it are read', async () => {
    const csv = 'text\nbefore\n"a broken "quote\nafter\n"never closed\nlast\n';
    const { docs, warnings } = await readAll('csv', fileOf('t/broken.csv', csv));
    expect(docs.map(([id, line, text]) => [id, line, text])).toEqual([
      ['t/broken#2', 2, 'before'],
      ['t/broken#4', 4, 'after'],
      ['t/broken#6', 6, 'last'],
    ]);
    expect(warnings).toEqual([
      't/broken.csv:3: a broken quote (a closing quote followed by more text): row skipped, read on from line 4',
      't/broken.csv:5: a quote that never closes: row skipped, read on from line 6',
    ]);
  });

  test('a .csv file delimited by semicolons or tabs is sniffed from its header; a .tsv file is tab-delimited', async () => {
    expect(sniffDelimiter(Buffer.from('a;b;"c,d,e"\n1,2,3,4'))).toBe(';');
    expect(sniffDelimiter(Buffer.from('a\tb\tc\n'))).toBe('\t');
    expect(sniffDelimiter(Buffer.from('a,b\n'))).toBe(',');
    const semi = await readAll('csv', fileOf('t/semi.csv', 'title;content\nT;"a; b, c"\n'));
    expect(semi.docs).toEqual([['t/semi#2', 2, 'a; b, c', { title: 'T' }]]);
    const tsv = await readAll('tsv', fileOf('t/tab.tsv.gz', gzipSync('id,x\tbody\nk,1\tthe body\n')));
    expect(tsv.docs).toEqual([['t/tab#2', 2, 'the body', { extra: { 'id,x': 'k,1' } }]]);
  });

  test('a table without a text column is one warning listing its columns, and no row', async () => {
    const { docs, warnings, told } = await readAll('csv', fileOf('t/none.csv', 'name,comment\na,b\nc,d\n'));
    expect(docs).toEqual([]);
    const why = 'no text, content, body, article or full_text column; the columns are: name, comment; no row read';
    expect(warnings).toEqual([`t/none.csv:1: ${why}`]);
    expect(told).toEqual([`warned 1: ${why}`]);
  });

  test('--text-field and --id-field choose the columns, in any case', async () => {
    setFieldChoice({ text: 'Comment', id: 'NAME' });
    const { docs } = await readAll('csv', fileOf('t/chosen.csv', 'name,comment,text\na,the comment,the text\n'));
    // The usual text column, not chosen, is one the tool does not know: kept as `extra`.
    expect(docs).toEqual([['a', 2, 'the comment', { id: 'a', extra: { text: 'the text' } }]]);
    expect(columnPlan(['x'])).toBe('no Comment column; the columns are: x; no row read');
  });

  test('a row bigger than --max-filesize is a warning, and the rows after it are read', async () => {
    setMaxFileSize(64);
    const csv = `text\nsmall\n"${'x'.repeat(100)}"\nafter\n`;
    const { docs, warnings } = await readAll('csv', fileOf('t/big.csv', csv));
    expect(docs.map(([, line, text]) => [line, text])).toEqual([
      [2, 'small'],
      [4, 'after'],
    ]);
    expect(warnings).toEqual([
      't/big.csv:3: bigger than --max-filesize (64), skipped; a larger --max-filesize reads it',
    ]);
  });

  test('a quote that never closes in a big file costs its row: reading goes on at its next line', async () => {
    setMaxFileSize(1024);
    // Bigger than a chunk read at a time, so the open quote is found growing, not at the end.
    const csv = `text\n"open\n${'row\n'.repeat(400_000)}`;
    const { docs, warnings } = await readAll('csv', fileOf('t/open.csv', csv));
    expect(docs.length).toBe(400_000);
    expect(docs[0]?.slice(1, 3)).toEqual([3, 'row']);
    expect(docs[docs.length - 1]?.slice(1, 3)).toEqual([400_002, 'row']);
    expect(warnings).toEqual([
      't/open.csv:2: a row bigger than --max-filesize (1K), or a quote that never closes: row skipped, read on from line 3',
    ]);
  });

  test('rows cut across chunks anywhere, inside a character or a quote, read the same', async () => {
    const csv = Buffer.from('text,id\n"é ""q""\nx",1\nçà,2\n"a,b",3\n');
    const whole = await rowsOf([csv]);
    expect(whole).toEqual([
      [1, 'text|id'],
      [2, 'é "q"\nx|1'],
      [4, 'çà|2'],
      [5, 'a,b|3'],
    ]);
    for (let cut = 1; cut < csv.length; cut++)
      expect(await rowsOf([csv.subarray(0, cut), csv.subarray(cut)])).toEqual(whole);
  });
});

/** The rows CsvRows gives for the chunks, as [line, cells joined with |]. */
async function rowsOf(chunks: Buffer[]): Promise<[number, string][]> {
  const rows = new CsvRows(parse, ',', 1 << 20);
  const items = chunks.flatMap((c) => rows.feed(c));
  const rest = await rows.end();
  return [...items, ...rest].map((r) => [r.line, r.kind === 'row' ? r.cells.join('|') : `bad: ${r.why}`]);
}

describe('JSON', () => {
  test('an array gives a document an object, at its index; other elements are warnings', async () => {
    const json =
      '\uFEFF[ {"id":"a1","text":"one, [two]","title":"T"},\n {"title":"no text"}, 42, "s",\n {"content":"five \\"q\\" }"} ]\n';
    const { docs, warnings, told } = await readAll('json', fileOf('j/arr.json', json));
    expect(docs).toEqual([
      ['a1', 1, 'one, [two]', { id: 'a1', title: 'T' }],
      ['j/arr#5', 5, 'five "q" }', {}],
    ]);
    expect(warnings).toEqual([
      'j/arr.json:2: no text, content, body, article or full_text field, skipped',
      'j/arr.json:3: not a JSON object, skipped',
      'j/arr.json:4: not a JSON object, skipped',
    ]);
    expect(told).toEqual([
      'skip 2: no text, content, body, article or full_text field, skipped',
      'skip 3: not a JSON object, skipped',
      'skip 4: not a JSON object, skipped',
    ]);
  });

  test('a stray closing brace in an array is an element that is not JSON, not a hang', async () => {
    const { docs, warnings } = await readAll('json', fileOf('j/stray.json', '[}, {"text":"after"}]'));
    expect(docs).toEqual([['j/stray#2', 2, 'after', {}]]);
    expect(warnings).toEqual(['j/stray.json:1: not valid JSON, skipped']);
  });

  test('one object is one document; objects one after another are one each', async () => {
    expect((await readAll('json', fileOf('j/one.json', '{"body":"alone"}'))).docs).toEqual([
      ['j/one#1', 1, 'alone', {}],
    ]);
    const many = await readAll('json', fileOf('j/many.json.gz', gzipSync('{"text":"a"}\n{"text":"b"}\n')));
    expect(many.docs.map(([, n, t]) => [n, t])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  test('an array cut short keeps the elements before the cut, with a warning', async () => {
    const { docs, warnings, told } = await readAll(
      'json',
      fileOf('j/cut.json', '[{"text":"a"},{"text":"b"},{"text":"c'),
    );
    expect(docs.map(([, n, t]) => [n, t])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    const why = 'cut short in element 3 (a value never closes): the elements before it kept';
    expect(warnings).toEqual([`j/cut.json:3: ${why}`]);
    expect(told).toEqual([`warned 3: ${why}`]);
    const open = await readAll('json', fileOf('j/open.json', '[{"text":"a"}'));
    expect(open.docs).toEqual([['j/open#1', 1, 'a', {}]]);
    expect(open.warnings).toEqual(['j/open.json:1: cut short: the array never closes (no ]), the elements read kept']);
    expect((await readAll('json', fileOf('j/scalar.json', '"text"'))).warnings).toEqual([
      'j/scalar.json:1: not a JSON array or object, not read',
    ]);
  });

  test('an element bigger than --max-filesize is a warning, and the elements after it are read', async () => {
    setMaxFileSize(40);
    const json = `[{"text":"a"},{"text":"${'x'.repeat(60)}"},{"text":"c"}]`;
    const { docs, warnings } = await readAll('json', fileOf('j/big.json', json));
    expect(docs.map(([, n, t]) => [n, t])).toEqual([
      [1, 'a'],
      [3, 'c'],
    ]);
    expect(warnings).toEqual([
      'j/big.json:2: bigger than --max-filesize (40), skipped; a larger --max-filesize reads it',
    ]);
  });

  test('elements cut across chunks anywhere, inside a string or an escape, split the same', () => {
    const json = Buffer.from('[{"text":"a\\\\"},{"text":"b\\"]}"} , [1,{"x":"]"}],"é"]');
    const split = (chunks: Buffer[]) => {
      const el = new JsonElements(1 << 20);
      const out = chunks.flatMap((c) => el.feed(c)).map((e) => `${e.index}:${e.bytes?.toString().trim()}`);
      return [...out, ...el.end().map((e) => `${e.index}:${e.bytes?.toString().trim()}`), el.problem];
    };
    const whole = split([json]);
    expect(whole).toEqual(['1:{"text":"a\\\\"}', '2:{"text":"b\\"]}"}', '3:[1,{"x":"]"}]', '4:"é"', null]);
    for (let cut = 1; cut < json.length; cut++)
      expect(split([json.subarray(0, cut), json.subarray(cut)])).toEqual(whole);
  });
});

describe('the fields of JSON Lines', () => {
  test('article and full_text hold the text too; --text-field and --id-field choose others', () => {
    expect(parseJsonlLine(Buffer.from('{"full_text":"ft","id":7}'))).toEqual({ text: 'ft', fields: { id: '7' } });
    setFieldChoice({ text: 'summary', id: 'key', title: 'headline', date: 'published' });
    expect(
      parseJsonlLine(Buffer.from('{"text":"t","summary":"s","key":"k","headline":"H","published":"2020"}')),
    ).toEqual({
      text: 's',
      fields: { id: 'k', title: 'H', date: '2020', extra: { text: 't' } },
    });
    expect(parseJsonlLine(Buffer.from('{"text":"t"}'))).toBe('no summary field, skipped');
  });

  test('a grep naming a field starts no worker early: it would read records with the usual fields', () => {
    for (const option of ['--text-field', '--id-field=key', '--title-field', '--date-field'])
      expect(mayUseGrepWorker(['grep', option, 'x', 'word'], 8), option).toBe(false);
    expect(mayUseGrepWorker(['grep', 'word', '--', '--text-field'], 8)).toBe(true);
  });
});
