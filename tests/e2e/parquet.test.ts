// `list --format parquet` (docs/parquet.md), run as the built bin/corpus: the file DuckDB reads
// back holds, row for row and column for column, what `list --json` prints; the date as a
// timestamp with its precision and offset; `--with-text`; an empty corpus; a damaged file among
// others; and the refusals (a terminal, options that do not apply, other commands).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, ROOT, TEST_CACHE, runBin } from '../helpers/run-bin.js';
import { runCli } from '../helpers/run-cli.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-parquet-e2e-'));
const at = (...names: string[]): string => path.join(work, ...names);
let db: DuckDBConnection;

/** Records of several scripts, dates of every precision, flags, and fields the tool does not know. */
const RECORDS = [
  { id: 'y', date: '2023', title: 'Une année', text: 'Le texte de l’année, assez court pour être court.' },
  { id: 'm', date: '2023-01', text: 'Январь две тысячи двадцать третьего года: короткий текст.', author: 'Анна' },
  { id: 'd', date: '2023-01-31', text: '2023年1月31日の短い文章です。東京で書かれました。', tags: ['東京', 'news'] },
  { id: 'min', date: '2023-01-31 18:14', text: 'A minute, written with a space before the time.', score: 4.5 },
  { id: 'off', date: '2024-05-26T11:53+01:00', text: 'نص قصير بالعربية كتب في الصباح.', meta: { a: [1, { b: null }] } },
  { id: 'sec', date: '2024-05-26T23:30:07.123456-02:30', text: 'Seconds, a fraction and a negative offset.' },
  { id: 'bad', date: '2023-02-30', lang: 'xx-nope', text: 'An invalid date and an invalid language.' },
  { id: 'none', text: 'No date at all, and no title either; only some words to count.' },
];

