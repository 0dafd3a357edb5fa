// Fuzzing the readers through readDocuments, on small corpora written to a temp folder: text and
// Markdown files of any bytes (UTF-8 with or without a BOM, UTF-16, not UTF-8, binary) and JSON
// Lines files of JSON-ish lines, each plain, gzipped, gzipped and cut short, or gzipped with
// garbage after. The run never throws or stalls, and yields each readable document exactly once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { decode, isBinary } from '../../src/core/input/decode.js';
import { fileId } from '../../src/core/input/ids.js';
import { readDocuments } from '../../src/core/input/read-documents.js';
import type { FoundFile } from '../../src/core/input/walk.js';
import type { SourceDocument } from '../../src/core/types.js';
import { fuzzParameters, testTimeout } from './settings.js';

/** What a case may take: a few small files are read in milliseconds. */
const CASE_MS = 10_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-fuzz-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Gzip = 'none' | 'whole' | 'cut' | 'garbage';
interface FileSpec {
  kind: 'text' | 'jsonl';
  ext: string;
  /** The bytes the file holds once decompressed. */
  content: Buffer;
  gzip: Gzip;
  /** Where a cut gzip stream ends, and the garbage after a whole one. */
  cutAt: number;
  garbage: Buffer;
}

const text = fc.string({ unit: 'binary', maxLength: 120 });
const randomBytes = fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b));
const textContent = fc.oneof(
  text.map((s) => Buffer.from(s, 'utf8')),
  text.map((s) => Buffer.from(`\uFEFF${s}`, 'utf8')),
  text.map((s) => Buffer.from(`\uFEFF${s}`, 'utf16le')),
  text.map((s) => Buffer.from(`\uFEFF${s}`, 'utf16le').swap16()),
  fc
    .tuple(text, fc.integer({ min: 0x80, max: 0xff }))
    .map(([s, b]) => Buffer.concat([Buffer.from(s), Buffer.from([b])])),
  randomBytes,
);

const recordId = fc.constantFrom('a', 'b', ' a ', '1', '', ' ', 'é', 'a\nb');
const record = fc
  .record(
    {
      text: text,
      content: text,
      body: fc.oneof(text, fc.integer()),
      id: fc.oneof(recordId, fc.integer({ min: 0, max: 3 })),
      title: text,
      date: fc.constantFrom('2024-03-01', '9999-99-99', '', 'x'),
    },
    { requiredKeys: [] },
  )
  .map((obj) => JSON.stringify(obj));
