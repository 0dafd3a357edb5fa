// Commands on hostile data, terminal on and off: nothing from the data reaches a terminal raw,
// long cells are cut, line formats stay one line a record, and a failed pager loses nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { capturedOutput } from '../../src/format/output-stream.js';
import { runCli, TEST_CACHE } from '../helpers/run-cli.js';

const RLO = '\u202e';
const OSC52 = '\u001b]52;c;aGVsbG8=\u0007';
let dir: string;
let long: string;
let lined: string;
let escapes: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-terminal-'));
  long = path.join(dir, 'long');
  lined = path.join(dir, 'lined');
  escapes = path.join(dir, 'escapes');
  for (const d of [long, lined, escapes]) fs.mkdirSync(d);
  const record = (r: object) => `${JSON.stringify({ text: 'Some text here for a document to read.', ...r })}\n`;
  fs.writeFileSync(
    path.join(long, 'r.jsonl'),
    record({ id: 'x'.repeat(200_000), title: 'short' }) + record({ id: 'b', title: 'y'.repeat(200_000) }),
  );
  fs.writeFileSync(path.join(lined, 'r.jsonl'), record({ id: 'a\nb\u0000c', title: 'T' }));
  fs.writeFileSync(
    path.join(escapes, `bidi_${RLO}txt.exe.txt`),
    `Hello ${RLO}dlrow\n${OSC52} clip \u001b[2J clear \u001b]0;title\u0007\n`,
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('long cells on a terminal', () => {
  test('a 200,000-character id or title is cut to the terminal in list, with an ellipsis', async () => {
    const r = await runCli(['list', long, '--color', 'never', '--fields', 'id,lang,title'], { tty: true, columns: 60 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        `ID${' '.repeat(40)}LANG  TITLE`,
        `${'x'.repeat(39)}…  eng   short`,
        `b${' '.repeat(41)}eng   ${'y'.repeat(11)}…`,
        '',
      ].join('\n'),
    );
  });

  test('a 200,000-character id is cut in the summary on a terminal', async () => {
    const r = await runCli(['summarise', long, '--only', 'overview', '--color', 'never'], { tty: true, columns: 80 });
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.includes('shortest'))).toBe(`  shortest          ${'x'.repeat(39)}… (8 words)`);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
  });
});

describe('no sequence from data reaches a terminal raw', () => {
  const id = `bidi_${RLO}txt.exe`;

  test('a file named with U+202E shows <U+202E> in list, --paths and --json on a terminal; a pipe gets it as decoded', async () => {
    const table = await runCli(['list', escapes, '--color', 'never', '--fields', 'id'], { tty: true });
    expect(table.stdout).toBe(`ID\n${'bidi_<U+202E>txt.exe'}\n`);
    const paths = await runCli(['list', escapes, '--paths'], { tty: true });
    expect(paths.stdout).toBe(`${path.join(escapes, 'bidi_<U+202E>txt.exe.txt')}\n`);
    const json = await runCli(['list', escapes, '--format', 'jsonl', '--fields', 'id'], { tty: true });
    expect(json.stdout).toBe('{"id":"bidi_\\u202etxt.exe"}\n');
    const piped = await runCli(['list', escapes, '--fields', 'id']);
    expect(piped.stdout).toBe(`${id}\n`);
  });

  test('show --raw on a terminal shows escape sequences visibly; --no-sanitize and a pipe write them as decoded', async () => {
    const text = fs.readFileSync(path.join(escapes, `bidi_${RLO}txt.exe.txt`), 'utf8');
    const shown = await runCli(['show', id, '--corpus', escapes, '--raw'], { tty: true });
    expect(shown.stdout).toBe('Hello <U+202E>dlrow\n␛]52;c;aGVsbG8=␇ clip ␛[2J clear ␛]0;title␇\n');
    const asked = await runCli(['show', id, '--corpus', escapes, '--raw', '--no-sanitize'], { tty: true });
    expect(asked.stdout).toBe(text);
    const piped = await runCli(['show', id, '--corpus', escapes, '--raw']);
    expect(piped.stdout).toBe(text);
    const tsv = await runCli(['show', id, '--corpus', escapes, '--format', 'tsv'], { tty: true });
    expect(tsv.stdout).toBe('Hello <U+202E>dlrow\n␛]52;c;aGVsbG8=␇ clip ␛[2J clear ␛]0;title␇\n');
  });

  test('an argument echoed in an error is shown visibly', async () => {
    const r = await runCli(['show', `x${OSC52}`, '--corpus', escapes], { tty: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("corpus: no document matches 'x␛]52;c;aGVsbG8=␇'\n");
    const option = await runCli(['list', `--bad\u001b[2J`], { tty: true });
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("corpus: unknown option '--bad␛[2J'");
    expect(option.stderr).not.toContain('\u001b');
  });
});

describe('line formats stay one line a record', () => {
  test('an id holding a newline or NUL is escaped in TSV and in show --meta', async () => {
    const list = await runCli(['list', lined, '--fields', 'id,title']);
    expect(list.stdout).toBe('a\\nb\\0c\tT\n');
    const meta = await runCli(['show', 'a', '--corpus', lined, '--meta']);
    expect(meta.stdout.split('\n').slice(0, 2)).toEqual(['id\ta\\nb\\0c', `path\t${path.join(lined, 'r.jsonl')}`]);
  });
});

describe('a pager that fails', () => {
  test('the view is written to the terminal when the pager did not show it', async () => {
    const stdout = capturedOutput(true);
    const io: Io = {
      stdout,
      stderr: capturedOutput(true),
      stdin: Readable.from([]),
      stdinIsTTY: true,
      env: { XDG_CACHE_HOME: TEST_CACHE, NO_COLOR: '1' },
      cwd: process.cwd(),
      columns: 80,
      rows: 5,
      page: async () => false,
    };
    expect(await main(['show', '003'], io)).toBe(0);
    expect(stdout.text().split('\n')[0]).toBe('id       003_d5acbb01e160b551');
  });
});
