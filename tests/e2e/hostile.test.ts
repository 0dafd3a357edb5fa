// The hostile corpus: every command over the files an attacker or an unlucky user hands over
// (escapes and bidi controls in names and text, binary and empty files, mixed encodings, bad
// JSON Lines, a gzip bomb, a sparse giant, a truncated gzip, a FIFO, a name that is not UTF-8).
// Each run must end in time without a crash, list every readable document, warn once about
// each bad file, and let no raw control sequence reach a terminal.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, runBin, TEST_CACHE, type BinRun } from '../helpers/run-bin.js';

const FIXTURE = path.resolve(__dirname, '../fixtures/hostile');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-hostile-'));
const corpus = path.join(work, 'hostile');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A run may take this long on a loaded two-core machine; a hang takes forever. */
const TIME_LIMIT_MS = 60_000;

/** The generated part of the corpus: too big, or too odd, to be kept in git. */
function generate(): void {
  fs.cpSync(FIXTURE, corpus, { recursive: true });
  const at = (name: string): string => path.join(corpus, name);
  // A name that is not valid UTF-8 (Latin-1 é).
  const latin1Name = Buffer.concat([Buffer.from(`${corpus}/latin1-`), Buffer.from([0xe9]), Buffer.from('.txt')]);
  fs.writeFileSync(latin1Name, 'A file whose name is Latin-1, about the harbour.\n');
  // A sparse file over the default --max-filesize (256 MiB): it costs no disk.
  fs.writeFileSync(at('giant.txt'), '');
  fs.truncateSync(at('giant.txt'), 300 * 1024 * 1024);
  // A gzip bomb: 300 members of 1 MiB of text each, 300 MiB inflated from about 300 KB.
  const member = zlib.gzipSync(Buffer.alloc(1024 * 1024, 'harbour '));
  fs.writeFileSync(at('bomb.txt.gz'), Buffer.concat(Array.from({ length: 300 }, () => member)));
  // One line of a megabyte, with a match every few words.
  fs.writeFileSync(at('long-line.txt'), `${'lorem ipsum dolor sit amet '.repeat(40_000)}\n`);
  // Three records gzipped, cut in the middle of the third.
  const records = [1, 2, 3]
    .map((n) =>
      JSON.stringify({ id: `cut${n}`, text: `Record ${n} of a gzip cut short, about the harbour. ${'x'.repeat(200)}` }),
    )
    .join('\n');
  const gz = zlib.gzipSync(`${records}\n`, { level: 0 });
  fs.writeFileSync(at('truncated.jsonl.gz'), gz.subarray(0, gz.length - 120));
  // A thousand bad lines around one good record.
  const bad = Array.from({ length: 1000 }, (_, i) => `{bad line ${i}`);
  fs.writeFileSync(
    at('many-bad.jsonl'),
    [...bad, JSON.stringify({ id: 'good', text: 'The one good record, at the harbour.' })].join('\n'),
  );
  // A title of 200,000 characters.
  fs.writeFileSync(
    at('big-title.jsonl'),
    `${JSON.stringify({ id: 'big', title: 'T'.repeat(200_000), text: 'A record with a huge title, by the harbour.' })}\n`,
  );
  // A FIFO found while walking: opening it would block forever.
  spawnSync('mkfifo', [at('fifo.txt')]);
}

beforeAll(generate);

const ENV = { CI: '1', PAGER: 'cat' };

function run(args: string[]): BinRun {
  const started = Date.now();
  const r = runBin([...args], { cwd: work, env: ENV, timeoutMs: TIME_LIMIT_MS });
  expect(r.status, `corpus ${args.join(' ')} ended in time (${Date.now() - started} ms)\n${r.stderr}`).not.toBeNull();
  expect(r.stderr).not.toMatch(/internal error| {4}at |Check failed|FATAL/);
  return r;
}

/** Runs `corpus <args>` on a real terminal (a pty made by `script`), stdout and stderr together. */
function runOnTerminal(args: string[]): string {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', quoted, '/dev/null'], {
    cwd: work,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      XDG_CACHE_HOME: TEST_CACHE,
      NO_COLOR: '1',
      TERM: 'dumb',
      ...ENV,
    },
    encoding: 'utf8',
    timeout: TIME_LIMIT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.status, `corpus ${args.join(' ')} on a terminal ended in time`).not.toBeNull();
  return r.stdout;
}

