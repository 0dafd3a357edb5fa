// JSON Lines read on their bytes (issue 6: a 2 GB JSON Lines file). Lines are cut where readline
// cuts them, and records a search leaves out unread claim the same ids, with the same warnings,
// as records read whole.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { byteLines } from '../../src/core/input/byte-lines.js';
import { askedRecordId, readJsonl } from '../../src/core/input/formats/jsonl.js';
import { IdRegistry } from '../../src/core/input/ids.js';
import type { SourceDocument } from '../../src/core/types.js';
import { random } from '../helpers/random.js';

/**
 * The bytes cut into chunks of random sizes, as a stream gives them: never an empty one (after
 * which readline would take a `\n` following a chunk's last `\r` for a line of its own).
 */
function chunked(bytes: Buffer, rand: () => number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const n = 1 + Math.floor(rand() * 12);
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

async function viaByteLines(chunks: Buffer[]): Promise<string[]> {
  const out: string[] = [];
  for await (const lines of byteLines(Readable.from(chunks, { objectMode: true })))
    for (const line of lines) out.push(line.toString('utf8'));
  return out;
}

async function viaReadline(chunks: Buffer[]): Promise<string[]> {
  const out: string[] = [];
  const lines = readline.createInterface({ input: Readable.from(chunks, { objectMode: true }), crlfDelay: Infinity });
  for await (const line of lines) out.push(line);
  return out;
}

describe('byteLines', () => {
  test('cuts lines as readline does, at \\n, \\r\\n and a lone \\r, whatever the chunks', async () => {
    const rand = random(6);
    const pieces = ['a', 'bc', 'é', '€', '𝄞', ' ', '\n', '\r', '\r\n', '\n\n', '\r\r'];
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const n = Math.floor(rand() * 20);
      for (let k = 0; k < n; k++) text += pieces[Math.floor(rand() * pieces.length)];
      const chunks = chunked(Buffer.from(text, 'utf8'), rand);
      expect(await viaByteLines(chunks), JSON.stringify(text)).toEqual(await viaReadline(chunks));
    }
  });

  test('a line spread over many chunks comes whole, with the batch of the chunk that ends it', async () => {
    const long = 'x'.repeat(10_000);
    const chunks = chunked(Buffer.from(`${long}\nshort\n`), random(1));
    const batches: string[][] = [];
    for await (const lines of byteLines(Readable.from(chunks, { objectMode: true })))
      batches.push(lines.map((l) => l.toString()));
    expect(batches.flat()).toEqual([long, 'short']);
  });
});

