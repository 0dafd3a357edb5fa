import os from 'node:os';
import { describe, expect, test } from 'vitest';
import { FIXTURES, runCli } from '../helpers/run-cli.js';

const SEED_ROWS = [
  '000_fdb09ddbbd769acc\tfra\t\t388\tCNN\t',
  '001_34f256881794425b\tfra\t2023-01-31T18:14\t292\t\tPoutine approuve la création de centres de formation militaire avec la Biélorussie',
  '002_075e5e7c38a2ef25\tfra\t2023-01\t382\t\t',
  '003_d5acbb01e160b551\tfra\t2024-08-13T12:49\t522\t\tL’allié de Moscou envoie des troupes en Russie pour s’entraîner',
  '004_4beb03af83448623\tfra\t2024-05-26T11:53+01:00\t434\tLa Gazette\tPOUTINE ET LOUKACHENKO DISCUTENT DE LA COOPÉRATION EN MATIÈRE DE DÉFENSE À MINSK',
];

describe('corpus list, piped', () => {
  test('the seeds by default: five TSV rows, no header, no colour', async () => {
    const r = await runCli(['list']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(`${SEED_ROWS.join('\n')}\n`);
  });

  test('--header names the columns', async () => {
    const r = await runCli(['list', '--header']);
    expect(r.stdout.split('\n')[0]).toBe('id\tlang\tdate\twords\tsource\ttitle');
  });

  test('--format csv', async () => {
    const r = await runCli(['list', '--format', 'csv', '--fields', 'id,source,flags']);
    expect(r.stdout).toBe(
      'id,source,flags\n' +
        '000_fdb09ddbbd769acc,CNN,"no-date,no-title"\n' +
        '001_34f256881794425b,,\n' +
        '002_075e5e7c38a2ef25,,no-title\n' +
        '003_d5acbb01e160b551,,\n' +
        '004_4beb03af83448623,La Gazette,\n',
    );
  });

  test('--json gives every field of the record, with the seeds table right', async () => {
    const r = await runCli(['list', '--json']);
    const records = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(records).toHaveLength(5);
    expect(Object.keys(records[0]!)).toEqual([
      'id',
      'path',
      'format',
      'bytes',
      'encoding',
      'lang',
      'langConfidence',
      'languages',
      'title',
      'date',
      'dateText',
      'source',
      'url',
      'declaredLang',
      'chars',
      'words',
      'sentences',
      'paragraphs',
      'lines',
      'boilerplate',
      'boilerplateKinds',
      'hash',
      'flags',
      'provenance',
    ]);
    expect(records.map((d) => [d.title, d.date, d.source, d.lang])).toEqual([
      [null, null, 'CNN', 'fra'],
      [
        'Poutine approuve la création de centres de formation militaire avec la Biélorussie',
        '2023-01-31T18:14',
        null,
        'fra',
      ],
      [null, '2023-01', null, 'fra'],
      ['L’allié de Moscou envoie des troupes en Russie pour s’entraîner', '2024-08-13T12:49', null, 'fra'],
      [
        'POUTINE ET LOUKACHENKO DISCUTENT DE LA COOPÉRATION EN MATIÈRE DE DÉFENSE À MINSK',
        '2024-05-26T11:53+01:00',
        'La Gazette',
        'fra',
      ],
    ]);
    expect(records[4]).toMatchObject({
      path: 'seeds/004_4beb03af83448623.txt',
      format: 'text',
      bytes: 3216,
      encoding: 'utf-8',
      dateText: '26 Mai 2024 11:53 (UTC+01:00)',
      lines: 30,
      boilerplate: [1, 3, 5, 6, 7, 9, 29, 30],
      boilerplateKinds: ['meta', 'headline', 'meta', 'headline', 'headline', 'meta', 'interface', 'interface'],
      provenance: { title: 'line 3', date: 'line 5', source: 'line 1', lang: 'detected' },
    });
  });

  test('--format jsonl: one object a line, --fields projects', async () => {
    const r = await runCli(['list', '--format', 'jsonl', '--fields', 'id,date']);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { id: '000_fdb09ddbbd769acc', date: null },
      { id: '001_34f256881794425b', date: '2023-01-31T18:14' },
      { id: '002_075e5e7c38a2ef25', date: '2023-01' },
      { id: '003_d5acbb01e160b551', date: '2024-08-13T12:49' },
      { id: '004_4beb03af83448623', date: '2024-05-26T11:53+01:00' },
    ]);
  });

  test('filters: --lang (639-1 and 639-3), --since, --until, --source, --flag', async () => {
    const ids = async (...args: string[]) =>
      (await runCli(['list', '--fields', 'id', ...args])).stdout.trim().split('\n');
    expect(await ids('--lang', 'fr')).toHaveLength(5);
    expect(await ids('--lang', 'fra,eng')).toHaveLength(5);
    expect(await ids('--since', '2024')).toEqual(['003_d5acbb01e160b551', '004_4beb03af83448623']);
    expect(await ids('--until', '2023-01')).toEqual(['001_34f256881794425b', '002_075e5e7c38a2ef25']);
    expect(await ids('--since', '2024-06', '--until', '2024-12-31')).toEqual(['003_d5acbb01e160b551']);
    expect(await ids('--source', 'gazette')).toEqual(['004_4beb03af83448623']);
    expect(await ids('--flag', 'no-title')).toEqual(['000_fdb09ddbbd769acc', '002_075e5e7c38a2ef25']);
  });

  test('a filter that leaves nothing exits 1 with no output', async () => {
    const r = await runCli(['list', '--lang', 'en']);
    expect(r).toMatchObject({ status: 1, stdout: '', stderr: '' });
  });

  test('--sort date puts undated documents last; -r reverses the rest', async () => {
    const sorted = await runCli(['list', '--sort', 'date', '--fields', 'id']);
    expect(sorted.stdout).toBe(
      [
        '002_075e5e7c38a2ef25',
        '001_34f256881794425b',
        '004_4beb03af83448623',
        '003_d5acbb01e160b551',
        '000_fdb09ddbbd769acc',
        '',
      ].join('\n'),
    );
    const reversed = await runCli(['list', '--sort', 'words', '-r', '--fields', 'id,words']);
    expect(reversed.stdout).toBe(
      [
        '003_d5acbb01e160b551\t522',
        '004_4beb03af83448623\t434',
        '000_fdb09ddbbd769acc\t388',
        '002_075e5e7c38a2ef25\t382',
        '001_34f256881794425b\t292',
        '',
      ].join('\n'),
    );
  });

  test('--paths and -0', async () => {
    expect((await runCli(['list', '--paths', '--since', '2024'])).stdout).toBe(
      'seeds/003_d5acbb01e160b551.txt\nseeds/004_4beb03af83448623.txt\n',
    );
    expect((await runCli(['list', '--paths', '-0', '--since', '2024'])).stdout).toBe(
      'seeds/003_d5acbb01e160b551.txt\0seeds/004_4beb03af83448623.txt\0',
    );
  });

  test('bad option values are usage errors with status 2', async () => {
    expect(await runCli(['list', '--fields', 'id,colour'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr:
        "corpus: --fields: unknown field 'colour' (fields: id, path, format, bytes, encoding, lang, langConfidence, languages, title, date, dateText, source, url, declaredLang, chars, words, sentences, paragraphs, lines, boilerplate, boilerplateKinds, hash, flags, provenance, extra; a record's own field: extra.<name>)\n",
    });
    expect(await runCli(['list', '--since', 'yesterday'])).toMatchObject({
      status: 2,
      stderr: "corpus: --since takes an ISO date such as 2023, 2023-01 or 2023-01-31, not 'yesterday'\n",
    });
    expect(await runCli(['list', '--format', 'xml'])).toMatchObject({
      status: 2,
      stderr:
        "corpus: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, tsv, csv, json, jsonl, parquet.\n",
    });
  });

  test('paths from stdin with -, newline- or NUL-separated', async () => {
    const one = await runCli(['list', '-', '--fields', 'id'], {
      stdin: 'seeds/001_34f256881794425b.txt\nseeds/003_d5acbb01e160b551.txt\n',
    });
    expect(one.stdout).toBe('001_34f256881794425b\n003_d5acbb01e160b551\n');
    const nul = await runCli(['list', '-', '-0', '--fields', 'id'], { stdin: 'seeds/002_075e5e7c38a2ef25.txt\0' });
    expect(nul.stdout).toBe('002_075e5e7c38a2ef25\n');
  });

  test('--corpus and CORPUS_PATH name the corpus', async () => {
    const byOption = await runCli(['list', '--corpus', 'tests/fixtures/mixed/article.txt', '--fields', 'id']);
    expect(byOption.stdout).toBe('article\n');
    // Outside the repository: its project file would win over CORPUS_PATH.
    const byEnv = await runCli(['list', '--fields', 'id'], {
      env: { CORPUS_PATH: `${FIXTURES}/mixed/notes.md:${FIXTURES}/mixed/crlf.txt` },
      cwd: os.tmpdir(),
    });
    expect(byEnv.stdout).toBe('notes\ncrlf\n');
  });

  test('a missing input is an error (2) after what could be read', async () => {
    const r = await runCli(['list', 'seeds/001_34f256881794425b.txt', 'nowhere', '--fields', 'id']);
    expect(r).toEqual({
      status: 2,
      // Two roots: the ids start where their paths part.
      stdout: 'seeds/001_34f256881794425b\n',
      stderr: 'corpus: warning: nowhere: no such file or folder\n',
      paged: [],
    });
  });

  test('--strict turns a skipped document into status 2', async () => {
    const mixed = `${FIXTURES}/mixed`;
    expect((await runCli(['list', mixed, '--fields', 'id'])).status).toBe(0);
    expect((await runCli(['list', mixed, '--fields', 'id', '--strict'])).status).toBe(2);
  });
});

