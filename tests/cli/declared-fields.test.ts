// A JSON Lines record's declared date and lang are checked: an impossible one never reaches the
// output as data, in list or in summarise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-declared-'));
  const records = [
    { id: 'r4', date: '9999-99-99', lang: 'xx-invalid', text: 'Un document près du port, avec une date impossible.' },
    { id: 'r5', date: '-002023-01-01', lang: 'en', text: 'A record declaring a negative year, near the harbour.' },
    { id: 'r6', date: '2023-01-31 18:14', lang: 'en-US', text: 'A record declaring a good date and a tag.' },
  ];
  fs.writeFileSync(path.join(dir, 'records.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('declared fields', () => {
  for (const tty of [false, true]) {
    test(`list: an impossible declared date or lang is dropped and flagged (terminal ${tty ? 'on' : 'off'})`, async () => {
      const r = await runCli(['list', dir, '--format', 'tsv', '--fields', 'id,lang,date,flags'], { tty });
      expect(r).toMatchObject({ status: 0, stderr: '' });
      expect(r.stdout).toBe(
        'r4\tfra\t\tno-date,no-title,short,invalid-date,invalid-lang\n' +
          'r5\teng\t\tno-date,no-title,short,invalid-date\n' +
          'r6\teng\t2023-01-31T18:14\tno-title,short\n',
      );
    });
  }

  test('summarise: the date range holds only real dates; the quality section counts the invalid ones', async () => {
    const r = await runCli(['summarise', dir, '--format', 'json', '--only', 'overview,quality']);
    const s = JSON.parse(r.stdout);
    expect(s.overview.dateRange).toEqual({ from: '2023-01-31T18:14', to: '2023-01-31T18:14' });
    const flagged = (flag: string) => s.quality.find((q: { flag: string }) => q.flag === flag);
    expect(flagged('invalid-date')).toEqual({ flag: 'invalid-date', documents: 2, ids: ['r4', 'r5'] });
    expect(flagged('invalid-lang')).toEqual({ flag: 'invalid-lang', documents: 1, ids: ['r4'] });
  });

  test('--flag invalid-date selects the records whose declared date was dropped', async () => {
    const r = await runCli(['list', dir, '--flag', 'invalid-date', '--fields', 'id']);
    expect(r.stdout).toBe('r4\nr5\n');
  });
});
