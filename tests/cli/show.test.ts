import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const seed = (name: string) => fs.readFileSync(path.join(ROOT, 'seeds', name), 'utf8');

describe('corpus show, piped', () => {
  test('the text alone, by unique prefix', async () => {
    const r = await runCli(['show', '003']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(`${seed('003_d5acbb01e160b551.txt')}\n`);
    expect(r.stdout.split('\n')[0]).toBe('L’allié de Moscou envoie des troupes en Russie pour s’entraîner');
  });

  test('several ids, by full id and, with --corpus, by the path of a corpus file', async () => {
    const r = await runCli(['show', '--corpus', 'seeds', '001_34f256881794425b', 'seeds/000_fdb09ddbbd769acc.txt']);
    expect(r.stdout).toBe(`${seed('001_34f256881794425b.txt')}\n${seed('000_fdb09ddbbd769acc.txt')}\n`);
  });

  test('--meta: one field a line, tab-separated', async () => {
    const r = await runCli(['show', '004', '--meta']);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      'id\t004_4beb03af83448623',
      'path\tseeds/004_4beb03af83448623.txt',
      'format\ttext',
      'bytes\t3216',
      'encoding\tutf-8',
      'lang\tfra',
      expect.stringMatching(/^langConfidence\t0\.\d+$/),
      'languages\tfra:1',
      'title\tPOUTINE ET LOUKACHENKO DISCUTENT DE LA COOPÉRATION EN MATIÈRE DE DÉFENSE À MINSK',
      'date\t2024-05-26T11:53+01:00',
      'dateText\t26 Mai 2024 11:53 (UTC+01:00)',
      'source\tLa Gazette',
    ]);
  });

  test('--json: the record with its text', async () => {
    const r = await runCli(['show', '002', '--json']);
    const [doc] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(doc).toMatchObject({ id: '002_075e5e7c38a2ef25', date: '2023-01', dateText: '2023-01', title: null });
    expect(doc!.text).toBe(seed('002_075e5e7c38a2ef25.txt'));
  });

  test('--raw gives the decoded file as it is, on a terminal too', async () => {
    const r = await runCli(['show', '001', '--raw'], { tty: true });
    expect(r.stdout).toBe(seed('001_34f256881794425b.txt'));
  });

  test('an unknown id exits 1', async () => {
    expect(await runCli(['show', 'nope'])).toEqual({
      status: 1,
      stdout: '',
      stderr: "corpus: no document matches 'nope'\n",
      paged: [],
    });
  });

  test('an unknown id among known ones still shows the others, and exits 1', async () => {
    const r = await runCli(['show', 'nope', '003']);
    expect(r.status).toBe(1);
    expect(r.stdout.startsWith('L’allié de Moscou')).toBe(true);
  });

  test('an ambiguous prefix exits 2 and lists the candidates', async () => {
    expect(await runCli(['show', '00'])).toEqual({
      status: 2,
      stdout: '',
      stderr:
        "corpus: '00' is ambiguous; it matches:\n  000_fdb09ddbbd769acc\n  001_34f256881794425b\n  002_075e5e7c38a2ef25\n  003_d5acbb01e160b551\n  004_4beb03af83448623\n",
      paged: [],
    });
  });

  test('show without an id is a usage error', async () => {
    const r = await runCli(['show']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("corpus: missing required argument 'ids'\n");
  });
});

describe('corpus show, on a terminal', () => {
  test('a metadata header with provenance, then the text, boilerplate dimmed; paged when long', async () => {
    const r = await runCli(['show', '004'], { tty: true, rows: 40 });
    expect(r.stdout).toBe('');
    expect(r.paged).toHaveLength(1);
    const view = r.paged[0]!;
    const plain = view.replace(/\u001b\[\d+m/g, '');
    expect(plain.split('\n').slice(0, 6)).toEqual([
      'id       004_4beb03af83448623',
      'path     seeds/004_4beb03af83448623.txt',
      'title    POUTINE ET LOUKACHENKO DISCUTENT DE LA COOPÉRATION EN MATIÈRE DE DÉFENSE À MINSK (line 3)',
      'date     2024-05-26T11:53+01:00 “26 Mai 2024 11:53 (UTC+01:00)” (line 5)',
      'source   La Gazette (line 1)',
      expect.stringMatching(/^lang {5}fra \(detected, confidence 0\.\d\d\)$/),
    ]);
    // Line 1 ("Lagazette") is boilerplate: dimmed. The first body line is not.
    expect(view).toContain('\u001b[2mLagazette\u001b[22m');
    expect(view).toContain('\nLe président russe Vladimir Poutine a rencontré');
  });

  test('--no-pager writes straight to the terminal; a short view is not paged', async () => {
    const r = await runCli(['show', '004', '--no-pager', '--color', 'never'], { tty: true, rows: 40 });
    expect(r.paged).toEqual([]);
    expect(r.stdout.startsWith('id       004_4beb03af83448623\n')).toBe(true);
    const short = await runCli(['show', '004', '--meta', '--color', 'never'], { tty: true, rows: 40 });
    expect(short.paged).toEqual([]);
    expect(short.stdout.split('\n')[9]).toBe(
      'cut      headline 3, 6, 7; meta 1, 5, 9; interface 29, 30 (dimmed below)',
    );
  });

  test('control characters in a document never reach the terminal raw', async () => {
    const r = await runCli(['show', 'evil', '--corpus', 'tests/fixtures/hostile', '--no-pager'], { tty: true });
    expect(r.stdout).not.toContain('\u001b[2J');
    expect(r.stdout).toContain('␛[2J');
    const piped = await runCli(['show', 'evil', '--corpus', 'tests/fixtures/hostile']);
    expect(piped.stdout).toContain('\u001b[2J');
  });
});
