// What reaches a terminal: invisible and reordering characters shown, JSON kept valid, line
// fields kept to one line, and cells of any length cut at once.
import { describe, expect, test } from 'vitest';
import { cellHead, tsvCell } from '../../src/format/cells.js';
import { paint } from '../../src/format/color.js';
import type { Column } from '../../src/format/column.js';
import { capturedOutput } from '../../src/format/output-stream.js';
import { createRowWriter } from '../../src/format/row-writer.js';
import { visible, visibleCell, visibleJson, visibleText } from '../../src/format/sanitize.js';
import { truncateToWidth } from '../../src/format/table.js';

describe('sanitize', () => {
  test('bidi controls, zero-width and tag characters are shown visibly, as fd shows them', () => {
    expect(visible('bidi_\u202etxt.exe')).toBe('bidi_<U+202E>txt.exe');
    expect(visible('\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069')).toBe(
      '<U+202A><U+202B><U+202C><U+202D><U+2066><U+2067><U+2068><U+2069>',
    );
    expect(visible('a\u200bb\u200cc\u200dd\u200ee\u200ff\u2060g\u2064h\ufeffi\u00adj\u180ek')).toBe(
      'a<U+200B>b<U+200C>c<U+200D>d<U+200E>e<U+200F>f<U+2060>g<U+2064>h<U+FEFF>i<U+00AD>j<U+180E>k',
    );
    // Tag characters are astral: one stand-in each, not two halves.
    expect(visible('flag\u{E0067}\u{E0062}\u{E007F}')).toBe('flag<U+E0067><U+E0062><U+E007F>');
    expect(visible('nul\0 newline\n del\u007f')).toBe('nul␀ newline␊ del␡');
  });

  test('plain text and legitimate Unicode come back unchanged', () => {
    for (const text of ['résumé', '文档', '🦀 crab', 'heart\u2764\ufe0f', 'tab\tstays', 'a\ufffdb']) {
      expect(visible(text)).toBe(text);
      expect(visibleText(text)).toBe(text);
    }
  });

  test('document text keeps its lines, CRLF and joiners; a lone carriage return is shown', () => {
    expect(visibleText('one\r\ntwo\n\tthree')).toBe('one\r\ntwo\n\tthree');
    expect(visibleText('می\u200cخواهم 👨\u200d👩')).toBe('می\u200cخواهم 👨\u200d👩');
    expect(visibleText('A\rFAKE \u001b]52;c;aGk=\u0007 \u202eevil\u200b')).toBe(
      'A␍FAKE ␛]52;c;aGk=␇ <U+202E>evil<U+200B>',
    );
  });

  test('a cell has no tab; JSON keeps its value with invisible characters as \\u escapes', () => {
    expect(visibleCell('a\tb\u001b')).toBe('a b␛');
    const value = { id: 'x\u202ey\u{E0041}\u009b\u007f\u001b' };
    const json = visibleJson(JSON.stringify(value));
    expect(json).toBe('{"id":"x\\u202ey\\udb40\\udc41\\u009b\\u007f\\u001b"}');
    expect(JSON.parse(json)).toEqual(value);
  });

  test('a TSV cell and a show --meta value escape NUL too, so a row stays one line', () => {
    expect(tsvCell('a\nb\0c\td\\e\r')).toBe('a\\nb\\0c\\td\\\\e\\r');
    expect(tsvCell('plain')).toBe('plain');
  });
});

describe('cells cut to the terminal', () => {
  test('a 200,000-character text is cut to the width at once, with an ellipsis', () => {
    expect(truncateToWidth('x'.repeat(200_000), 10)).toBe('xxxxxxxxx…');
    expect(truncateToWidth('日'.repeat(200_000), 7)).toBe('日日日…');
    expect(truncateToWidth('short', 10)).toBe('short');
  });

  test('a cell is cut to what could fill the width before anything measures it', () => {
    expect(cellHead('y'.repeat(200_000), 10)).toBe(`${'y'.repeat(56)}…`);
    // Never half a surrogate pair.
    expect(cellHead(`${'y'.repeat(55)}🦀🦀`, 10)).toBe(`${'y'.repeat(55)}…`);
    expect(cellHead('short', 10)).toBe('short');
  });

  test('a table cuts an over-long column that does not grow, so the row fits the terminal', async () => {
    interface Row {
      id: string;
      title: string;
    }
    const columns: Column<Row>[] = [
      { key: 'id', header: 'ID', value: (r) => r.id },
      { key: 'title', header: 'TITLE', value: (r) => r.title, grow: true },
    ];
    const out = capturedOutput(true);
    const writer = createRowWriter<Row>({
      format: 'table',
      columns,
      out,
      chalk: paint(false),
      width: 40,
      json: (r) => r,
    });
    await writer.write({ id: 'x'.repeat(200_000), title: 'a title' });
    await writer.write({ id: 'b', title: 'y'.repeat(200_000) });
    await writer.end();
    expect(out.text()).toBe(
      [
        'ID                          TITLE',
        'xxxxxxxxxxxxxxxxxxxxxxxxx…  a title',
        'b                           yyyyyyyyyyy…',
        '',
      ].join('\n'),
    );
  });

  test('rows written as TSV, CSV and JSON Lines to a terminal show control characters visibly', async () => {
    const columns: Column<{ id: string }>[] = [{ key: 'id', header: 'ID', value: (r) => r.id }];
    const render = async (format: 'tsv' | 'csv' | 'jsonl', tty: boolean) => {
      const out = capturedOutput(tty);
      const writer = createRowWriter({ format, columns, out, chalk: paint(false), json: (r) => r });
      await writer.write({ id: 'a\u202eb\u001b[2J\nc' });
      await writer.end();
      return out.text();
    };
    expect(await render('tsv', true)).toBe('a<U+202E>b␛[2J\\nc\n');
    expect(await render('tsv', false)).toBe('a\u202eb\u001b[2J\\nc\n');
    expect(await render('csv', true)).toBe('id\n"a<U+202E>b␛[2J\nc"\n');
    expect(await render('jsonl', true)).toBe('{"id":"a\\u202eb\\u001b[2J\\nc"}\n');
    expect(await render('jsonl', false)).toBe('{"id":"a\u202eb\\u001b[2J\\nc"}\n');
  });
});
