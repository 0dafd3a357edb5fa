// The reader of each input format, as the registry gives it: a text or Markdown file is one
// document, a JSON Lines file a run of records, each with its line number and the id it asks for.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { DOCUMENT_EXTENSIONS, formatOf } from '../../src/core/input/file-kinds.js';
import { readerFor } from '../../src/core/input/formats/index.js';
import { BINARY_WARNING } from '../../src/core/input/formats/text.js';
import { IdRegistry } from '../../src/core/input/ids.js';
import type { FoundFile } from '../../src/core/input/walk.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'format-readers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A file written to the temporary folder, as a walk would find it. */
function fileOf(relPath: string, bytes: Buffer | string): FoundFile {
  const absPath = path.join(dir, relPath);
  fs.mkdirSync(path.dirname(absPath), { recursive: true });
  fs.writeFileSync(absPath, bytes);
  return { absPath, relPath, displayPath: relPath };
}

describe('the format readers', () => {
  test('every extension a walk reads has a reader: of records for JSON Lines, CSV, JSON, WARC; of one document otherwise', () => {
    expect(DOCUMENT_EXTENSIONS.map((ext) => [ext, readerFor(formatOf(`a${ext}`)).holds])).toEqual([
      ['.txt', 'document'],
      ['.text', 'document'],
      ['.md', 'document'],
      ['.jsonl', 'records'],
      ['.ndjson', 'records'],
      ['.csv', 'records'],
      ['.tsv', 'records'],
      ['.json', 'records'],
      ['.html', 'document'],
      ['.htm', 'document'],
      ['.xhtml', 'document'],
      ['.warc', 'records'],
      ['.wet', 'records'],
    ]);
  });

  test('a Markdown file is read whole and decoded; a binary one is a warning', () => {
    const reader = readerFor('markdown');
    if (reader.holds !== 'document') throw new Error('Markdown is one document a file');
    const warnings: string[] = [];
    const warn = (where: string, why: string) => warnings.push(`${where}: ${why}`);
    const latin1 = Buffer.from('# Caf\xe9\n', 'latin1');
    expect(reader.read(fileOf('notes/cafe.md.gz', gzipSync(latin1)), warn)).toEqual({
      bytes: 7,
      encoding: 'windows-1252',
      encodingFallback: true,
      text: '# Café\n',
    });
    expect(reader.read(fileOf('notes/nul.md', Buffer.from('a\0b')), warn)).toBe(null);
    expect(reader.read(fileOf('notes/skip.md', 'text'), warn, () => false)).toBe('skipped');
    expect(warnings).toEqual([`notes/nul.md: ${BINARY_WARNING}`]);
  });

  test("a JSON Lines file gives its records with their line numbers and ids, each asking its own or its line's", async () => {
    const reader = readerFor('jsonl');
    if (reader.holds !== 'records') throw new Error('JSON Lines is a record a line');
    const file = fileOf('feeds/day.jsonl', '{"id":"x","text":"one"}\n\nnot json\n{"text":"two","title":"T"}\n');
    const warnings: string[] = [];
    const docs = [];
    for await (const d of reader.read(file, new IdRegistry(), (where, why) => warnings.push(`${where}: ${why}`)))
      docs.push([d.id, d.recordLine, d.text, d.fields]);
    expect(docs).toEqual([
      ['x', 1, 'one', { id: 'x' }],
      ['feeds/day#4', 4, 'two', { title: 'T' }],
    ]);
    expect(warnings).toEqual(['feeds/day.jsonl:3: not valid JSON, skipped']);
    expect(reader.askedId(file, { id: 'x' }, 1)).toBe('x');
    expect(reader.askedId({ relPath: 'feeds/day.jsonl.gz' }, undefined, 4)).toBe('feeds/day#4');
  });
});