/** Every document that can be read, by id. */
const READABLE = [
  'bidi_\u202etxt.exe',
  'big',
  'crlf',
  'cut1',
  'cut2',
  'empty',
  'evil',
  'good',
  'latin1-\\\\xE9',
  'long-line',
  'mixed-encoding',
  'r1',
  'r2',
  'r3\\nnewline',
  'r4',
  'r5',
  'utf16',
  'zero\u200bwidth',
];

/** Each bad file, and what its warning says. */
const BAD: [string, RegExp][] = [
  ['binary.txt', /binary file/],
  ['giant.txt', /max-filesize/],
  ['bomb.txt.gz', /max-filesize/],
  ['truncated.jsonl.gz', /cut short|truncated|unexpected end/],
  ['fifo.txt', /not a regular file|FIFO/],
];

describe('the hostile corpus', () => {
  test('list shows every readable document and warns about each bad file', () => {
    const r = run(['list', 'hostile', '--format', 'tsv']);
    expect(r.status).toBe(0);
    const ids = r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t')[0]);
    expect(ids.sort()).toEqual([...READABLE].sort());
    const warnings = r.stderr.trimEnd().split('\n');
    for (const [file, why] of BAD) {
      const about = warnings.filter((w) => w.startsWith(`corpus: warning: hostile/${file}`));
      expect(about.length, `one warning for ${file}:\n${r.stderr}`).toBe(1);
      expect(about[0]).toMatch(why);
    }
  });

  test('a file of a thousand bad lines warns a bounded number of times and says how many more', () => {
    const r = run(['list', 'hostile/many-bad.jsonl']);
    const warnings = r.stderr.trimEnd().split('\n');
    expect(warnings.length).toBeLessThanOrEqual(12);
    expect(r.stderr).toMatch(/99\d more/);
    expect(r.stdout.split('\t')[0]).toBe('good');
  });

  test('declared dates and languages that are not real are never printed as data', () => {
    const r = run(['list', 'hostile/records.jsonl', '--json']);
    expect(r.stdout).not.toContain('9999-99-99');
    expect(r.stdout).not.toContain('-002023');
    expect(r.stdout).not.toContain('xx-invalid');
  });

  test.each([
    [['list', 'hostile', '--json']],
    [['summarise', 'hostile']],
    [['summarise', 'hostile', '--json']],
    [['grep', '-i', 'harbour', 'hostile']],
    [['grep', '-c', '-F', 'e', 'hostile']],
    [['grep', '--kwic', 'amet', 'hostile']],
    [['grep', '--json', 'amet', 'hostile']],
    [['grep', '-c', '(a|aa)+$', 'hostile']],
  ])('corpus %j ends in time and reads what it can', (args) => {
    const r = run(args);
    expect([0, 1]).toContain(r.status);
    for (const [file] of BAD) expect(r.stderr).toContain(`hostile/${file}`);
  });

  test('show gives each document named, whatever the corpus holds', () => {
    const r = run(['show', 'r1', 'evil', 'big', 'long-line', '--corpus', 'hostile', '--json']);
    expect(r.status).toBe(0);
    const shown = JSON.parse(r.stdout) as { id: string; title: string | null }[];
    expect(shown.map((d) => d.id)).toEqual(['r1', 'evil', 'big', 'long-line']);
    expect(shown[2]?.title).toBe('T'.repeat(200_000));
  });

  test.each([
    [['list', 'hostile']],
    [['summarise', 'hostile']],
    [['grep', '-i', 'harbour', 'hostile']],
    [['grep', '--kwic', 'owned|clip', 'hostile']],
    [['show', 'r2', 'evil', 'bidi', 'zero', '--corpus', 'hostile']],
    [['show', '--raw', 'r2', 'evil', '--corpus', 'hostile']],
    [['show', 'x\u001b]52;c;aGk=\u0007']],
  ])('corpus %j lets no raw control sequence reach a terminal', (args) => {
    const out = runOnTerminal(args);
    expect(out.length).toBeGreaterThan(0);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    expect(out).not.toMatch(/[\u200b\u202a-\u202e\u2060-\u2069\ufeff]|[\u{e0000}-\u{e007f}]/u);
  });
});
