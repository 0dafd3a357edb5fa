// The config file CORPUS_CONFIG_PATH names (docs/spec.md §1): one argument a line, a command's
// name as a prefix for one command only, unprefixed lines for every command that has the option,
// the command line winning over it, --no-config, and the messages of a file that is not right.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT, runCli, type CliRun } from '../helpers/run-cli.js';

const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-config-'));
afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

let files = 0;
/** Writes `text` to a config file of its own, and returns its path. */
function configFile(text: string): string {
  const file = path.join(DIR, `corpusrc-${++files}`);
  fs.writeFileSync(file, text);
  return file;
}

/** Runs `corpus <argv>` with a config file holding `text`. */
function runWith(text: string, argv: string[]): Promise<CliRun & { file: string }> {
  const file = configFile(text);
  return runCli(argv, { env: { CORPUS_CONFIG_PATH: file } }).then((r) => ({ ...r, file }));
}

const IDS = [
  '000_fdb09ddbbd769acc',
  '001_34f256881794425b',
  '002_075e5e7c38a2ef25',
  '003_d5acbb01e160b551',
  '004_4beb03af83448623',
];
const TSV = IDS.map((id) => `${id}\n`).join('');
const CSV = `id\n${TSV}`;
/** The seeds that hold "Loukachenko" (003 does not). */
const LOUKACHENKO = [IDS[0], IDS[1], IDS[2], IDS[4]].map((id) => `${id}\n`).join('');