describe('corpus list, on a terminal', () => {
  test('a table with a header, the lede dimmed where there is no title', async () => {
    const r = await runCli(['list', '--color', 'never'], { tty: true, columns: 100 });
    expect(r.stdout).toBe(
      [
        'ID                    LANG  DATE                    WORDS  SOURCE      TITLE',
        '000_fdb09ddbbd769acc  fra                             388  CNN         La Russie et la Biélorussie …',
        '001_34f256881794425b  fra   2023-01-31T18:14          292              Poutine approuve la création…',
        '002_075e5e7c38a2ef25  fra   2023-01                   382              Un train transportant des tr…',
        '003_d5acbb01e160b551  fra   2024-08-13T12:49          522              L’allié de Moscou envoie des…',
        '004_4beb03af83448623  fra   2024-05-26T11:53+01:00    434  La Gazette  POUTINE ET LOUKACHENKO DISCU…',
        '',
      ].join('\n'),
    );
  });

  test('colour on a terminal: bold header, cyan ids, dimmed ledes; NO_COLOR turns it off', async () => {
    const coloured = await runCli(['list'], { tty: true });
    expect(coloured.stdout).toContain('\u001b[1mID\u001b[22m');
    expect(coloured.stdout).toContain('\u001b[36m000_fdb09ddbbd769acc\u001b[39m');
    expect(coloured.stdout).toContain('\u001b[2mLa Russie et la Biélorussie');
    const plain = await runCli(['list'], { tty: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  test('--color always colours a pipe; FORCE_COLOR too', async () => {
    expect((await runCli(['list', '--format', 'table', '--color', 'always'])).stdout).toContain('\u001b[1mID');
    expect((await runCli(['list', '--format', 'table'], { env: { FORCE_COLOR: '1' } })).stdout).toContain(
      '\u001b[1mID',
    );
  });

  test('--format tsv on a terminal', async () => {
    const r = await runCli(['list', '--format', 'tsv'], { tty: true });
    expect(r.stdout.split('\n')[1]).toBe(SEED_ROWS[1]);
  });
});
