// `--stopwords FILE`, `--stopwords +FILE` and `--keep-stopwords` on `words`, `collocates` and
// `keywords`, in-process, on a corpus of three records (the counts are those of words.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// 19 words: la 6, paix 3, et 2, guerre 2, and continue, revient, dure, le, froid, neige once each.
const RECORDS = [
  { id: 'a', lang: 'fra', text: 'La guerre et la paix. La guerre continue.' },
  { id: 'b', lang: 'fra', text: 'La paix revient. La paix dure.' },
  { id: 'c', lang: 'fra', text: 'Le froid et la neige.' },
];
let dir: string;
let corpus: string;
let list: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-stopwords-'));
  corpus = path.join(dir, 'news.jsonl');
  fs.writeFileSync(corpus, RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  list = path.join(dir, 'mine.txt');
  fs.writeFileSync(list, '# war and peace\nGuerre\npaix # a comment\n\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli([...args, corpus], { env: { NO_COLOR: '1' } });
/** `term freq per_million` of each row of `words … --format jsonl`. */
async function terms(args: string[]): Promise<string[]> {
  const r = await run(['words', '--format', 'jsonl', ...args]);
  expect(r).toMatchObject({ status: 0, stderr: '' });
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { term: string; freq: number; per_million: number })
    .map((row) => `${row.term} ${row.freq} ${row.per_million}`);
}

describe('words', () => {
  test('by default every word counts; --keep-stopwords says so explicitly', async () => {
    const all = ['la 6 315789.47', 'paix 3 157894.74', 'et 2 105263.16', 'guerre 2 105263.16'];
    expect(await terms(['--top', '4'])).toEqual(all);
    expect(await terms(['--top', '4', '--keep-stopwords'])).toEqual(all);
  });

  test('--stopwords FILE leaves out the file’s words instead of the language’s; the totals keep them', async () => {
    // `la` and `et` are French stop words, not the file's: they stay, per million of all 19 words.
    expect(await terms(['--top', '4', '--stopwords', list])).toEqual([
      'la 6 315789.47',
      'et 2 105263.16',
      'continue 1 52631.58',
      'dure 1 52631.58',
    ]);
  });

  test('--stopwords +FILE adds the file’s words to the language’s', async () => {
    const rows = await terms(['--stopwords', `+${list}`]);
    expect(rows.filter((r) => /^(la|et|le|guerre|paix) /.test(r))).toEqual([]);
    expect(rows).toContain('neige 1 52631.58');
  });

  test('several files: those without + replace together, those with + add', async () => {
    const more = path.join(dir, 'more.txt');
    fs.writeFileSync(more, 'la\n');
    const other = path.join(dir, 'other.txt');
    fs.writeFileSync(other, 'et\n');
    expect(await terms(['--top', '3', '--stopwords', list, '--stopwords', more, '--stopwords', `+${other}`])).toEqual([
      'continue 1 52631.58',
      'dure 1 52631.58',
      'froid 1 52631.58',
    ]);
  });

  test('a file that cannot be read is an error naming it (status 2)', async () => {
    const missing = path.join(dir, 'nope.txt');
    const r = await run(['words', '--stopwords', missing]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`corpus: --stopwords: cannot read '${missing}' (no such file)\n`);
    expect((await run(['words', '--stopwords', `+${missing}`])).stderr).toContain(`'${missing}'`);
  });

  test('--keep-stopwords with --stopwords or --no-stopwords is a usage error', async () => {
    const a = await run(['words', '--keep-stopwords', '--stopwords', list]);
    expect(a).toMatchObject({ status: 2, stderr: 'corpus: --keep-stopwords cannot be combined with --stopwords\n' });
    const b = await run(['words', '--keep-stopwords', '--no-stopwords']);
    expect(b).toMatchObject({ status: 2, stderr: 'corpus: --keep-stopwords cannot be combined with --no-stopwords\n' });
  });
});

describe('collocates and keywords', () => {
  test('collocates: the file’s words are left out as collocates', async () => {
    const collocates = async (args: string[]) => {
      const r = await run([
        'collocates',
        '-i',
        'guerre',
        '--min-freq',
        '1',
        '--top',
        '0',
        '--format',
        'jsonl',
        ...args,
      ]);
      expect(r.status).toBe(0);
      return r.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { collocate: string }).collocate)
        .sort();
    };
    // Both nodes are in record a: `La guerre et la paix. La guerre continue.`
    expect(await collocates([])).toEqual(['continue', 'et', 'guerre', 'la', 'paix']);
    expect(await collocates(['--stopwords', list])).toEqual(['continue', 'et', 'la']);
  });

  test('keywords: the file’s words are left out of both sides', async () => {
    const ref = path.join(dir, 'ref.jsonl');
    fs.writeFileSync(
      ref,
      JSON.stringify({ id: 'r', lang: 'fra', text: 'Le froid et la neige. La neige tombe.' }) + '\n',
    );
    const keywords = ['keywords', '--ref', ref, '--max-p', '1', '--min-freq', '1', '--format', 'jsonl'];
    const r = await run(keywords);
    const s = await run([...keywords, '--stopwords', list]);
    expect(r.status).toBe(0);
    expect(s.status).toBe(0);
    expect(r.stdout).toContain('paix');
    expect(s.stdout).not.toContain('paix');
    expect(s.stdout).not.toContain('guerre');
  });

  test('the options are in the help of words, collocates and keywords', async () => {
    for (const cmd of ['words', 'collocates', 'keywords']) {
      const help = (await runCli([cmd, '--help'])).stdout;
      expect(help).toContain('--stopwords <file>');
      expect(help).toContain('--keep-stopwords');
    }
  });
});
