import { describe, expect, test } from 'vitest';
import { capturedOutput } from '../../src/format/output-stream.js';
import { cellText, csvCell, tsvCell } from '../../src/format/cells.js';
import { paint, useColor } from '../../src/format/color.js';
import type { Column } from '../../src/format/column.js';
import type { OutputFormat } from '../../src/format/formats.js';
import { createRowWriter } from '../../src/format/row-writer.js';
import { truncateToWidth } from '../../src/format/table.js';
import { visible } from '../../src/format/sanitize.js';

interface Row {
  id: string;
  words: number;
  title: string | null;
  flags: string[];
}

const columns: Column<Row>[] = [
  { key: 'id', header: 'ID', value: (r) => r.id },
  { key: 'words', header: 'WORDS', value: (r) => r.words, align: 'right' },
  { key: 'title', header: 'TITLE', value: (r) => r.title, grow: true },
  { key: 'flags', header: 'FLAGS', value: (r) => r.flags },
];

const rows: Row[] = [
  { id: 'a', words: 12, title: 'Un titre, avec "guillemets"', flags: ['no-date', 'short'] },
  { id: 'bb', words: 3456, title: null, flags: [] },
  { id: 'c', words: 7, title: 'tab\there\nnewline', flags: [] },
];

async function render(
  format: OutputFormat,
  extra: { header?: boolean; width?: number; color?: boolean; nul?: boolean } = {},
) {
  const out = capturedOutput(format === 'table');
  const writer = createRowWriter<Row>({
    format,
    columns,
    out,
    chalk: paint(extra.color ?? false),
    header: extra.header,
    width: extra.width ?? 80,
    json: (r) => r,
    nul: extra.nul,
  });
  for (const r of rows) await writer.write(r);
  await writer.end();
  return out.text();
}

describe('row writer', () => {
  test('TSV: no header, escapes tab, newline and backslash, arrays joined with commas', async () => {
    expect(await render('tsv')).toBe(
      'a\t12\tUn titre, avec "guillemets"\tno-date,short\n' + 'bb\t3456\t\t\n' + 'c\t7\ttab\\there\\nnewline\t\n',
    );
  });

  test('TSV with --header', async () => {
    expect((await render('tsv', { header: true })).split('\n')[0]).toBe('id\twords\ttitle\tflags');
  });

  test('CSV always has a header and quotes per RFC 4180', async () => {
    expect(await render('csv')).toBe(
      'id,words,title,flags\n' +
        'a,12,"Un titre, avec ""guillemets""","no-date,short"\n' +
        'bb,3456,,\n' +
        'c,7,"tab\there\nnewline",\n',
    );
  });

  test('JSON is one array; JSON Lines one object a line', async () => {
    expect(JSON.parse(await render('json'))).toEqual(rows);
    const lines = (await render('jsonl')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(rows);
  });

  test('JSON with no rows is an empty array', async () => {
    const out = capturedOutput(false);
    const writer = createRowWriter<Row>({ format: 'json', columns, out, chalk: paint(false), json: (r) => r });
    await writer.end();
    expect(out.text()).toBe('[]\n');
  });

  test('table: aligned columns, right-aligned numbers, the grow column cut to the width, no trailing spaces', async () => {
    expect(await render('table', { width: 40 })).toBe(
      [
        'ID  WORDS  TITLE           FLAGS',
        'a      12  Un titre, ave…  no-date,short',
        'bb   3456',
        'c       7  tab here␊newl…',
        '',
      ].join('\n'),
    );
  });

  test('table: bold header only when coloured', async () => {
    const text = await render('table', { color: true });
    expect(text.startsWith('\u001b[1mID\u001b[22m')).toBe(true);
  });
});

describe('cells', () => {
  test('cellText', () => {
    expect(cellText(null)).toBe('');
    expect(
      cellText([
        { lang: 'fra', share: 0.8 },
        { lang: 'eng', share: 0.2 },
      ]),
    ).toBe('fra:0.8,eng:0.2');
    expect(cellText([3, 5])).toBe('3,5');
    expect(cellText({ title: 'line 1' })).toBe('{"title":"line 1"}');
  });

  test('tsvCell and csvCell', () => {
    expect(tsvCell('a\\b\tc\r\n')).toBe('a\\\\b\\tc\\r\\n');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
  });

  test('truncateToWidth counts wide characters', () => {
    expect(truncateToWidth('abcdef', 4)).toBe('abc…');
    expect(truncateToWidth('日本語テキスト', 7)).toBe('日本語…');
    expect(truncateToWidth('short', 10)).toBe('short');
  });
});

describe('sanitize', () => {
  test('escape sequences never reach the terminal', () => {
    expect(visible('red \u001b[31mtext\u001b[0m and bell\u0007')).toBe('red ␛[31mtext␛[0m and bell␇');
    expect(visible('csi \u009b2J')).toBe('csi <U+009B>2J');
    expect(visible('tab\tstays')).toBe('tab\tstays');
  });
});

describe('colour choice', () => {
  test('--color wins, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(useColor('always', false, {})).toBe(true);
    expect(useColor('never', true, { FORCE_COLOR: '1' })).toBe(false);
    expect(useColor('auto', false, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor('auto', true, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor('auto', true, { NO_COLOR: '1' })).toBe(false);
    expect(useColor('auto', true, {})).toBe(true);
    expect(useColor('auto', false, {})).toBe(false);
    expect(useColor('auto', true, { TERM: 'dumb' })).toBe(false);
  });
});