describe('readJsonl with records left out unread', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-jsonl-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Every kind of line: ids that clash, numeric, blank, non-ASCII (raw or escaped), escaped
  // keys, no text, not an object, invalid JSON, blank lines (one a no-break space), a lone CR.
  const lines = [
    '\uFEFF{"id":"a","text":"first"}',
    '{"id":"a","text":"clashes with a"}',
    '{"id":7,"text":"numeric id"}',
    '{"id":"  b  ","content":"trimmed id"}',
    '{"id":"   ","text":"blank id: the line number"}',
    '{"id":"Brücke","text":"non-ASCII id"}',
    '{"id":"Br\\u00fccke","text":"the same id, escaped"}',
    '{"\\u0069d":"escaped-key","body":"an escaped key"}',
    '{"id":"c","title":"no text"}',
    '["not","an","object"]',
    '{"id":"d", text}',
    '',
    '\u00a0',
    '{"id":"records#15","text":"takes the id of the line after it"}',
    '{"text":"line id"}\r{"text":"after a lone CR"}',
    '{"id":true,"text":"a boolean id"}',
    '{"id":"a~2","text":"the suffix is taken"}',
    '{"id":"e","text":"caf\u00e9 \\"quoted\\" \\u00e9t\\u00e9"}',
    '{"id":"e","text":"clashes with e"}\r',
    '{"id":"f","text":"no newline at the end"}',
  ];

  // The lines as readline numbers them (the lone CR ends one).
  const physical = lines
    .join('\n')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/);
  const lineOf = (d: SourceDocument): string => physical[(d.recordLine as number) - 1] as string;

  async function read(file: string, wantRecord?: (bytes: Buffer) => boolean, wantId?: (id: string) => boolean) {
    const warnings: string[] = [];
    const docs: SourceDocument[] = [];
    const ids = new IdRegistry(true);
    const found = { absPath: file, relPath: path.basename(file), displayPath: path.basename(file) };
    for await (const doc of readJsonl(found, ids, (p, m) => warnings.push(`${p}: ${m}`), wantId, wantRecord))
      docs.push(doc);
    // What was claimed shows in the ids the next records would get.
    const next = [
      'a',
      'a~2',
      'b',
      '7',
      'Brücke',
      'escaped-key',
      'records#5',
      'records#15',
      'records#16',
      'records#17',
      'e',
      'f',
      'c',
      'd',
    ].map((id) => ids.peek(id));
    return { docs, warnings, next };
  }

  for (const gz of [false, true]) {
    test(`claims every id and warns as a whole read does, whichever records it leaves out${gz ? ' (gzipped)' : ''}`, async () => {
      const bytes = Buffer.from(`${lines.join('\n')}`, 'utf8');
      const file = path.join(dir, gz ? 'records.jsonl.gz' : 'records.jsonl');
      fs.writeFileSync(file, gz ? gzipSync(bytes) : bytes);
      const whole = await read(file);
      expect(whole.docs.map((d) => d.id)).toEqual([
        'a',
        'a~2',
        '7',
        'b',
        'records#5',
        'Brücke',
        'Brücke~2',
        'escaped-key',
        'records#15',
        'records#15~2',
        'records#16',
        'records#17',
        'a~2~2',
        'e',
        'e~2',
        'f',
      ]);
      const name = path.basename(file);
      expect(whole.warnings).toEqual([
        `${name}:2: id a is taken, using a~2`,
        `${name}:7: id Brücke is taken, using Brücke~2`,
        `${name}:9: no text, content, body, article or full_text field, skipped`,
        `${name}:10: not a JSON object, skipped`,
        `${name}:11: not valid JSON, skipped`,
        `${name}:15: id records#15 is taken, using records#15~2`,
        `${name}:18: id a~2 is taken, using a~2~2`,
        `${name}:20: id e is taken, using e~2`,
      ]);
      expect(whole.docs.map((d) => d.bytes)).toEqual(whole.docs.map((d) => Buffer.byteLength(lineOf(d))));
      const rand = random(gz ? 2 : 1);
      for (let trial = 0; trial < 50; trial++) {
        const keep = new Set<string>();
        const some = await read(file, (b) => {
          const kept = trial === 0 ? false : rand() < 0.5;
          if (kept) keep.add(b.toString('utf8'));
          return kept;
        });
        expect(some.warnings).toEqual(whole.warnings);
        expect(some.next).toEqual(whole.next);
        expect(some.docs).toEqual(whole.docs.filter((d) => keep.has(lineOf(d))));
        // Asked by id (show, resolving ids): the same, and both questions together.
        const byId = new Set<string>();
        const both = new Set<string>();
        const asked = await read(
          file,
          trial % 2 === 0 ? undefined : (b) => rand() < 0.7 || (both.add(b.toString('utf8')), false),
          (id) => (rand() < 0.3 ? (byId.add(id), true) : false),
        );
        expect(asked.warnings).toEqual(whole.warnings);
        expect(asked.next).toEqual(whole.next);
        expect(asked.docs).toEqual(whole.docs.filter((d) => byId.has(d.id) && !both.has(lineOf(d))));
      }
    });
  }

  test('tells its track of every line that holds no record, and each record asks for its id as claimed', async () => {
    const file = path.join(dir, 'tracked.jsonl');
    fs.writeFileSync(file, lines.join('\n'));
    const found = { absPath: file, relPath: 'tracked.jsonl', displayPath: 'tracked.jsonl' };
    const skipped: Array<[number, string | null]> = [];
    let failed = 0;
    const docs: SourceDocument[] = [];
    const track = {
      skipped: (lineNo: number, why: string | null) => skipped.push([lineNo, why]),
      failed: () => failed++,
    };
    for await (const doc of readJsonl(found, new IdRegistry(), () => {}, undefined, undefined, track)) docs.push(doc);
    expect(skipped).toEqual([
      [9, 'no text, content, body, article or full_text field, skipped'],
      [10, 'not a JSON object, skipped'],
      [11, 'not valid JSON, skipped'],
      [12, null],
      [13, null],
    ]);
    expect(failed).toBe(0);
    const claims = new IdRegistry();
    expect(docs.map((d) => claims.claim(askedRecordId(found, d.fields, d.recordLine as number)).id)).toEqual(
      docs.map((d) => d.id),
    );
    // A file that cannot be read to its end is told so.
    const missing = { ...found, absPath: path.join(dir, 'missing.jsonl') };
    for await (const doc of readJsonl(missing, new IdRegistry(), () => {}, undefined, undefined, track)) docs.push(doc);
    expect(failed).toBe(1);
  });
});
