// Nothing accepted in silence, on the command line: a date that is none, a flag the tool does not
// set, a language that is no ISO 639 code and a date range that ends before it starts are usage
// errors (status 2) on every command that filters, saying what is valid, with no output.
import { describe, expect, test } from 'vitest';
import { RECORD_FLAGS } from '../../src/core/filter.js';
import { runCli } from '../helpers/run-cli.js';

const DATE = 'takes an ISO date such as 2023, 2023-01 or 2023-01-31';

/** The filter options refused, and the one error line each gives. */
const REFUSED: [string[], string][] = [
  [['--since', 'yesterday'], `--since ${DATE}, not 'yesterday'`],
  [['--until', '2023-13'], `--until ${DATE}, not '2023-13'`],
  [['--since', '2023-02-30'], `--since ${DATE}, not '2023-02-30'`],
  [['--since', '2024', '--until', '2023-12-31'], '--since 2024 is after --until 2023-12-31: no date is in between'],
  [['--flag', 'nope'], `--flag takes flags among ${RECORD_FLAGS.join(', ')}, not 'nope'`],
  [['--lang', 'xx'], "--lang takes ISO 639-1 or 639-3 codes such as fr or fra, not 'xx'"],
  [['--lang', 'fr,french'], "--lang takes ISO 639-1 or 639-3 codes such as fr or fra, not 'french'"],
];

/** Each command that filters, as run before its filter options. */
const COMMANDS: string[][] = [['list'], ['grep', 'port'], ['summarise']];

describe('a filter value that names nothing is a usage error on every command', () => {
  for (const command of COMMANDS)
    for (const [options, message] of REFUSED)
      for (const tty of [false, true])
        test(`${[...command, ...options].join(' ')} (terminal ${tty ? 'on' : 'off'})`, async () => {
          expect(await runCli([...command, ...options, '--no-cache'], { tty })).toEqual({
            status: 2,
            stdout: '',
            stderr: `corpus: ${message}\n`,
            paged: [],
          });
        });
});

test('valid filter values are taken: the documents in range, in the language, are listed', async () => {
  const argv = ['list', '--since', '2023', '--until', '2023-12-31', '--lang', 'fr', '--format', 'jsonl', '--no-cache'];
  const run = await runCli(argv);
  expect(run).toMatchObject({ status: 0, stderr: '' });
  const records = run.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { lang: string; date: string });
  expect(records.length).toBeGreaterThan(0);
  for (const { lang, date } of records) expect([lang, date.slice(0, 4)]).toEqual(['fra', '2023']);
});
