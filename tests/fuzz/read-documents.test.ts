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
import { ENCODINGS } from '../../src/core/input/charset.js';
import { decode, isBinary, sniffBom } from '../../src/core/input/decode.js';
import { fileId } from '../../src/core/input/ids.js';
import { readDocuments } from '../../src/core/input/read-documents.js';
import type { FoundFile } from '../../src/core/input/walk.js';
import type { SourceDocument } from '../../src/core/types.js';
import { fuzzParameters, testTimeout } from './settings.js';
import { zstdFrame } from '../helpers/zstd-frames.js';

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

describe('fuzzing the legacy charsets', { timeout: testTimeout }, () => {
  const encodings = fileURLToPath(new URL('../fixtures/encodings/', import.meta.url));
  const legacyFiles = fs.readdirSync(encodings).filter((n) => n.endsWith('.txt') && !n.includes('.utf-8.'));
  // Real text in a legacy encoding, cut anywhere (mid-character too), with random bytes spliced in.
  const legacyBytes = fc
    .tuple(fc.constantFrom(...legacyFiles), fc.nat(), fc.nat(), fc.uint8Array({ maxLength: 12 }), fc.nat())
    .map(([name, from, length, noise, at]) => {
      const whole = fs.readFileSync(path.join(encodings, name));
      const start = from % whole.length;
      const piece = whole.subarray(start, start + 1 + (length % 600));
      const cut = at % (piece.length + 1);
      return Buffer.concat([piece.subarray(0, cut), Buffer.from(noise), piece.subarray(cut)]);
    });

  test('decoding legacy bytes never throws, detected or forced, and names a known encoding', () => {
    fc.assert(
      fc.property(legacyBytes, fc.constantFrom(null, ...ENCODINGS), (bytes, forced) => {
        const decoded = decode(bytes, forced);
        expect(typeof decoded.text).toBe('string');
        expect(ENCODINGS).toContain(decoded.encoding);
        if (forced !== null && sniffBom(bytes) === null) expect(decoded.encoding).toBe(forced);
      }),
      fuzzParameters(300),
    );
  });

  test('a legacy-encoded file is read as one document, decoded as decode() decodes it', async () => {
    await fc.assert(
      fc.asyncProperty(legacyBytes, async (content) => {
        const spec: FileSpec = { kind: 'text', ext: '.txt', content, gzip: 'none', cutAt: 0, garbage: Buffer.alloc(0) };
        const { files, docs, warnings } = await readCase([spec]);
        const warned = warnings.map(([, why]) => why);
        checkTextFile(spec, files[0] as FoundFile, docs, warned);
      }),
      fuzzParameters(100, { timeout: CASE_MS }),
    );
  });
});

