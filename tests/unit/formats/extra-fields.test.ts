// A record's fields the tool does not know, kept as its `extra`: a JSON object's other keys with
// their values as they are, a table's other columns as strings; cut to bounds, said once a file.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import {
  ExtraFields,
  MAX_EXTRA_CHARS,
  MAX_EXTRA_DEPTH,
  MAX_EXTRA_FIELDS,
} from '../../../src/core/input/formats/extra-fields.js';
import {
  columnPlan,
  objectRecord,
  rowRecord,
  setFieldChoice,
  type ColumnPlan,
} from '../../../src/core/input/formats/fields.js';
import type { RecordTrack } from '../../../src/core/input/formats/format-reader.js';
import { readerFor } from '../../../src/core/input/formats/index.js';
import { IdRegistry } from '../../../src/core/input/ids.js';
import type { FoundFile } from '../../../src/core/input/walk.js';
import type { DocFormat } from '../../../src/core/types.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'extra-fields-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => setFieldChoice({}));

const BOUNDS = 'extra keeps 100 fields a record and 10,000 characters a field; told once a file';

describe('the extra fields of a JSON object', () => {
  test('keys neither text nor metadata are kept with their values as the record holds them', () => {
    const obj = {
      id: 7,
      text: 'the text',
      title: '  T ',
      date: '',
      url: 42,
      author: 'Ann',
      tags: ['a', 'b'],
      n: 1.5,
      ok: false,
      none: null,
      nested: { x: [1, { y: 'z' }] },
      body: 'another text',
    };
    expect(objectRecord(obj)).toEqual({
      text: 'the text',
      fields: {
        id: '7',
        title: 'T',
        // A metadata key is never extra, whatever its value (`date` empty, `url` a number);
        // another of the text's names is.
        extra: {
          author: 'Ann',
          tags: ['a', 'b'],
          n: 1.5,
          ok: false,
          none: null,
          nested: { x: [1, { y: 'z' }] },
          body: 'another text',
        },
      },
    });
  });

  test('a record with only the text and metadata has no extra', () => {
    expect(objectRecord({ text: 't', source: 'S' })).toEqual({ text: 't', fields: { source: 'S' } });
  });

  test('fields chosen by --title-field and the like are metadata; the usual names then are extra', () => {
    setFieldChoice({ text: 'summary', title: 'headline' });
    expect(objectRecord({ summary: 's', headline: 'H', title: 'old', text: 't' })).toEqual({
      text: 's',
      fields: { title: 'H', extra: { title: 'old', text: 't' } },
    });
  });

  test('a key named __proto__ is a field like any other, not the prototype', () => {
    const obj = JSON.parse('{"text":"t","__proto__":{"polluted":1},"constructor":"c"}') as Record<string, unknown>;
    const read = objectRecord(obj);
    if (typeof read === 'string') throw new Error(read);
    const extra = read.fields.extra as Record<string, unknown>;
    expect(Object.keys(extra)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(JSON.stringify(extra)).toBe('{"__proto__":{"polluted":1},"constructor":"c"}');
  });

  test(`more than ${MAX_EXTRA_FIELDS} keys: the first ${MAX_EXTRA_FIELDS} kept, and said`, () => {
    const obj: Record<string, unknown> = { text: 't' };
    for (let i = 0; i < 250; i++) obj[`k${i}`] = i;
    const read = objectRecord(obj);
    if (typeof read === 'string') throw new Error(read);
    expect(Object.keys(read.fields.extra as object)).toEqual(Array.from({ length: 100 }, (_, i) => `k${i}`));
    expect(read.cut).toBe(`250 extra fields, the first 100 kept (${BOUNDS})`);
  });

  test('a string longer than the bound is cut and ends in …; an array or an object loses its last items', () => {
    const extra = new ExtraFields();
    extra.add('long', 'x'.repeat(MAX_EXTRA_CHARS + 5));
    extra.add('pair', `${'y'.repeat(MAX_EXTRA_CHARS - 1)}😀`);
    extra.add(
      'list',
      Array.from({ length: 5000 }, () => 'abcd'),
    );
    extra.add('short', 'fine');
    const values = extra.kept as Record<string, unknown>;
    expect(values.long).toBe(`${'x'.repeat(MAX_EXTRA_CHARS)}…`);
    // Not a lone surrogate: the emoji is left out whole.
    expect(values.pair).toBe(`${'y'.repeat(MAX_EXTRA_CHARS - 1)}…`);
    expect((values.list as string[]).length).toBe(MAX_EXTRA_CHARS / 4);
    expect(values.short).toBe('fine');
    expect(extra.cut).toBe(`extra field 'long' cut to 10,000 characters (${BOUNDS})`);
  });

  test(`a value nested deeper than ${MAX_EXTRA_DEPTH} becomes null, and is said`, () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const extra = new ExtraFields();
    extra.add('deep', deep);
    let kept = (extra.kept as Record<string, unknown>).deep;
    for (let i = 0; i < MAX_EXTRA_DEPTH; i++) kept = (kept as unknown[])[0];
    expect(kept).toBe(null);
    expect(extra.cut).toBe(`extra field 'deep' cut to 10,000 characters (${BOUNDS})`);
  });
});

