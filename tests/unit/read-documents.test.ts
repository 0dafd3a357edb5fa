import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatOf } from '../../src/core/input/file-kinds.js';
import { fileId, IdRegistry } from '../../src/core/input/ids.js';
import { readDocuments } from '../../src/core/input/read-documents.js';
import { walkFiles } from '../../src/core/input/walk.js';

const mixed = path.resolve(__dirname, '../fixtures/mixed');

async function readMixed() {
  const warnings: string[] = [];
  const onWarning = (p: string, m: string) => warnings.push(`${p}: ${m}`);
  const docs = [];
  for await (const d of readDocuments(walkFiles([{ given: 'mixed' }], { cwd: path.dirname(mixed), onWarning }), {
    onWarning,
  }))
    docs.push(d);
  return { docs, warnings };
}

describe('readDocuments on the mixed fixture', () => {
  test('every text document, with its id, format and encoding; binary and bad JSON lines skipped with a warning', async () => {
    const { docs, warnings } = await readMixed();
    expect(docs.map((d) => [d.id, d.path, d.format, d.encoding, d.bytes])).toEqual([
      ['archived', 'mixed/archived.txt.gz', 'text', 'utf-8', 188],
      ['article', 'mixed/article.txt', 'text', 'utf-8', 373],
      ['crlf', 'mixed/crlf.txt', 'text', 'utf-8', 179],
      ['empty', 'mixed/empty.txt', 'text', 'utf-8', 0],
      ['latin1', 'mixed/latin1.txt', 'text', 'windows-1252', 161],
      ['notes', 'mixed/notes.md', 'markdown', 'utf-8', 229],
      ['rec-1', 'mixed/records.jsonl', 'jsonl', 'utf-8', 268],
      ['records#2', 'mixed/records.jsonl', 'jsonl', 'utf-8', 154],
      ['utf16', 'mixed/utf16.txt', 'text', 'utf-16le', 358],
    ]);
    expect(warnings).toEqual([
      'mixed/binary.txt: binary file (NUL byte in the first 8 KiB), skipped',
      'mixed/records.jsonl:3: not valid JSON, skipped',
    ]);
  });

  test('decoded text: Windows-1252 quotes, UTF-16, gzip, CRLF kept as in the file', async () => {
    const { docs } = await readMixed();
    const byId = new Map(docs.map((d) => [d.id, d]));
    expect(byId.get('latin1')?.text).toContain('“C’est un grand jour”');
    expect(byId.get('utf16')?.text.startsWith('Le vieux moulin du village a été restauré')).toBe(true);
    expect(byId.get('archived')?.text.startsWith('The old lighthouse keeper')).toBe(true);
    expect(byId.get('crlf')?.text.startsWith('Windows line endings\r\n\r\n')).toBe(true);
  });

  test('JSONL records carry their metadata fields and line numbers', async () => {
    const { docs } = await readMixed();
    const rec = docs.find((d) => d.id === 'rec-1');
    expect(rec?.fields).toEqual({
      id: 'rec-1',
      title: 'Neue Brücke eröffnet',
      date: '2024-03-01',
      source: 'Stadtblatt',
    });
    expect(rec?.recordLine).toBe(1);
    expect(docs.find((d) => d.id === 'records#2')?.recordLine).toBe(2);
  });

  test('wantId skips text files unread', async () => {
    const asked: string[] = [];
    const docs = [];
    for await (const d of readDocuments(walkFiles([{ given: mixed }], { cwd: '/' }), {
      wantId: (id) => {
        asked.push(id);
        return id === 'notes';
      },
    }))
      docs.push(d.id);
    expect(docs).toEqual(['notes']);
    expect(asked).toEqual([
      'archived',
      'article',
      'binary',
      'crlf',
      'empty',
      'latin1',
      'notes',
      'rec-1',
      'records#2',
      'utf16',
    ]);
  });
});

describe('ids', () => {
  test('fileId drops the extension and .gz, keeps folders', () => {
    expect(fileId('000_fdb09ddbbd769acc.txt')).toBe('000_fdb09ddbbd769acc');
    expect(fileId('2023/jan/a.txt.gz')).toBe('2023/jan/a');
    expect(fileId('v1.2/notes')).toBe('v1.2/notes');
    expect(fileId('.profile')).toBe('.profile');
  });

  test('clashes get ~2, ~3', () => {
    const ids = new IdRegistry();
    expect(ids.claim('a')).toEqual({ id: 'a', clashed: false });
    expect(ids.peek('a')).toBe('a~2');
    expect(ids.claim('a')).toEqual({ id: 'a~2', clashed: true });
    expect(ids.claim('a')).toEqual({ id: 'a~3', clashed: true });
  });

  test('formatOf', () => {
    expect(['a.txt', 'a.md', 'a.jsonl.gz', 'a.ndjson', 'a.text.gz'].map(formatOf)).toEqual([
      'text',
      'markdown',
      'jsonl',
      'jsonl',
      'text',
    ]);
    // Only the ending is looked at, in any case, however long the path.
    expect(
      [
        'dir.jsonl/a.txt',
        'long/path/to/Notes.MARKDOWN.GZ',
        'x/y/z/records.NDJSON',
        'a.markdown.gz',
        'b.markdown',
        'c.jsonl',
        '.md',
        'md',
      ].map(formatOf),
    ).toEqual(['text', 'markdown', 'jsonl', 'markdown', 'markdown', 'jsonl', 'markdown', 'text']);
  });
});