describe('the config file', () => {
  test('its flags apply as if given before the command line', async () => {
    const r = await runWith('--format=csv\n', ['list', 'seeds', '--fields', 'id']);
    expect(r).toMatchObject({ status: 0, stderr: '', stdout: CSV });
  });

  test('a value may stand alone on the next line; blank lines, comments, spaces and CRLF are skipped', async () => {
    const text = '\uFEFF# default flags\r\n\r\n   --format   \r\n  csv\r\n   # indented comment\n\n';
    const r = await runWith(text, ['list', 'seeds', '--fields', 'id']);
    expect(r).toMatchObject({ status: 0, stderr: '', stdout: CSV });
  });

  test('the command line wins over the file', async () => {
    const r = await runWith('--format=csv\n', ['list', 'seeds', '--fields', 'id', '--format', 'tsv']);
    expect(r).toMatchObject({ status: 0, stderr: '', stdout: TSV });
  });

  test('--no-config, before or after the command, reads no file', async () => {
    for (const argv of [
      ['--no-config', 'list', 'seeds', '--fields', 'id'],
      ['list', 'seeds', '--no-config', '--fields', 'id'],
    ]) {
      const r = await runWith('--format=csv\n', argv);
      expect(r, argv.join(' ')).toMatchObject({ status: 0, stderr: '', stdout: TSV });
    }
  });

  test('a value that reads --no-config is a value, not the flag', async () => {
    // --fields takes the next word whatever it is: the file is read, and its error shows it.
    const r = await runWith('--kwik\n', ['list', 'seeds', '--fields', '--no-config']);
    expect(r).toMatchObject({
      status: 2,
      stdout: '',
      stderr: `corpus: config file ${r.file}:1: unknown option '--kwik'\n`,
    });
  });

  test('a line prefixed with a command applies to that command only', async () => {
    const text = 'grep: --files-with-matches\nlist: --format=csv\n';
    const grep = await runWith(text, ['grep', 'Loukachenko', 'seeds']);
    expect(grep).toMatchObject({ status: 0, stderr: '', stdout: LOUKACHENKO });
    const list = await runWith(text, ['list', 'seeds', '--fields', 'id']);
    expect(list).toMatchObject({ status: 0, stderr: '', stdout: CSV });
  });

  test('an unprefixed line applies to the commands that have the option, and the others skip it', async () => {
    const text = '-l\n--format=csv\n';
    const grep = await runWith(text, ['grep', 'Loukachenko', 'seeds']);
    // grep -l in CSV: a row a document, `id,path` (docs/spec.md §5, grep's output per mode).
    const rows = [IDS[0], IDS[1], IDS[2], IDS[4]].map((id) => `${id},seeds/${id}.txt\n`).join('');
    expect(grep).toMatchObject({ status: 0, stderr: '', stdout: `id,path\n${rows}` });
    const list = await runWith(text, ['list', 'seeds', '--fields', 'id']);
    expect(list).toMatchObject({ status: 0, stderr: '', stdout: CSV });
  });

  test('a prefix may be an alias, and short flags may be joined as on the command line', async () => {
    const grep = await runWith('grep: -Fl\n', ['grep', 'Loukachenko', 'seeds']);
    expect(grep).toMatchObject({ status: 0, stderr: '', stdout: LOUKACHENKO });
    const summary = await runWith('summary: --by=week\n', ['summarise', 'seeds']);
    expect(summary.status).toBe(2);
    expect(summary.stderr).toBe(
      `corpus: config file ${summary.file}:1: option '--by <group>' argument 'week' is invalid. ` +
        'Allowed choices are lang, source, month.\n',
    );
  });

  test('a file that cannot be read is a warning, and the run goes on without it', async () => {
    const missing = path.join(DIR, 'no-such-file');
    const r = await runCli(['list', 'seeds', '--fields', 'id'], { env: { CORPUS_CONFIG_PATH: missing } });
    expect(r).toMatchObject({
      status: 0,
      stdout: TSV,
      stderr: `corpus: warning: cannot read the config file ${missing} (CORPUS_CONFIG_PATH): no such file or folder\n`,
    });
    const folder = await runCli(['list', 'seeds', '--fields', 'id'], { env: { CORPUS_CONFIG_PATH: DIR } });
    expect(folder).toMatchObject({
      status: 0,
      stdout: TSV,
      stderr: `corpus: warning: cannot read the config file ${DIR} (CORPUS_CONFIG_PATH): is a folder\n`,
    });
  });

  test('a file bigger than 1 MiB is not read', async () => {
    const r = await runWith(`--format=csv\n${'#'.repeat(1024 * 1024)}\n`, ['list', 'seeds', '--fields', 'id']);
    expect(r).toMatchObject({
      status: 0,
      stdout: TSV,
      stderr: `corpus: warning: cannot read the config file ${r.file} (CORPUS_CONFIG_PATH): bigger than 1 MiB\n`,
    });
  });

  test('a relative CORPUS_CONFIG_PATH is taken from the current folder', async () => {
    configFile('--format=csv\n');
    const r = await runCli(['list', path.join(ROOT, 'seeds'), '--fields', 'id'], {
      cwd: DIR,
      env: { CORPUS_CONFIG_PATH: `corpusrc-${files}` },
    });
    expect(r).toMatchObject({ status: 0, stderr: '', stdout: CSV });
  });

  test('an empty CORPUS_CONFIG_PATH names no file', async () => {
    const r = await runCli(['list', 'seeds', '--fields', 'id'], { env: { CORPUS_CONFIG_PATH: '' } });
    expect(r).toMatchObject({ status: 0, stderr: '', stdout: TSV });
  });

  test('completion reads no file: a broken one does not break the shell that loads it', async () => {
    const r = await runWith('--kwik\n', ['completion', 'bash']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toMatch(/^# bash completion for corpus /);
  });

  test('help is shown whatever the file holds', async () => {
    const r = await runWith('--kwik\n', ['list', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: corpus list /);
  });
});

describe('a config file that is not right: a usage error naming the file and the line, and no run', () => {
  const cases: [what: string, text: string, message: string][] = [
    ['an option no command has', '# mine\n--format=csv\n--kwik\n', "3: unknown option '--kwik'"],
    ['a letter no command has', '-Fk\n', "1: unknown option '-k'"],
    ['an option the prefixed command has not', 'list: --kwic\n', "1: unknown option '--kwic' for list"],
    [
      'a prefix that names no command',
      'gerp: --kwic\n',
      "1: 'gerp:' does not name a command (a line for one command starts with one of list, show, grep, summarise, words, collocates, keywords, report, merge, completion)",
    ],
    ['a missing value', '--color=never\n--format\n', "2: option '--format <format>' argument missing"],
    ['a value given to a flag that takes none', '--kwic=yes\n', "1: option '--kwic' takes no value"],
    [
      'a value not among the choices',
      '--format=xml\n',
      "1: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, tsv, csv, json, jsonl, parquet.",
    ],
    [
      'an unprefixed value that suits one command only',
      '--sort=date\n',
      "1: option '--sort <key>' argument 'date' is invalid for grep. Allowed choices are left, right, match, id. " +
        "A line for one command only starts with its name: 'list: --sort=date'.",
    ],
    [
      'a word that is not an option',
      'news/\n',
      "1: 'news/' is not an option: a config file holds options, one a line, a value after = or on the next line",
    ],
  ];
  test.each(cases)('%s', async (_what, text, message) => {
    // Checked whichever command runs, even one the line is not for.
    for (const command of ['list', 'summarise']) {
      const r = await runWith(text, [command, 'seeds']);
      expect(r, command).toMatchObject({ status: 2, stdout: '', stderr: `corpus: config file ${r.file}:${message}\n` });
    }
  });
});