describe('the extra columns of a table', () => {
  const plan = (header: string[]) => columnPlan(header) as ColumnPlan;

  test('other columns are extra under their names, a blank cell left out; unnamed and repeated names made unique', () => {
    const columns = plan(['ID', ' Author ', 'Text', '', 'tag', 'tag', 'Date']);
    expect(columns.extra).toEqual([
      ['Author', 1],
      ['column4', 3],
      ['tag', 4],
      ['tag_2', 5],
    ]);
    expect(rowRecord(['1', ' Ann ', 'the text', 'x', '', 'b', '2020', 'past', '  '], columns)).toEqual({
      text: 'the text',
      // Cells past the header's are extra too; a cell is kept as it is.
      fields: { id: '1', date: '2020', extra: { Author: ' Ann ', column4: 'x', tag_2: 'b', column8: 'past' } },
    });
    expect(rowRecord(['2', '', 'bare'], columns)).toEqual({ text: 'bare', fields: { id: '2' } });
  });
});

describe('the readers tell a cut once a file', () => {
  function fileOf(relPath: string, bytes: string): FoundFile {
    const absPath = path.join(dir, relPath);
    fs.writeFileSync(absPath, bytes);
    return { absPath, relPath, displayPath: relPath };
  }

  async function readAll(format: DocFormat, file: FoundFile) {
    const reader = readerFor(format);
    if (reader.holds !== 'records') throw new Error(`${format} holds records`);
    const warnings: string[] = [];
    const told: string[] = [];
    const track: RecordTrack = {
      skipped: () => {},
      warned: (line, why) => void told.push(`warned ${line}: ${why}`),
      failed: () => {},
    };
    const extras: unknown[] = [];
    const warn = (w: string, why: string) => void warnings.push(`${w}: ${why}`);
    for await (const d of reader.read(file, new IdRegistry(), warn, undefined, undefined, track))
      extras.push(d.fields?.extra);
    return { extras, warnings, told };
  }

  const long = 'z'.repeat(MAX_EXTRA_CHARS + 1);
  const cut = `${'z'.repeat(MAX_EXTRA_CHARS)}…`;
  const why = `extra field 'note' cut to 10,000 characters (${BOUNDS})`;

  test.each([
    ['jsonl', 'cut.jsonl', `{"text":"a"}\n{"text":"b","note":"${long}"}\n{"text":"c","note":"${long}"}\n`, 2],
    ['json', 'cut.json', `[{"text":"a"},{"text":"b","note":"${long}"},{"text":"c","note":"${long}"}]`, 2],
    ['csv', 'cut.csv', `text,note\na,\nb,${long}\nc,${long}\n`, 3],
  ] as const)(
    '%s: the first record cut is told, with its place, and kept with the file (cache)',
    async (format, name, bytes, at) => {
      const { extras, warnings, told } = await readAll(format, fileOf(name, bytes));
      expect(extras).toEqual([undefined, { note: cut }, { note: cut }]);
      expect(warnings).toEqual([`${name}:${at}: ${why}`]);
      expect(told).toEqual([`warned ${at}: ${why}`]);
    },
  );
});
