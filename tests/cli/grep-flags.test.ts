// grep's ripgrep flags (-v, -o, -q, -L, --count-matches, --stats) and its one output contract:
// every mode in every format, with the same field names, terminal on and off.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// Named relative to the current folder (the repository's root), as the output shows them.
const P = 'tests/fixtures/grep-flags';
const DIR = P;
const ALPHA = `${P}/alpha.txt`;
const CRLF = `${P}/crlf.txt`;
const plain = (s: string) => s.replace(/\u001b\[\d+m/g, '');

const grep = (args: string[], tty = false) => runCli(['grep', '--no-cache', ...args], { tty });

describe('grep -v, -o, --count-matches, -L, -q, piped', () => {
  test('-v: the lines that do not match, id:line:text, nothing highlighted', async () => {
    expect(await grep(['-v', 'fox', ALPHA])).toEqual({
      status: 0,
      stderr: '',
      paged: [],
      stdout: 'alpha:3:\nalpha:4:Nothing here at all.\nalpha:5:The dog sleeps; the Fox does not.\n',
    });
  });

  test('-v -c counts the lines that do not match; -v -l lists documents holding one', async () => {
    expect((await grep(['-v', '-c', 'fox', DIR])).stdout).toBe('alpha:3\nbeta:3\ncrlf:1\nsub/deep:2\n');
    expect((await grep(['-v', '-l', '.', DIR])).stdout).toBe('alpha\nbeta\n');
  });

  test('-o: each match on a line of its own, id:line:match; with context, the context lines', async () => {
    expect((await grep(['-o', 'fox', ALPHA])).stdout).toBe('alpha:1:fox\nalpha:2:fox\nalpha:2:fox\nalpha:2:fox\n');
    expect((await grep(['-o', '-A1', 'lazy', ALPHA])).stdout).toBe(
      'alpha:1:lazy\nalpha-2-A fox, a fox, and another fox.\n',
    );
  });

  test('-o -v prints each line that does not match whole', async () => {
    expect((await grep(['-o', '-v', 'o', ALPHA])).stdout).toBe('alpha:3:\n');
  });

  test('--count-matches counts matches, not lines; -c lines', async () => {
    expect((await grep(['--count-matches', 'fox', DIR])).stdout).toBe('alpha:4\ncrlf:3\n');
    expect((await grep(['-c', 'fox', DIR])).stdout).toBe('alpha:2\ncrlf:2\n');
    expect((await grep(['--count-matches', '-m', '1', 'fox', DIR])).stdout).toBe('alpha:1\ncrlf:1\n');
    // -o -c counts what -o prints, as ripgrep does.
    expect((await grep(['-o', '-c', 'fox', DIR])).stdout).toBe('alpha:4\ncrlf:3\n');
  });

  test('-L lists the documents with no matching line (the empty one too), exit 0; none, exit 1', async () => {
    expect(await grep(['-L', 'fox', DIR])).toEqual({
      status: 0,
      stderr: '',
      paged: [],
      stdout: 'beta\nempty\nsub/deep\n',
    });
    expect(await grep(['-L', 'fox', ALPHA])).toEqual({ status: 1, stderr: '', paged: [], stdout: '' });
    expect((await grep(['-L', '--paths', 'fox', DIR])).stdout).toBe(
      `${P}/beta.txt\n${P}/empty.txt\n${P}/sub/deep.txt\n`,
    );
  });

  test('-L with a filter lists the documents the filter keeps that have no match', async () => {
    // Only 002 (dated 2023-01) lacks "Poutine": --until keeps it, --since 2024 leaves it out.
    expect((await grep(['-L', 'Poutine', '--until', '2023-12-31', 'seeds'])).stdout).toBe('002_075e5e7c38a2ef25\n');
    expect(await grep(['-L', 'Poutine', '--since', '2024', 'seeds'])).toEqual({
      status: 1,
      stderr: '',
      paged: [],
      stdout: '',
    });
  });

  test('-q prints nothing: exit 0 on a match, 1 without, whatever the mode asked for', async () => {
    expect(await grep(['-q', 'fox', DIR])).toEqual({ status: 0, stderr: '', paged: [], stdout: '' });
    expect(await grep(['-q', '-c', '--json', 'fox', DIR])).toEqual({ status: 0, stderr: '', paged: [], stdout: '' });
    expect(await grep(['-q', 'zebra', DIR])).toEqual({ status: 1, stderr: '', paged: [], stdout: '' });
    expect(await grep(['-q', '-v', '.', ALPHA])).toEqual({ status: 0, stderr: '', paged: [], stdout: '' });
  });

  test('usage errors: --kwic with -v, -c or -L; -L with -l', async () => {
    expect(await grep(['--kwic', '-v', 'fox', DIR])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'corpus: --kwic cannot be combined with -v: it shows matches\n',
      paged: [],
    });
    expect((await grep(['--kwic', '-L', 'fox', DIR])).stderr).toBe(
      'corpus: --kwic cannot be combined with -c, -l, -L or --count-matches\n',
    );
    expect((await grep(['-L', '-l', 'fox', DIR])).stderr).toBe('corpus: -L cannot be combined with -l\n');
  });
});

