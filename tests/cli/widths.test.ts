// Tables fit the terminal: the title is cut first, then the widest other columns, then the
// least important columns are dropped; COLUMNS sets the width; CJK and emoji take two columns.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, test } from 'vitest';
import { terminalColumns } from '../../src/cli/process-io.js';
import { leftInColumns, rightInColumns } from '../../src/format/grep-kwic.js';
import { displayWidth, tableLayout, truncateToWidth } from '../../src/format/table.js';
import type { Column } from '../../src/format/column.js';
import { runCli } from '../helpers/run-cli.js';

const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-widths-'));
afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));
const records = [
  {
    id: 'fr-1',
    title: 'Poutine approuve la création de centres de formation militaire avec la Biélorussie',
    date: '2023-01-31',
    source: 'Le Monde',
    text: "Le président a approuvé la création de centres de formation. Il l'a dit hier à Moscou devant la presse.",
  },
  {
    id: 'zh-1',
    title: '普京批准与白俄罗斯建立联合军事训练中心的计划',
    date: '2023-02-01',
    source: '新华社',
    text: '俄罗斯总统普京批准了与白俄罗斯建立联合军事训练中心的计划。这是两国合作的一部分。',
  },
  {
    id: 'em-1',
    title: 'Launch day 🚀 the rocket 🎉 flew and everyone cheered 👍 loudly',
    date: '2023-02-02',
    source: 'Space News',
    text: 'The rocket flew today and everyone cheered. It was a good day for the team.',
  },
];
fs.writeFileSync(path.join(DIR, 'news.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');

async function table(argv: string[], columns: number): Promise<string> {
  const r = await runCli([...argv, '--color', 'never'], { tty: true, columns });
  expect(r).toMatchObject({ status: 0, stderr: '' });
  return r.stdout;
}

/** Every line of the text is at most `columns` wide, measured as a terminal does. */
function fits(text: string, columns: number): boolean {
  return text.split('\n').every((line) => stringWidth(line) <= columns);
}

describe('list fits the terminal', () => {
  test('at 40 columns every row is one line: SOURCE and WORDS dropped, the title cut by display width', async () => {
    const out = await table(['list', DIR], 40);
    expect(out).toBe(
      'ID    LANG  DATE        TITLE\n' +
        'fr-1  fra   2023-01-31  Poutine approuv…\n' +
        'zh-1  cmn   2023-02-01  普京批准与白俄…\n' +
        'em-1  eng   2023-02-02  Launch day 🚀 t…\n',
    );
    expect(fits(out, 40)).toBe(true);
  });

  test('at 80 columns every column is shown, the title cut to what is left', async () => {
    const out = await table(['list', DIR], 80);
    expect(out).toBe(
      'ID    LANG  DATE        WORDS  SOURCE      TITLE\n' +
        'fr-1  fra   2023-01-31     19  Le Monde    Poutine approuve la création de cent…\n' +
        'zh-1  cmn   2023-02-01     22  新华社      普京批准与白俄罗斯建立联合军事训练中…\n' +
        'em-1  eng   2023-02-02     15  Space News  Launch day 🚀 the rocket 🎉 flew and…\n',
    );
    expect(fits(out, 80)).toBe(true);
  });

  test('at 120 columns a title that fits is whole; CJK and emoji titles align with the Latin', async () => {
    const out = await table(['list', DIR], 120);
    expect(out).toBe(
      'ID    LANG  DATE        WORDS  SOURCE      TITLE\n' +
        'fr-1  fra   2023-01-31     19  Le Monde    Poutine approuve la création de centres de formation militaire avec la Biélo…\n' +
        'zh-1  cmn   2023-02-01     22  新华社      普京批准与白俄罗斯建立联合军事训练中心的计划\n' +
        'em-1  eng   2023-02-02     15  Space News  Launch day 🚀 the rocket 🎉 flew and everyone cheered 👍 loudly\n',
    );
    expect(fits(out, 120)).toBe(true);
  });

  test('the fields named last are dropped first, the title after them, the id never', async () => {
    const argv = ['list', DIR, '--fields', 'title,source,id,date'];
    expect(await table(argv, 40)).toBe(
      'TITLE                   SOURCE      ID\n' +
        'Poutine approuve la c…  Le Monde    fr-1\n' +
        '普京批准与白俄罗斯建…   新华社      zh-1\n' +
        'Launch day 🚀 the roc…  Space News  em-1\n',
    );
    expect(await table(argv, 20)).toBe(
      'TITLE           ID\n' + 'Poutine appro…  fr-1\n' + '普京批准与白…   zh-1\n' + 'Launch day 🚀…  em-1\n',
    );
  });

  test('the seeds, with long ids and dates, fit 40 and 80 columns too', async () => {
    for (const [argv, columns] of [
      [['list'], 40],
      [['list'], 80],
      [['list', '--fields', 'id,path,date,title,flags'], 40],
    ] as const) {
      const r = await runCli([...argv], { tty: true, columns });
      expect(r.stdout.split('\n')).toHaveLength(7);
      expect(fits(r.stdout, columns)).toBe(true);
    }
  });
});

describe('KWIC in display width', () => {
  test('a concordance of Chinese lines aligns: each context is 20 columns, 10 characters', async () => {
    const out = await table(['grep', '--kwic', '的|rocket|formation', DIR], 80);
    expect(out).toBe(
      'ID    LINE                  LEFT  MATCH      RIGHT\n' +
        "fr-1     1         de centres de  formation  . Il l'a dit hier à\n" +
        'zh-1     1  建立联合军事训练中心  的         计划。这是两国合作的\n' +
        'zh-1     1  的计划。这是两国合作  的         一部分。\n' +
        'em-1     1                   The  rocket     flew today and\n',
    );
  });

  test('--width counts columns in every format', async () => {
    const r = await runCli(['grep', '--kwic', '--json', '--width', '6', '合作', DIR]);
    const rows = JSON.parse(r.stdout) as { left: string; right: string }[];
    expect(rows.map((row) => [row.left, row.right])).toEqual([['是两国', '的一部']]);
  });

  test('on a narrow terminal the contexts are cut, the left one at its start; then the line goes, then the id', async () => {
    const argv = ['grep', '--kwic', '--width', '20', 'presse|rocket', DIR];
    expect(await table(argv, 40)).toBe(
      'ID            LEFT  MATCH   RIGHT\n' +
        'fr-1  …u devant la  presse  .\n' +
        'em-1           The  rocket  flew today …\n',
    );
    expect(await table(argv, 30)).toBe(
      '    LEFT  MATCH   RIGHT\n' + '…vant la  presse  .\n' + '     The  rocket  flew today …\n',
    );
  });

  test('contexts are cut by columns at a word edge', () => {
    expect(leftInColumns('the quick brown fox', 12)).toBe('brown fox');
    expect(leftInColumns('这是两国合作', 6)).toBe('国合作');
    expect(rightInColumns('the quick brown fox', 12)).toBe('the quick');
    expect(rightInColumns('👍 loudly and 🎉', 9)).toBe('👍 loudly');
  });
});

describe('widths', () => {
  test('COLUMNS, a whole number, wins over the terminal; else the terminal, else 80', () => {
    expect(terminalColumns({ COLUMNS: '40' }, 120)).toBe(40);
    expect(terminalColumns({ COLUMNS: ' 132 ' }, undefined)).toBe(132);
    expect(terminalColumns({ COLUMNS: 'wide' }, 100)).toBe(100);
    expect(terminalColumns({ COLUMNS: '0' }, 100)).toBe(100);
    expect(terminalColumns({}, undefined)).toBe(80);
  });

  test('display width is string-width’s, for every script and emoji', () => {
    const texts = [
      'plain ASCII',
      'création Biélorussie',
      'Москва',
      '普京批准',
      'ｆｕｌｌｗｉｄｔｈ',
      '한국어',
      '\u1100\u1161\u11a8',
      'e\u0301 combining',
      '👍🏽 thumbs',
      '👨‍👩‍👧 family',
      '🇫🇷 flag',
      '#️⃣ keycap',
      '©®',
      'a\u200bb',
      'tab\there',
      'ÅΩ≈ç√∫',
      '→★♥',
    ];
    for (const text of texts) expect([text, displayWidth(text)]).toEqual([text, stringWidth(text)]);
  });

  test('a cut keeps the end or the start, within the width', () => {
    expect(truncateToWidth('普京批准与白俄罗斯', 9)).toBe('普京批准…');
    expect(truncateToWidth('普京批准与白俄罗斯', 9, 'start')).toBe('…白俄罗斯');
    expect(truncateToWidth('the words by the match', 10, 'start')).toBe('…the match');
    expect(truncateToWidth('short', 10, 'start')).toBe('short');
  });

  test('the layout: the growing column cut first, then the widest, then the lowest drop rank goes', () => {
    const col = (key: string, extra: Partial<Column<unknown>> = {}): Column<unknown> => ({
      key,
      header: key.toUpperCase(),
      value: () => '',
      ...extra,
    });
    const columns = [
      col('id'),
      col('source', { drop: 2 }),
      col('words', { drop: 1 }),
      col('title', { grow: true, drop: 3 }),
    ];
    // id 10, source 30, words 5, title 60
    const natural = [10, 30, 5, 60];
    expect(tableLayout(columns, natural, 200)).toEqual({ shown: [0, 1, 2, 3], widths: [10, 30, 5, 60] });
    // 111 wide: the title gives 11.
    expect(tableLayout(columns, natural, 100)).toEqual({ shown: [0, 1, 2, 3], widths: [10, 30, 5, 49] });
    // The title at 12, the source still fits whole (its floor is 24).
    expect(tableLayout(columns, natural, 63)).toEqual({ shown: [0, 1, 2, 3], widths: [10, 30, 5, 12] });
    expect(tableLayout(columns, natural, 57)).toEqual({ shown: [0, 1, 2, 3], widths: [10, 24, 5, 12] });
    // Even at their floors they do not fit 56: words goes, and the title takes what it left.
    expect(tableLayout(columns, natural, 56)).toEqual({ shown: [0, 1, 3], widths: [10, 30, 5, 12] });
    // Then the source.
    expect(tableLayout(columns, natural, 30)).toEqual({ shown: [0, 3], widths: [10, 30, 5, 18] });
    // At 20 the title goes too; at 8, nothing left to drop, the id is cut.
    expect(tableLayout(columns, natural, 20)).toEqual({ shown: [0], widths: [10, 30, 5, 60] });
    expect(tableLayout(columns, natural, 8)).toEqual({ shown: [0], widths: [8, 30, 5, 60] });
  });
});
