// Every option value is checked before a run starts: a bad one is an error naming what is valid,
// status 2, and no output; --jobs above the cores is capped with a warning.
import os from 'node:os';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const DATE = 'takes an ISO date such as 2023, 2023-01 or 2023-01-31';
const FLAGS =
  'flags among mixed-language, no-date, no-title, short, und, encoding-fallback, invalid-date, invalid-lang, lang-disagrees, duplicate, near-duplicate';
const SECTIONS =
  'overview, languages, timeline, sources, lengths, vocabulary, names, distinctive, duplicates, boilerplate, quality';

/** Each bad command line and the one error line it must give. */
const REFUSED: [string[], string][] = [
  [['list', '--since', '2023-13'], `--since ${DATE}, not '2023-13'`],
  [['list', '--since', '2023-02-30'], `--since ${DATE}, not '2023-02-30'`],
  [['grep', '--until', '2023-01-01T25:00', 'port'], `--until ${DATE}, not '2023-01-01T25:00'`],
  [['summarise', '--flag', 'bogus'], `--flag takes ${FLAGS}, not 'bogus'`],
  [['list', '--lang', ''], "--lang takes ISO 639-1 or 639-3 codes such as fr or fra, not ''"],
  [['list', '--source', ''], "--source takes some text of a source's name, not ''"],
  [['grep', '-A', '', 'port'], "-A takes a whole number, not ''"],
  [['grep', '-B', '-1', 'port'], "-B takes a whole number, not '-1'"],
  [['grep', '-C', '0x10', 'port'], "-C takes a whole number, not '0x10'"],
  [['grep', '-m', '1e2', 'port'], "-m takes a whole number, not '1e2'"],
  [['grep', '--kwic', '--width', ' 3', 'port'], "--width takes a whole number, not ' 3'"],
  [['summarise', '--top', '1.5'], "--top takes a whole number from 1, not '1.5'"],
  [['summarise', '--only', ','], `--only takes sections, comma-separated (sections: ${SECTIONS})`],
  [['list', '--jobs', '1e1'], "--jobs takes a whole number from 1, not '1e1'"],
  [['show', '000', '--jobs', '0'], "--jobs takes a whole number from 1, not '0'"],
  [['list', '--glob', ''], "--glob takes a pattern such as '*.md' or '!drafts/**', not ''"],
  [['grep', '--glob', '!', 'port'], "--glob takes a pattern such as '*.md' or '!drafts/**', not '!'"],
  [['list', '--corpus', ''], "'' is not a path: name a folder, a file or a glob"],
  [['summarise', ''], "'' is not a path: name a folder, a file or a glob"],
  [
    ['list', '--format', 'xml'],
    "option '--format <format>' argument 'xml' is invalid. Allowed choices are table, tsv, csv, json, jsonl, parquet.",
  ],
  // Issue 21: a format only list writes is named with it.
  [
    ['summarise', '--format', 'parquet'],
    "option '--format <format>' argument 'parquet' is invalid. Allowed choices are table, tsv, csv, json, jsonl (parquet: list only).",
  ],
  [
    ['list', '--color', 'sometimes'],
    "option '--color <when>' argument 'sometimes' is invalid. Allowed choices are auto, always, never.",
  ],
  [
    ['grep', '--kwic', '--sort', 'up', 'port'],
    "option '--sort <key>' argument 'up' is invalid. Allowed choices are left, right, match, id.",
  ],
];

describe('a bad option value is refused with the valid values, status 2', () => {
  for (const tty of [false, true]) {
    for (const [argv, message] of REFUSED) {
      test(`${argv.join(' ')} (terminal ${tty ? 'on' : 'off'})`, async () => {
        expect(await runCli(argv, { tty })).toMatchObject({ status: 2, stdout: '', stderr: `corpus: ${message}\n` });
      });
    }
  }
});

describe('--jobs is capped at the cores available', () => {
  const cores = os.availableParallelism();
  const available = cores === 1 ? '1 core' : `${cores} cores`;

  test('--jobs 1000 runs with the cores available, and a warning says so', async () => {
    const r = await runCli(['list', '--jobs', '1000', '--fields', 'id']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`corpus: warning: --jobs 1000 is more than the ${available} available; using ${cores}\n`);
    expect(r.stdout.split('\n')).toHaveLength(6);
  });

  test('--jobs up to the cores gives no warning', async () => {
    expect(await runCli(['list', '--jobs', String(cores), '--fields', 'id'])).toMatchObject({ status: 0, stderr: '' });
  });

  test('the cap warning does not make --strict fail', async () => {
    const r = await runCli(['list', '--strict', '--jobs', String(cores + 1), '--fields', 'id']);
    expect(r.status).toBe(0);
  });
});