describe('grep --stats', () => {
  const figures = (text: string) => text.replace(/\d+\.\d{6} seconds/g, 'N seconds');

  test('after the results on stdout, as ripgrep: matches, lines, documents, bytes, seconds', async () => {
    const r = await grep(['--stats', '-i', 'fox', DIR]);
    expect(r.status).toBe(0);
    expect(figures(r.stdout)).toBe(
      [
        'alpha:1:The quick brown fox jumps over the lazy dog.',
        'alpha:2:A fox, a fox, and another fox.',
        'alpha:5:The dog sleeps; the Fox does not.',
        'crlf:1:fox in a CRLF file',
        'crlf:3:foxfox',
        'sub/deep:1:Deep in the folder, a FOX.',
        '',
        '9 matches',
        '6 matched lines',
        '3 documents contained matches',
        '5 documents searched',
        '212 bytes printed',
        '242 bytes searched',
        'N seconds spent searching',
        'N seconds',
        '',
      ].join('\n'),
    );
  });

  test('with -c the matches are still counted; with a data format the figures go to stderr', async () => {
    const r = await grep(['--stats', '-c', '--json', 'fox', CRLF]);
    expect(JSON.parse(r.stdout)).toEqual([{ id: 'crlf', path: `${P}/crlf.txt`, count: 2 }]);
    expect(figures(r.stderr)).toBe(
      '\n3 matches\n2 matched lines\n1 documents contained matches\n1 documents searched\n' +
        `${r.stdout.length} bytes printed\n38 bytes searched\nN seconds spent searching\nN seconds\n`,
    );
  });

  test('-v --stats: each line that does not match is one match', async () => {
    const r = await grep(['--stats', '-v', 'fox', ALPHA]);
    expect(r.stdout).toContain('\n3 matches\n3 matched lines\n1 documents contained matches\n1 documents searched\n');
  });
});