beforeAll(async () => {
  fs.mkdirSync(at('records'));
  // A field named __proto__ is a field like any other (written as text: a literal would set the prototype).
  const proto = '{"id":"proto","text":"A record with a field named __proto__.","__proto__":{"x":1}}';
  fs.writeFileSync(at('records', 'news.jsonl'), [...RECORDS.map((r) => JSON.stringify(r)), proto].join('\n') + '\n');
  // A file with a broken line in the middle, and a gzip file cut short: warnings, the run goes on.
  fs.mkdirSync(at('damaged'));
  const lines = ['{"id":"ok1","text":"Before the damage."}', '{"id":', '{"id":"ok2","text":"After the damage."}'];
  fs.writeFileSync(at('damaged', 'a.jsonl'), lines.join('\n') + '\n');
  const gz = gzipSync(Buffer.from('A text file that is cut short in its gzip stream. '.repeat(200)));
  fs.writeFileSync(at('damaged', 'cut.txt.gz'), gz.subarray(0, gz.length >> 1));
  fs.writeFileSync(at('damaged', 'fine.txt'), 'A plain text file that reads well.\n');
  fs.mkdirSync(at('empty'));
  db = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  db.closeSync();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Every row of a Parquet file as DuckDB reads it, the date as microseconds since the epoch (UTC), extra as text. */
async function readParquet(file: string): Promise<Record<string, unknown>[]> {
  const sql = `SELECT * REPLACE (epoch_us(date)::VARCHAR AS date, extra::VARCHAR AS extra) FROM read_parquet('${file.replaceAll("'", "''")}')`;
  return (await db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/**
 * The timestamp, precision and offset docs/parquet.md gives a record's date, worked out here on
 * its own: the ISO date completed to a full UTC one (`Z` when it states no offset) for Date.parse.
 */
function expectedDate(date: string | null): {
  date: string | null;
  datePrecision: string | null;
  dateOffset: number | null;
} {
  if (date === null) return { date: null, datePrecision: null, dateOffset: null };
  const m = /^(\d{4})(-\d{2})?(-\d{2})?(?:T(\d{2}:\d{2})(:\d{2})?(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(date);
  if (!m) throw new Error(`the test does not know the date ${date}`);
  const [, y, mo, d, hm, s, frac, zone] = m;
  const full = `${y}${mo ?? '-01'}${d ?? '-01'}T${hm ?? '00:00'}${s ?? ':00'}${zone ?? 'Z'}`;
  const micros = BigInt(Date.parse(full)) * 1000n + BigInt(`${(frac ?? '.').slice(1)}000000`.slice(0, 6));
  const precision = s ? 'second' : hm ? 'minute' : d ? 'day' : mo ? 'month' : 'year';
  const offset =
    zone === undefined
      ? null
      : zone === 'Z'
        ? 0
        : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  return { date: String(micros), datePrecision: precision, dateOffset: offset };
}

/** A record of `list --json` as the row DuckDB gives back: 64-bit integers as strings, provenance with every key. */
function expectedRow(record: Record<string, unknown>): Record<string, unknown> {
  const provenance = record.provenance as Record<string, string>;
  const { extra, ...fields } = record;
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (['bytes', 'chars', 'words', 'sentences', 'paragraphs', 'lines'].includes(key)) row[key] = String(value);
    else if (key === 'boilerplate') row[key] = (value as number[]).map(String);
    else if (key === 'date') Object.assign(row, expectedDate(value as string | null));
    else if (key === 'provenance')
      row[key] = Object.fromEntries(['title', 'date', 'source', 'lang', 'url'].map((k) => [k, provenance[k] ?? null]));
    else row[key] = value;
  }
  row.extra = extra === undefined ? null : JSON.stringify(extra);
  return row;
}

function listJson(args: string[]): Record<string, unknown>[] {
  const r = runBin(['list', ...args, '--json'], { cwd: work });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, unknown>[];
}

describe('list --format parquet, read back by DuckDB', () => {
  test('the seeds: every row and column is what list --json prints', async () => {
    const file = at('seeds.parquet');
    const r = runBin(['list', path.join(ROOT, 'seeds'), '--format', 'parquet', '-o', file], { cwd: work });
    expect(r).toEqual({ stdout: '', stderr: '', status: 0 });
    const expected = listJson([path.join(ROOT, 'seeds')]).map(expectedRow);
    expect(expected).toHaveLength(5);
    expect(await readParquet(file)).toEqual(expected);
  });

  test('records of every date precision, offsets, flags, extra fields and non-Latin text', async () => {
    const file = at('records.parquet');
    const r = runBin(['list', 'records', '--format', 'parquet', '-o', file], { cwd: work });
    expect(r).toEqual({ stdout: '', stderr: '', status: 0 });
    const rows = await readParquet(file);
    expect(rows).toEqual(listJson(['records']).map(expectedRow));
    // The same, written out by hand for a few rows: the schema docs/parquet.md documents.
    const byId = new Map(rows.map((row) => [row.id, row]));
    const pick = (id: string) => {
      const row = byId.get(id) as Record<string, unknown>;
      return [row.date, row.datePrecision, row.dateOffset, row.dateText];
    };
    expect(pick('y')).toEqual([String(Date.UTC(2023, 0, 1) * 1000), 'year', null, '2023']);
    expect(pick('m')).toEqual([String(Date.UTC(2023, 0, 1) * 1000), 'month', null, '2023-01']);
    expect(pick('min')).toEqual([String(Date.UTC(2023, 0, 31, 18, 14) * 1000), 'minute', null, '2023-01-31 18:14']);
    expect(pick('off')).toEqual([String(Date.UTC(2024, 4, 26, 10, 53) * 1000), 'minute', 60, '2024-05-26T11:53+01:00']);
    expect(pick('sec')).toEqual([
      String(Date.UTC(2024, 4, 27, 2, 0, 7) * 1000 + 123456),
      'second',
      -150,
      '2024-05-26T23:30:07.123456-02:30',
    ]);
    expect(byId.get('bad')?.flags).toEqual(expect.arrayContaining(['invalid-date', 'invalid-lang']));
    expect(byId.get('none')?.datePrecision).toBe(null);
    expect(JSON.parse(byId.get('off')?.extra as string)).toEqual({ meta: { a: [1, { b: null }] } });
    expect(byId.get('d')?.extra).toBe('{"tags":["東京","news"]}');
    expect(byId.get('proto')?.extra).toBe('{"__proto__":{"x":1}}');
  });

  test('the columns have the types docs/parquet.md gives them, and the file says its schema version', async () => {
    const file = at('types.parquet');
    expect(runBin(['list', 'records', '--format', 'parquet', '-o', file], { cwd: work }).status).toBe(0);
    const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson();
    expect(Object.fromEntries(described.map((c) => [c.column_name, c.column_type]))).toEqual({
      id: 'VARCHAR',
      path: 'VARCHAR',
      format: 'VARCHAR',
      bytes: 'BIGINT',
      encoding: 'VARCHAR',
      lang: 'VARCHAR',
      langConfidence: 'DOUBLE',
      languages: 'STRUCT(lang VARCHAR, "share" DOUBLE)[]',
      title: 'VARCHAR',
      date: 'TIMESTAMP',
      datePrecision: 'VARCHAR',
      dateOffset: 'INTEGER',
      dateText: 'VARCHAR',
      source: 'VARCHAR',
      url: 'VARCHAR',
      declaredLang: 'VARCHAR',
      chars: 'BIGINT',
      words: 'BIGINT',
      sentences: 'BIGINT',
      paragraphs: 'BIGINT',
      lines: 'BIGINT',
      boilerplate: 'BIGINT[]',
      boilerplateKinds: 'VARCHAR[]',
      hash: 'VARCHAR',
      flags: 'VARCHAR[]',
      provenance: 'STRUCT(title VARCHAR, date VARCHAR, "source" VARCHAR, lang VARCHAR, url VARCHAR)',
      extra: 'VARCHAR',
    });
    const kv = (await db.runAndReadAll(`SELECT key, value FROM parquet_kv_metadata('${file}')`)).getRowObjectsJson();
    expect(kv).toEqual([{ key: 'corpus.parquet.schema', value: '1' }]);
  });

  test('--with-text adds the whole text and the body, as show --json gives them', async () => {
    const file = at('text.parquet');
    const r = runBin(['list', path.join(ROOT, 'seeds'), 'records', '--format', 'parquet', '--with-text', '-o', file], {
      cwd: work,
    });
    expect(r).toEqual({ stdout: '', stderr: '', status: 0 });
    const rows = await readParquet(file);
    const ids = rows.map((row) => row.id as string);
    const shown = runBin(['show', ...ids, '--corpus', path.join(ROOT, 'seeds'), '--corpus', 'records', '--json'], {
      cwd: work,
    });
    const docs = JSON.parse(shown.stdout) as Record<string, unknown>[];
    expect(rows.map((row) => [row.id, row.text, row.body])).toEqual(docs.map((d) => [d.id, d.text, d.body]));
    // The body leaves the boilerplate out: shorter than the text where a document has some.
    const seed = rows.find((row) => (row.id as string).endsWith('001_34f256881794425b')) as {
      text: string;
      body: string;
    };
    expect(seed.body.length).toBeLessThan(seed.text.length);
    expect(rows.find((row) => row.id === 'd')?.text).toBe('2023年1月31日の短い文章です。東京で書かれました。');
  });

  test('-o - writes the same file to standard output', async () => {
    const file = at('file.parquet');
    expect(runBin(['list', 'records', '--format', 'parquet', '-o', file], { cwd: work }).status).toBe(0);
    const piped = spawnSync(process.execPath, [BIN, 'list', 'records', '--format', 'parquet', '-o', '-'], {
      cwd: work,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: TEST_CACHE, NO_COLOR: '1' },
    });
    expect(piped.status).toBe(0);
    expect(Buffer.compare(piped.stdout, fs.readFileSync(file))).toBe(0);
  });

  test('an empty corpus is a valid file with every column and no row, and status 1 as list has', async () => {
    const file = at('empty.parquet');
    const r = runBin(['list', 'empty', '--format', 'parquet', '-o', file], { cwd: work });
    expect(r).toEqual({ stdout: '', stderr: '', status: 1 });
    expect(await readParquet(file)).toEqual([]);
    const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson();
    expect(described.map((c) => c.column_name)).toHaveLength(27);
  });

  test('a file damaged part way is a warning; the other documents are written', async () => {
    const file = at('damaged.parquet');
    const r = runBin(['list', 'damaged', '--format', 'parquet', '-o', file], { cwd: work });
    expect(r.stderr).toContain('corpus: warning: damaged/a.jsonl:2: not valid JSON, skipped\n');
    expect(r.stderr).toContain('damaged/cut.txt.gz');
    expect(r.status).toBe(0);
    const rows = await readParquet(file);
    expect(rows.map((row) => row.id).sort()).toEqual(['fine', 'ok1', 'ok2']);
  });

  test('other formats go to the -o file too, as they would to standard output', () => {
    const file = at('records.tsv');
    const r = runBin(['list', 'records', '--fields', 'id,date', '-o', file], { cwd: work });
    expect(r).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(fs.readFileSync(file, 'utf8')).toBe(
      runBin(['list', 'records', '--fields', 'id,date'], { cwd: work }).stdout,
    );
  });
});

describe('what --format parquet refuses', () => {
  test('standard output that is a terminal: a usage error, nothing written', async () => {
    const r = await runCli(['list', 'seeds', '--format', 'parquet'], { tty: true });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'corpus: --format parquet writes a binary file and standard output is a terminal: give -o <file> or redirect it\n',
    );
    expect(r.status).toBe(2);
  });

  test('options that do not apply to a Parquet file, and --with-text without it', () => {
    const cases: [string[], string][] = [
      [['--fields', 'id'], '--fields does not apply to --format parquet'],
      [['--paths'], '--paths prints paths, not records'],
      [['--with-text', '--sort', 'date'], '--sort and --reverse do not go with --with-text'],
    ];
    for (const [args, message] of cases) {
      const r = runBin(['list', 'records', '--format', 'parquet', '-o', at('x.parquet'), ...args], { cwd: work });
      expect(r.stderr).toContain(`corpus: ${message}`);
      expect(r.status).toBe(2);
    }
    const r = runBin(['list', 'records', '--with-text'], { cwd: work });
    expect(r.stderr).toBe('corpus: --with-text adds the columns text and body to --format parquet\n');
    expect(r.status).toBe(2);
  });

  test('a command other than list: a usage error', () => {
    const r = runBin(['grep', 'x', 'records', '--format', 'parquet'], { cwd: work });
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^corpus: option '--format <format>' argument 'parquet' is invalid/);
    expect(r.status).toBe(2);
  });

  test('a folder as -o: an error before the run', () => {
    const r = runBin(['list', 'records', '--format', 'parquet', '-o', 'records'], { cwd: work });
    expect(r).toEqual({ stdout: '', stderr: 'corpus: cannot write records: it is a folder\n', status: 2 });
  });
});