describe('fuzzing the CSV, TSV and JSON readers', { timeout: testTimeout }, () => {
  // A cell as a writer following RFC 4180 writes it: quoted when it holds the delimiter, a quote
  // or a line break (doubled quotes inside), bare otherwise.
  const cellText = fc.string({
    unit: fc.constantFrom('a', 'é', ' ', ',', ';', '\t', '"', '\n', '\r\n', '€'),
    maxLength: 12,
  });
  const encodeCell = (cell: string, delimiter: string) =>
    cell.includes(delimiter) || /["\r\n]/.test(cell) || cell === '' ? `"${cell.replace(/"/g, '""')}"` : cell;
  const table = fc.record({
    delimiter: fc.constantFrom(',', ';', '\t'),
    rows: fc.array(fc.tuple(cellText, cellText), { maxLength: 8 }),
    bom: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
    gzip: fc.boolean(),
  });

  /** Writes one file to a case folder of its own and reads it back. */
  async function readOne(name: string, bytes: Buffer) {
    const folder = path.join(dir, `case-${caseNo++}`);
    fs.mkdirSync(folder);
    const file: FoundFile = { absPath: path.join(folder, name), relPath: name, displayPath: name };
    fs.writeFileSync(file.absPath, bytes);
    const docs: SourceDocument[] = [];
    const warnings: string[] = [];
    try {
      for await (const doc of readDocuments([file], { onWarning: (w, why) => warnings.push(`${w}: ${why}`) }))
        docs.push(doc);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    return { docs, warnings };
  }

  test('a well-formed table gives every row once, at the line it starts on, its text cell whole', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ delimiter, rows, bom, eol, gzip }) => {
        // The header's delimiter is the most frequent on its line, as sniffing wants.
        const header = ['text', 'note'].join(delimiter);
        const lines = [header, ...rows.map((cells) => cells.map((c) => encodeCell(c, delimiter)).join(delimiter))];
        const content = Buffer.from(`${bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`);
        const ext = delimiter === '\t' ? '.tsv' : '.csv';
        const { docs, warnings } = await readOne(
          `t${ext}${gzip ? '.gz' : ''}`,
          gzip ? zlib.gzipSync(content) : content,
        );
        // The line a row starts on: after the header and the line breaks of the rows before it.
        let line = 2;
        const expected: [number, string][] = [];
        for (const [i, cells] of rows.entries()) {
          // Two cells, the empty ones quoted: no row is a blank line.
          expected.push([line, cells[0]]);
          line += ((lines[i + 1] as string).match(/\r\n|\n/g) ?? []).length + 1;
        }
        expect(docs.map((d) => [d.recordLine, d.text])).toEqual(expected);
        expect(warnings).toEqual([]);
      }),
      fuzzParameters(250, { timeout: CASE_MS }),
    );
  });

  test('any bytes in a .csv never throw, and the rows before the first bad one are read once, in order', async () => {
    const garbage = fc.string({
      unit: fc.constantFrom('a', '"', ',', '\n', '\r', ';', '\t', '\u0000', 'é'),
      maxLength: 30,
    });
    await fc.assert(
      fc.asyncProperty(table, garbage, fc.nat(8), async ({ rows }, junk, at) => {
        const good = ['text,id', ...rows.map((cells) => cells.map((c) => encodeCell(c, ',')).join(','))];
        const cut = Math.min(at + 1, good.length);
        const content = `${good.slice(0, cut).join('\n')}\n${junk}\n${good.slice(cut).join('\n')}\n`;
        const { docs } = await readOne('g.csv', Buffer.from(content));
        const lines = docs.map((d) => d.recordLine as number);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
        // The rows before the junk are read whole, whatever follows them.
        const before = rows.slice(0, cut - 1).map((cells) => cells[0]);
        expect(docs.slice(0, before.length).map((d) => d.text)).toEqual(before);
      }),
      fuzzParameters(250, { timeout: CASE_MS }),
    );
  });

  const element = fc.oneof({ weight: 4, arbitrary: record }, { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) });
  const space = fc.constantFrom('', ' ', '\n', '\r\n\t');

  test('a JSON array gives every object with text once, at its index; cut short, the whole ones before the cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(element, { maxLength: 8 }),
        space,
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        async (els, ws, cutAt, cut, gzip) => {
          const whole = `${ws}[${ws}${els.join(`${ws},${ws}`)}${ws}]${ws}`;
          const text = cut ? whole.slice(0, cutAt % (whole.length + 1)) : whole;
          const content = Buffer.from(text);
          const { docs } = await readOne(`a.json${gzip ? '.gz' : ''}`, gzip ? zlib.gzipSync(content) : content);
          const expected = (JSON.parse(whole) as unknown[]).flatMap((value, i) => {
            if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
            const obj = value as Record<string, unknown>;
            const field = ['text', 'content', 'body'].find((k) => typeof obj[k] === 'string');
            return field === undefined ? [] : [[i + 1, obj[field] as string]];
          });
          const got = docs.map((d) => [d.recordLine, d.text]);
          if (cut) expect(got).toEqual(expected.slice(0, got.length));
          else expect(got).toEqual(expected);
        },
      ),
      fuzzParameters(300, { timeout: CASE_MS }),
    );
  });

  test('any bytes in a .json never throw, and give documents in increasing order of index', async () => {
    const bytes = fc.oneof(
      randomBytes,
      fc
        .string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', 'a', ' ', '"text"'), maxLength: 60 })
        .map((s) => Buffer.from(s)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const { docs } = await readOne('r.json', content);
        const indexes = docs.map((d) => d.recordLine as number);
        expect(indexes).toEqual([...new Set(indexes)].sort((a, b) => a - b));
      }),
      fuzzParameters(200, { timeout: CASE_MS }),
    );
  });
});

/** How a `.zst` file is written: whole (in one to three frames), cut short in its last frame, or followed by garbage. */
type ZstdShape = 'whole' | 'cut' | 'garbage';
interface ZstdSpec extends Omit<FileSpec, 'gzip'> {
  shape: ZstdShape;
  frames: number;
  /** Small blocks, so that a cut falls between blocks as often as inside one. */
  blockSize: number;
}

const zstdSpec: fc.Arbitrary<ZstdSpec> = fc
  .record({
    kind: fc.constantFrom('text' as const, 'jsonl' as const),
    shape: fc.constantFrom<ZstdShape>('whole', 'cut', 'garbage'),
    frames: fc.integer({ min: 1, max: 3 }),
    blockSize: fc.integer({ min: 1, max: 64 }),
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

/** The bytes of a `.zst` file, and what of its content a reader can get back: decompressed blocks, up to their last line end. */
function zstdOnDisk(spec: ZstdSpec): { bytes: Buffer; recoverable: Buffer } {
  const frames: Buffer[] = [];
  const ends: [number, number][] = [];
  let written = 0;
  let lastFrame = 0;
  for (let f = 0; f < spec.frames; f++) {
    const from = Math.floor((spec.content.length * f) / spec.frames);
    const to = Math.floor((spec.content.length * (f + 1)) / spec.frames);
    const own: [number, number][] = [];
    const frame = zstdFrame(spec.content.subarray(from, to), spec.blockSize, own);
    for (const [end, contentEnd] of own) ends.push([written + end, from + contentEnd]);
    lastFrame = written;
    written += frame.length;
    frames.push(frame);
  }
  const whole = Buffer.concat(frames);
  if (spec.shape === 'whole') return { bytes: whole, recoverable: spec.content };
  if (spec.shape === 'garbage') return { bytes: Buffer.concat([whole, spec.garbage]), recoverable: spec.content };
  // Cut inside the last frame: a cut between frames leaves whole frames, which zstd cannot tell from a whole file.
  const cut = lastFrame + 1 + (spec.cutAt % (whole.length - lastFrame - 1));
  const decoded = ends.filter(([end]) => end <= cut).reduce((n, [, contentEnd]) => Math.max(n, contentEnd), 0);
  const got = spec.content.subarray(0, decoded);
  return {
    bytes: whole.subarray(0, cut),
    recoverable: got.subarray(0, Math.max(got.lastIndexOf(0x0a), got.lastIndexOf(0x0d)) + 1),
  };
}

/** Writes one `.zst` file and reads it back. */
async function readZstdCase(spec: ZstdSpec) {
  const folder = path.join(dir, `case-${caseNo++}`);
  fs.mkdirSync(folder);
  const name = `${spec.kind === 'text' ? 't' : 'j'}${spec.ext}.zst`;
  fs.writeFileSync(path.join(folder, name), zstdOnDisk(spec).bytes);
  const file: FoundFile = { absPath: path.join(folder, name), relPath: name, displayPath: `c/${name}` };
  const docs: SourceDocument[] = [];
  const warned: string[] = [];
  try {
    for await (const doc of readDocuments([file], { onWarning: (_where, why) => warned.push(why) })) docs.push(doc);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return { file, docs, warned };
}

describe('fuzzing readDocuments on .zst files', { timeout: testTimeout }, () => {
  test('a .zst file, whole, cut or garbage-tailed, gives its documents once and a warning for what cannot be read', async () => {
    await fc.assert(
      fc.asyncProperty(zstdSpec, async (spec) => {
        const { file, docs, warned } = await readZstdCase(spec);
        const asGzip: FileSpec = { ...spec, gzip: spec.shape === 'whole' ? 'whole' : spec.shape };
        if (spec.kind === 'text') checkTextFile(asGzip, file, docs, warned);
        else checkJsonlFile(asGzip, file, docs, warned);
        if (spec.shape !== 'whole') expect(warned.length).toBeGreaterThan(0);
      }),
      fuzzParameters(300, { timeout: CASE_MS }),
    );
  });

  test('a .jsonl.zst cut short or followed by garbage gives the records on the lines of its whole blocks', async () => {
    const damaged = zstdSpec.filter((spec) => spec.kind === 'jsonl' && spec.shape !== 'whole');
    await fc.assert(
      fc.asyncProperty(damaged, async (spec) => {
        const { docs } = await readZstdCase(spec);
        const expected = referenceRecords(zstdOnDisk(spec).recoverable).map(({ line, text }) => ({ line, text }));
        expect(docs.map((d) => ({ line: d.recordLine, text: d.text })).slice(0, expected.length)).toEqual(expected);
      }),
      fuzzParameters(100, { timeout: CASE_MS }),
    );
  });
});