const jsonishLine = fc.oneof(
  { weight: 4, arbitrary: record },
  { weight: 1, arbitrary: record.chain((r) => fc.nat(r.length).map((n) => r.slice(0, n))) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t', '{}', '[]', 'null', '{"text":1}', '{"text":"a"} x') },
  { weight: 1, arbitrary: text },
);
const jsonlContent = fc
  .tuple(fc.array(jsonishLine, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean())
  .map(([lines, eol, bom, lastEol]) =>
    Buffer.from(`${bom ? '\uFEFF' : ''}${lines.join(eol)}${lastEol && lines.length > 0 ? eol : ''}`, 'utf8'),
  );

const fileSpec: fc.Arbitrary<FileSpec> = fc
  .record({
    kind: fc.constantFrom('text' as const, 'jsonl' as const),
    gzip: fc.constantFrom<Gzip>('none', 'none', 'whole', 'cut', 'garbage'),
    cutAt: fc.nat(),
    garbage: randomBytes.filter((b) => b.length > 0),
  })
  .chain((spec) =>
    fc
      .tuple(
        spec.kind === 'text' ? textContent : jsonlContent,
        fc.constantFrom(...(spec.kind === 'text' ? ['.txt', '.md'] : ['.jsonl', '.ndjson'])),
      )
      .map(([content, ext]) => ({ ...spec, content, ext })),
  );

/** The bytes written to disk for a file. */
function bytesOnDisk(spec: FileSpec): Buffer {
  if (spec.gzip === 'none') return spec.content;
  const gz = zlib.gzipSync(spec.content);
  if (spec.gzip === 'whole') return gz;
  if (spec.gzip === 'garbage') return Buffer.concat([gz, spec.garbage]);
  return gz.subarray(0, 1 + (spec.cutAt % (gz.length - 1)));
}

/** The records of JSON Lines bytes, read the plain way: each line split, parsed and checked on its own. */
function referenceRecords(content: Buffer): { line: number; text: string; asked: string | undefined }[] {
  const lines = content
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const found: { line: number; text: string; asked: string | undefined }[] = [];
  lines.forEach((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const obj = value as Record<string, unknown>;
    const field = ['text', 'content', 'body'].find((k) => typeof obj[k] === 'string');
    if (field === undefined) return;
    const id = typeof obj.id === 'number' ? String(obj.id) : typeof obj.id === 'string' ? obj.id.trim() : '';
    found.push({ line: i + 1, text: obj[field] as string, asked: id === '' ? undefined : id });
  });
  return found;
}

let caseNo = 0;

/** Writes the files of one case to a folder of their own and reads them back. */
async function readCase(specs: FileSpec[]) {
  const folder = path.join(dir, `case-${caseNo++}`);
  fs.mkdirSync(folder);
  const files: FoundFile[] = specs.map((spec, i) => {
    const name = `${spec.kind === 'text' ? 't' : 'j'}${i}${spec.ext}${spec.gzip === 'none' ? '' : '.gz'}`;
    fs.writeFileSync(path.join(folder, name), bytesOnDisk(spec));
    return { absPath: path.join(folder, name), relPath: name, displayPath: `c/${name}` };
  });
  const docs: SourceDocument[] = [];
  const warnings: [string, string][] = [];
  try {
    for await (const doc of readDocuments(files, { onWarning: (where, why) => warnings.push([where, why]) })) {
      docs.push(doc);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return { files, docs, warnings };
}

/** A text file: its one document when its bytes can be read, else a warning and none. */
function checkTextFile(spec: FileSpec, file: FoundFile, docs: SourceDocument[], warned: string[]): void {
  if (spec.gzip === 'cut' || spec.gzip === 'garbage') {
    expect(docs.length).toBeLessThanOrEqual(1);
    if (docs.length === 0) expect(warned.length).toBeGreaterThan(0);
    return;
  }
  if (isBinary(spec.content)) {
    expect({ docs: docs.length, warned: warned.length }).toEqual({ docs: 0, warned: 1 });
    return;
  }
  const decoded = decode(spec.content);
  expect(docs.map((d) => [d.path, d.text, d.encoding, d.bytes])).toEqual([
    [file.displayPath, decoded.text, decoded.encoding, spec.content.length],
  ]);
  expect(warned).toEqual([]);
}

/** A JSON Lines file: its records in order, each once; all of them unless the file could not be read to its end. */
function checkJsonlFile(spec: FileSpec, file: FoundFile, docs: SourceDocument[], warned: string[]): void {
  const expected = referenceRecords(spec.content);
  const got = docs.map((d) => ({ line: d.recordLine, text: d.text }));
  const all = expected.map(({ line, text }) => ({ line, text }));
  if (spec.gzip === 'cut' || spec.gzip === 'garbage') {
    expect(got).toEqual(all.slice(0, got.length));
    if (got.length < all.length) expect(warned.length).toBeGreaterThan(0);
  } else {
    expect(got).toEqual(all);
  }
  docs.forEach((doc, i) => {
    const asked = expected[i]?.asked ?? `${fileId(file.relPath)}#${doc.recordLine}`;
    expect(doc.id === asked || doc.id.startsWith(`${asked}~`)).toBe(true);
  });
}

/**
 * What can be recovered of a damaged gzip stream: all of it when garbage follows a whole member;
 * else the bytes inflated before the cut, up to their last line terminator (a line the cut
 * shortened cannot be told from a whole one).
 */
function recoverable(spec: FileSpec): Buffer {
  if (spec.gzip === 'garbage') return spec.content;
  const inflated = zlib.gunzipSync(bytesOnDisk(spec), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return inflated.subarray(0, Math.max(inflated.lastIndexOf(0x0a), inflated.lastIndexOf(0x0d)) + 1);
}

describe('fuzzing readDocuments', { timeout: testTimeout }, () => {
  test('any files give each readable document once, in order, and a warning for what cannot be read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileSpec, { minLength: 1, maxLength: 4 }), async (specs) => {
        const { files, docs, warnings } = await readCase(specs);
        expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
        let at = 0;
        specs.forEach((spec, i) => {
          const file = files[i] as FoundFile;
          const own = docs.filter((d) => d.absPath === file.absPath);
          // Documents come file by file, in the order of the files.
          expect(docs.slice(at, at + own.length)).toEqual(own);
          at += own.length;
          const warned = warnings.filter(([where]) => where === file.displayPath).map(([, why]) => why);
          if (spec.kind === 'text') checkTextFile(spec, file, own, warned);
          else checkJsonlFile(spec, file, own, warned);
        });
        expect(at).toBe(docs.length);
      }),
      fuzzParameters(700, { timeout: CASE_MS }),
    );
  });

  test('a JSON Lines file whose gzip stream is cut or followed by garbage still gives the records on its whole lines', async () => {
    const damaged = fileSpec.filter(
      (spec) => spec.kind === 'jsonl' && (spec.gzip === 'cut' || spec.gzip === 'garbage'),
    );
    await fc.assert(
      fc.asyncProperty(damaged, async (spec) => {
        const { docs } = await readCase([spec]);
        const expected = referenceRecords(recoverable(spec)).map(({ line, text }) => ({ line, text }));
        const got = docs.map((d) => ({ line: d.recordLine, text: d.text }));
        expect(got.slice(0, expected.length)).toEqual(expected);
      }),
      fuzzParameters(150, { timeout: CASE_MS }),
    );
  });
});

describe('reader inputs found by fuzzing', () => {
  const fixtures = fileURLToPath(new URL('../fixtures/fuzz/', import.meta.url));

  test('a .jsonl.gz whose gzip member is followed by garbage still gives its record', async () => {
    const name = 'jsonl-gzip-trailing-garbage.jsonl.gz';
    const found: FoundFile = { absPath: path.join(fixtures, name), relPath: name, displayPath: name };
    const docs: SourceDocument[] = [];
    for await (const doc of readDocuments([found], { onWarning: () => {} })) docs.push(doc);
    expect(docs.map((d) => [d.id, d.recordLine, d.text])).toEqual([['jsonl-gzip-trailing-garbage#1', 1, '']]);
  });
});
