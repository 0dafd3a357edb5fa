// The built bin/corpus on fixture corpora: exact stdout, stderr and exit status.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, runBin } from '../helpers/run-bin.js';

describe('bin/corpus on the seeds', () => {
  test('list: five TSV lines through a pipe', () => {
    const r = runBin(['list', '--fields', 'id,lang,date,source']);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout:
        '000_fdb09ddbbd769acc\tfra\t\tCNN\n' +
        '001_34f256881794425b\tfra\t2023-01-31T18:14\t\n' +
        '002_075e5e7c38a2ef25\tfra\t2023-01\t\n' +
        '003_d5acbb01e160b551\tfra\t2024-08-13T12:49\t\n' +
        '004_4beb03af83448623\tfra\t2024-05-26T11:53+01:00\tLa Gazette\n',
    });
  });

  test('list works from any folder: the seeds ship with the package, and are read when named', () => {
    const r = runBin(['list', '--fields', 'id,path', path.join(ROOT, 'seeds')], { cwd: os.tmpdir() });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`000_fdb09ddbbd769acc\t${path.join(ROOT, 'seeds/000_fdb09ddbbd769acc.txt')}`);
  });

  test('show 003 | head -1 prints the first line of that seed', () => {
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" show 003 | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r).toMatchObject({
      status: 0,
      stderr: '',
      stdout: 'L’allié de Moscou envoie des troupes en Russie pour s’entraîner\n',
    });
  });

  test('list --json is valid JSON with every field', () => {
    const r = runBin(['list', '--json']);
    const records = JSON.parse(r.stdout) as object[];
    expect(records).toHaveLength(5);
    for (const rec of records) expect(Object.keys(rec)).toHaveLength(24);
  });

  test('--version and --help exit 0; an unknown command or option exits 2', () => {
    expect(runBin(['--version'])).toEqual({ status: 0, stdout: '0.1.0\n', stderr: '' });
    expect(runBin(['--help']).status).toBe(0);
    expect(runBin(['frobnicate'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: "corpus: unknown command 'frobnicate'\n",
    });
    expect(runBin(['list', '--frob'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: "corpus: unknown option '--frob'\n(Did you mean --glob?)\n",
    });
  });
});

describe('bin/corpus on the mixed fixture', () => {
  test('every text document with its format and encoding; the binary one skipped with a warning', () => {
    const r = runBin(['list', 'tests/fixtures/mixed', '--fields', 'id,format,encoding,lang,title,flags']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      'corpus: warning: tests/fixtures/mixed/binary.txt: binary file (NUL byte in the first 8 KiB), skipped\n' +
        'corpus: warning: tests/fixtures/mixed/records.jsonl:3: not valid JSON, skipped\n' +
        // The fixture's generator script: a file with no reader, said at the end, not a warning.
        'corpus: skipped 1 file with no reader: 1 .mjs\n',
    );
    expect(r.stdout).toBe(
      [
        'archived\ttext\tutf-8\teng\t\tno-date,no-title,short',
        'article\ttext\tutf-8\teng\tRain returns to the valley\tno-date',
        'crlf\ttext\tutf-8\teng\tWindows line endings\tno-date,short',
        'empty\ttext\tutf-8\tund\t\tno-date,no-title,short,und',
        'latin1\ttext\twindows-1252\tfra\t\tno-date,no-title,short,encoding-fallback',
        'notes\tmarkdown\tutf-8\tfra\tNotes sur la réunion\tno-date,short',
        'rec-1\tjsonl\tutf-8\tdeu\tNeue Brücke eröffnet\tshort',
        'records#2\tjsonl\tutf-8\tspa\t\tno-date,no-title,short',
        'utf16\ttext\tutf-16le\tfra\t\tno-date,no-title,short',
        '',
      ].join('\n'),
    );
  });

  test('the JSONL record keeps its fields, with provenance', () => {
    const r = runBin(['show', 'rec-1', '--json', '--corpus', 'tests/fixtures/mixed']);
    const [rec] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rec).toMatchObject({
      id: 'rec-1',
      path: 'tests/fixtures/mixed/records.jsonl',
      title: 'Neue Brücke eröffnet',
      date: '2024-03-01',
      source: 'Stadtblatt',
      provenance: { title: 'record field', date: 'record field', source: 'record field', lang: 'detected' },
    });
  });

  test('a Windows-1252 file is shown decoded; --strict makes the skipped binary an error', () => {
    const r = runBin(['show', 'latin1', '--corpus', 'tests/fixtures/mixed']);
    expect(r.stdout).toBe(
      'Le café de la gare a rouvert ses portes après des années de travaux. “C’est un grand jour”, dit la propriétaire, qui sert désormais des plats du terroir à midi.\n',
    );
    expect(runBin(['list', 'tests/fixtures/mixed', '--strict']).status).toBe(2);
  });

  test('CRLF lines count like LF lines', () => {
    const r = runBin(['list', 'tests/fixtures/mixed/crlf.txt', '--fields', 'lines,paragraphs,title']);
    expect(r.stdout).toBe('3\t1\tWindows line endings\n');
  });
});

describe('bin/corpus in a pipeline', () => {
  test('list | head -1 on a large corpus prints one line, nothing on stderr, and exits 0', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-pipe-'));
    const lines = Array.from({ length: 20000 }, (_, i) =>
      JSON.stringify({ id: `doc-${String(i).padStart(5, '0')}`, text: `Document number ${i} says very little.` }),
    );
    fs.writeFileSync(path.join(dir, 'big.jsonl'), lines.join('\n'));
    const r = spawnSync(
      'bash',
      ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" list "${dir}" --fields id | head -1`],
      { encoding: 'utf8' },
    );
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r).toMatchObject({ status: 0, stdout: 'doc-00000\n', stderr: '' });
  });

  test('output of any size arrives whole through a pipe', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-whole-'));
    const lines = Array.from({ length: 5000 }, (_, i) =>
      JSON.stringify({ id: `d${i}`, title: `T${i}`, text: 'Un texte court en français pour le test.' }),
    );
    fs.writeFileSync(path.join(dir, 'docs.jsonl'), lines.join('\n'));
    const r = runBin(['list', dir, '--format', 'jsonl']);
    fs.rmSync(dir, { recursive: true, force: true });
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(5000);
    expect(JSON.parse(out[4999]!).id).toBe('d4999');
  });
});