describe('grep output contract: --format and --header in every mode', () => {
  test('-c --json: id, path, count', async () => {
    expect(JSON.parse((await grep(['-c', '--json', 'fox', DIR])).stdout)).toEqual([
      { id: 'alpha', path: `${P}/alpha.txt`, count: 2 },
      { id: 'crlf', path: `${P}/crlf.txt`, count: 2 },
    ]);
  });

  test('-c --header: TSV with a header line; --format csv always has one', async () => {
    expect((await grep(['-c', '--header', 'fox', DIR])).stdout).toBe(
      `id\tpath\tcount\nalpha\t${P}/alpha.txt\t2\ncrlf\t${P}/crlf.txt\t2\n`,
    );
    expect((await grep(['-c', '--format', 'csv', 'zebra', DIR])).stdout).toBe('id,path,count\n');
  });

  test('--count-matches --format jsonl: id, path, matches', async () => {
    expect((await grep(['--count-matches', '--format', 'jsonl', 'fox', DIR])).stdout).toBe(
      `{"id":"alpha","path":"${P}/alpha.txt","matches":4}\n{"id":"crlf","path":"${P}/crlf.txt","matches":3}\n`,
    );
  });

  test('-l and -L in CSV and JSON: id, path', async () => {
    expect((await grep(['-l', '--format', 'csv', 'fox', DIR])).stdout).toBe(
      `id,path\nalpha,${P}/alpha.txt\ncrlf,${P}/crlf.txt\n`,
    );
    expect(JSON.parse((await grep(['-L', '--json', 'fox', DIR])).stdout)).toEqual([
      { id: 'beta', path: `${P}/beta.txt` },
      { id: 'empty', path: `${P}/empty.txt` },
      { id: 'sub/deep', path: `${P}/sub/deep.txt` },
    ]);
  });

  test('-o --format csv: id, path, line, column, match (columns in code points)', async () => {
    expect((await grep(['-o', '--format', 'csv', 'fox', ALPHA])).stdout).toBe(
      'id,path,line,column,match\n' +
        `alpha,${P}/alpha.txt,1,17,fox\nalpha,${P}/alpha.txt,2,3,fox\n` +
        `alpha,${P}/alpha.txt,2,10,fox\nalpha,${P}/alpha.txt,2,27,fox\n`,
    );
  });

  test('lines in TSV with --header: id, path, line, kind, text, context lines as kind context', async () => {
    expect((await grep(['--format', 'tsv', '--header', '-C1', 'Nothing', ALPHA])).stdout).toBe(
      'id\tpath\tline\tkind\ttext\n' +
        `alpha\t${P}/alpha.txt\t3\tcontext\t\n` +
        `alpha\t${P}/alpha.txt\t4\tmatch\tNothing here at all.\n` +
        `alpha\t${P}/alpha.txt\t5\tcontext\tThe dog sleeps; the Fox does not.\n`,
    );
  });

  test('lines in CSV: overlapping context is written once', async () => {
    expect((await grep(['--format', 'csv', '-A1', 'fox', ALPHA])).stdout).toBe(
      'id,path,line,kind,text\n' +
        `alpha,${P}/alpha.txt,1,match,The quick brown fox jumps over the lazy dog.\n` +
        `alpha,${P}/alpha.txt,2,match,"A fox, a fox, and another fox."\n` +
        `alpha,${P}/alpha.txt,3,context,\n`,
    );
  });

  test('-v --json keeps the line shape, with no matches listed', async () => {
    const rows = JSON.parse((await grep(['-v', '--json', 'o', ALPHA])).stdout) as unknown[];
    expect(rows).toEqual([
      {
        id: 'alpha',
        path: `${P}/alpha.txt`,
        line: 3,
        text: '',
        matches: [],
        before: [],
        after: [],
        doc: { title: null, lang: 'eng', date: null, source: null },
      },
    ]);
  });

  test('--kwic --json: each row with its path, column and document', async () => {
    const rows = JSON.parse((await grep(['--kwic', '--json', '--width', '8', 'lazy', ALPHA])).stdout) as unknown[];
    expect(rows).toEqual([
      {
        id: 'alpha',
        path: `${P}/alpha.txt`,
        line: 1,
        column: 36,
        left: expect.any(String),
        match: 'lazy',
        right: expect.any(String),
        doc: { title: null, lang: 'eng', date: null, source: null },
      },
    ]);
  });

  test('on a terminal, -c and -L stay ripgrep-like; --format table makes a table with a header', async () => {
    expect(plain((await grep(['-c', 'fox', DIR], true)).stdout)).toBe('alpha:2\ncrlf:2\n');
    expect(plain((await grep(['-L', 'fox', DIR], true)).stdout)).toBe('beta\nempty\nsub/deep\n');
    const table = plain((await grep(['-c', '--format', 'table', 'fox', DIR], true)).stdout);
    expect(table).toMatch(/ID +PATH +COUNT/);
    expect(table).toMatch(new RegExp(`alpha +${P}/alpha\\.txt +2`));
  });

  test('on a terminal, -o prints a heading a document and line:match under it', async () => {
    expect(plain((await grep(['-o', 'fox', CRLF], true)).stdout)).toBe('crlf\n1:fox\n3:fox\n3:fox\n');
  });
});
