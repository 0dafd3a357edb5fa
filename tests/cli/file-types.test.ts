// Which files are read: `--type`, `--type-not` and `--type-list` choose formats by name, as in
// ripgrep; files with no reader are never skipped in silence, the end of a run says how many.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { zstdFrame } from '../helpers/zstd-frames.js';

let dir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-types-'));
  const write = (rel: string, content: string | Buffer): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  };
  write('c/a.txt', 'The harbour budget was agreed.\n');
  write('c/b.md', '# Notes\n\nThe harbour again.\n');
  write('c/c.jsonl.zst', zstdFrame(Buffer.from('{"id":"r1","text":"harbour record"}\n')));
  write('c/report.pdf', '%PDF-1.4 harbour');
  write('c/sub/scan.pdf', '%PDF-1.4');
  write('c/sub/letter.docx', 'PK');
  write('c/Makefile', 'all:');
  // Hidden files and node_modules are skipped silently, as ripgrep skips them.
  write('c/.hidden.pdf', '%PDF');
  write('c/node_modules/x.pdf', '%PDF');
  write('many/a.txt', 'one\n');
  ['.pdf', '.docx', '.xlsx', '.png', '.png', '.zip'].forEach((ext, i) => write(`many/f${i}${ext}`, 'x'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SKIPPED_C = 'corpus: skipped 4 files with no reader: 2 .pdf, 1 without extension, 1 .docx\n';

describe('files with no reader', () => {
  test.each([false, true])('list says how many it skipped, by kind, on stderr (terminal %s)', async (tty) => {
    const r = await runCli(['list', '--fields', 'id', '--no-cache', 'c'], { cwd: dir, tty });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(SKIPPED_C);
    if (!tty) expect(r.stdout).toBe('a\nb\nr1\n');
  });

  test('grep -c and summarise say it too; show, which reads only what it names, does not', async () => {
    const grep = await runCli(['grep', '-c', 'harbour', '--no-cache', 'c'], { cwd: dir });
    expect([grep.stdout, grep.stderr, grep.status]).toEqual(['a:1\nb:1\nr1:1\n', SKIPPED_C, 0]);
    const summary = await runCli(['summarise', '--only', 'overview', '--no-cache', 'c'], { cwd: dir });
    expect([summary.stderr, summary.status]).toEqual([SKIPPED_C, 0]);
    const show = await runCli(['show', '--meta', '--no-cache', '--corpus', 'c', 'r1'], { cwd: dir });
    expect([show.stderr, show.status]).toEqual(['', 0]);
  });

  test('files skipped for want of a reader do not make --strict fail: they are not documents that failed', async () => {
    const r = await runCli(['list', '--strict', '--no-cache', 'c'], { cwd: dir });
    expect([r.stderr, r.status]).toEqual([SKIPPED_C, 0]);
  });

  test('files a --glob leaves out are not counted: the user asked', async () => {
    const r = await runCli(['list', '--glob', '!*.pdf', '--no-cache', 'c'], { cwd: dir });
    expect(r.stderr).toBe('corpus: skipped 2 files with no reader: 1 without extension, 1 .docx\n');
  });

  test('at most three kinds are named, most files first, then …', async () => {
    const r = await runCli(['list', '--no-cache', 'many'], { cwd: dir });
    expect(r.stderr).toBe('corpus: skipped 6 files with no reader: 2 .png, 1 .docx, 1 .pdf, …\n');
  });

  test('a corpus with every file read says nothing', async () => {
    const r = await runCli(['list', '--no-cache', 'c/a.txt', 'c/b.md'], { cwd: dir });
    expect([r.stderr, r.status]).toEqual(['', 0]);
  });
});

describe('--type, --type-not, --type-list', () => {
  test('--type reads only the formats named, compressed forms included, and counts nothing skipped', async () => {
    const r = await runCli(['list', '--fields', 'id', '--type', 'jsonl', '--no-cache', 'c'], { cwd: dir });
    expect([r.stdout, r.stderr, r.status]).toEqual(['r1\n', '', 0]);
  });

  test('--type is repeatable and takes names comma-separated; -t is short for it', async () => {
    const repeated = await runCli(['list', '--fields', 'id', '-t', 'text', '--type', 'jsonl', '--no-cache', 'c'], {
      cwd: dir,
    });
    const commas = await runCli(['list', '--fields', 'id', '-t', 'text,jsonl', '--no-cache', 'c'], { cwd: dir });
    expect(repeated.stdout).toBe('a\nr1\n');
    expect(commas.stdout).toBe('a\nr1\n');
  });

  test('--type-not leaves the formats named out', async () => {
    const r = await runCli(['grep', '-l', 'harbour', '-T', 'text', '--type-not', 'jsonl', '--no-cache', 'c'], {
      cwd: dir,
    });
    expect([r.stdout, r.stderr, r.status]).toEqual(['b\n', '', 0]);
  });

  test('an unknown type is an error that names the valid ones', async () => {
    const r = await runCli(['list', '--type', 'pdf', '--no-cache', 'c'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^corpus: unknown type 'pdf' \(types: text, markdown, jsonl(, \w+)*; --type-list shows their files\)\n$/,
    );
    expect(r.stdout).toBe('');
  });

  test('--type-list prints each type with the files it reads, and exits 0 reading nothing', async () => {
    const r = await runCli(['list', '--type-list'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'text: *.txt, *.txt.gz, *.txt.zst, *.text, *.text.gz, *.text.zst',
      'markdown: *.md, *.md.gz, *.md.zst',
      'jsonl: *.jsonl, *.jsonl.gz, *.jsonl.zst, *.ndjson, *.ndjson.gz, *.ndjson.zst',
    ]);
    const grep = await runCli(['grep', '--type-list'], { cwd: dir });
    expect([grep.stdout, grep.status]).toEqual([r.stdout, 0]);
  });

  test('a file named on the command line is read whatever its extension and whatever --type says', async () => {
    const r = await runCli(['list', '--fields', 'id', '--type', 'jsonl', '--no-cache', 'c/report.pdf', 'c/a.txt'], {
      cwd: dir,
    });
    expect([r.stdout, r.stderr, r.status]).toEqual(['report\na\n', '', 0]);
  });
});
