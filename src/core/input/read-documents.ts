// Reads the documents of a corpus one at a time: a text or Markdown file is one document, a
// JSON Lines file one document a line (streamed, so a 2 GB file never sits in memory).

import fs from 'node:fs';
import { byteLines } from './byte-lines.js';
import { decode, isBinary } from './decode.js';
import { createGunzip, gunzipSync } from './gzip.js';
import { formatOf, isGzip, withoutCompression } from './file-kinds.js';
import { describeError, type FoundFile } from './walk.js';
import type { Encoding, RecordFields, SourceDocument, WarningHandler } from '../types.js';

export interface ReadOptions {
  onWarning?: WarningHandler;
  /**
   * Asked before a text file is read, with the id it would get and the file: false skips the
   * file unread. JSONL records are always read (their ids live inside them), then asked too.
   */
  wantId?: (id: string, file: FoundFile) => boolean;
  /** Asked with a text file's raw (decompressed) bytes: false skips it before decoding. */
  wantBytes?: (bytes: Buffer) => boolean;
}

/** What a file with a NUL byte near its start is told: it is not text. */
export const BINARY_WARNING = 'binary file (NUL byte in the first 8 KiB), skipped';

/** A file's id: its path relative to its root, without the extension (and without `.gz`). */
export function fileId(relPath: string): string {
  const noGz = withoutCompression(relPath);
  const slash = noGz.lastIndexOf('/');
  const dot = noGz.lastIndexOf('.');
  return dot > slash + 1 ? noGz.slice(0, dot) : noGz;
}

/**
 * True when no two of a folder's files, in walk order, can have the same id: each name has one
 * dot, and each folder's files come together, so files of one stem would come one after the
 * other. False when that cannot be told so cheaply (names with several dots or `.gz`, a folder
 * whose files a subfolder's come between): the ids are then claimed one by one.
 */
export class DistinctIds {
  distinct = true;
  private dir = '';
  private stem = '';
  private readonly dirsLeft = new Set<string>();

  /** Notes the next file of the walk, by its path relative to the root. */
  add(relPath: string): void {
    if (!this.distinct) return;
    const slash = relPath.lastIndexOf('/');
    const dot = relPath.indexOf('.', slash + 1);
    if (dot <= slash + 1 || relPath.indexOf('.', dot + 1) !== -1) {
      this.distinct = false;
      return;
    }
    const dir = relPath.slice(0, slash + 1);
    const stem = relPath.slice(slash + 1, dot);
    if (dir === this.dir) {
      if (stem === this.stem) this.distinct = false;
    } else {
      // Back in a folder left before: a file of the stem last seen there may come again.
      if (this.dirsLeft.has(dir)) this.distinct = false;
      this.dirsLeft.add(this.dir);
      this.dir = dir;
    }
    this.stem = stem;
  }
}

/** Keeps ids unique within a run: a clash gets a `~2`, `~3` … suffix. */
export class IdRegistry {
  private readonly seen = new Set<string>();
  /**
   * With folder claims: the folders claimed whole, by their id prefix (`a/`), each with what
   * gives its ids when a claim under the prefix needs them; and every folder prefix of an id
   * (or folder) claimed, so that such a folder is not claimed whole.
   */
  private readonly folders: Map<string, () => Iterable<string>> | null;
  private readonly touched: Set<string> | null;
  /** The id claimed last. */
  last: string | undefined;

  /** @param folderClaims - Whether {@link claimFolder} is used (it costs every claim a little). */
  constructor(folderClaims = false) {
    this.folders = folderClaims ? new Map() : null;
    this.touched = folderClaims ? new Set() : null;
  }

  /** The id to use for `wanted`, and whether it had to be changed. */
  claim(wanted: string): { id: string; clashed: boolean } {
    if (this.folders) this.touch(wanted);
    if (!this.seen.has(wanted)) {
      this.seen.add(wanted);
      this.last = wanted;
      return { id: wanted, clashed: false };
    }
    let n = 2;
    while (this.seen.has(`${wanted}~${n}`)) n++;
    const id = `${wanted}~${n}`;
    this.seen.add(id);
    this.last = id;
    return { id, clashed: true };
  }

  /** The id `wanted` would get, without claiming it. */
  peek(wanted: string): string {
    if (this.folders) this.expand(wanted);
    if (!this.seen.has(wanted)) return wanted;
    let n = 2;
    while (this.seen.has(`${wanted}~${n}`)) n++;
    return `${wanted}~${n}`;
  }

  /**
   * Claims the ids of the files under a folder at once (`prefix` is its path and a `/`), when
   * they are distinct among themselves ({@link DistinctIds}) and no id under the folder is
   * taken: then none of them clashes, and `ids` is called only if a later claim falls under the
   * folder. Returns false, claiming nothing, when an id under the folder is taken: the caller
   * then claims them one by one.
   */
  claimFolder(prefix: string, ids: () => Iterable<string>): boolean {
    if (!this.folders || !this.touched) throw new Error('IdRegistry: folder claims are not enabled');
    if (this.touched.has(prefix)) return false;
    // A folder claimed whole above this one may hold ids under it: make them ids first.
    this.touch(prefix);
    this.folders.set(prefix, ids);
    return true;
  }

  /** Before a claim of `id` (or of a folder, `a/`): its folders marked, and those claimed whole made ids. */
  private touch(id: string): void {
    this.expand(id);
    for (let slash = id.indexOf('/'); slash !== -1; slash = id.indexOf('/', slash + 1))
      (this.touched as Set<string>).add(id.slice(0, slash + 1));
  }

  /** The ids of a folder claimed whole that `id` falls under, made ids one by one. */
  private expand(id: string): void {
    const folders = this.folders as Map<string, () => Iterable<string>>;
    if (folders.size === 0) return;
    for (let slash = id.indexOf('/'); slash !== -1; slash = id.indexOf('/', slash + 1)) {
      const prefix = id.slice(0, slash + 1);
      const ids = folders.get(prefix);
      if (ids === undefined) continue;
      folders.delete(prefix);
      for (const claimed of ids()) this.seen.add(claimed);
    }
  }
}

const RECORD_TEXT_FIELDS = ['text', 'content', 'body'] as const;
const RECORD_META_FIELDS = ['id', 'title', 'date', 'source', 'url', 'lang'] as const;

/** The decoded text of a text file, or null (with a warning) when it cannot be read or is binary. */
export function readTextFile(
  file: FoundFile,
  warn: WarningHandler,
  wantBytes?: (bytes: Buffer) => boolean,
): { bytes: number; encoding: Encoding; text: string } | null | 'skipped' {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file.absPath);
    if (isGzip(file.relPath)) bytes = gunzipSync(bytes);
  } catch (err) {
    warn(file.displayPath, describeError(err));
    return null;
  }
  if (isBinary(bytes)) {
    warn(file.displayPath, BINARY_WARNING);
    return null;
  }
  if (wantBytes && !wantBytes(bytes)) return 'skipped';
  const decoded = decode(bytes);
  return { bytes: bytes.length, encoding: decoded.encoding, text: decoded.text };
}

/**
 * Yields the documents held by the files, in order. Unreadable, binary and malformed input
 * is reported through `onWarning` and skipped.
 */
export async function* readDocuments(
  files: Iterable<FoundFile>,
  options: ReadOptions = {},
): AsyncGenerator<SourceDocument> {
  const warn = options.onWarning ?? (() => {});
  const ids = new IdRegistry();
  for (const file of files) {
    const format = formatOf(file.relPath);
    if (format === 'jsonl') {
      yield* readJsonl(file, ids, warn, options.wantId);
      continue;
    }
    const wantedId = fileId(file.relPath);
    if (options.wantId && !options.wantId(ids.peek(wantedId), file)) {
      ids.claim(wantedId);
      continue;
    }
    // A binary or unreadable file claims no id; a file the byte test skips does, so ids
    // do not depend on the pattern searched for.
    const read = readTextFile(
      file,
      warn,
      options.wantBytes &&
        ((bytes) => {
          claimFor(ids, wantedId, file, warn);
          return options.wantBytes!(bytes);
        }),
    );
    if (read === null || read === 'skipped') continue;
    const id = options.wantBytes ? (ids.last as string) : claimFor(ids, wantedId, file, warn);
    yield { id, path: file.displayPath, absPath: file.absPath, format, ...read };
  }
}

/** Claims the id of a text file, warning when it had to change. */
export function claimFor(
  ids: IdRegistry,
  wantedId: string,
  file: Pick<FoundFile, 'displayPath'>,
  warn: WarningHandler,
): string {
  const { id, clashed } = ids.claim(wantedId);
  if (clashed) warn(file.displayPath, `id ${wantedId} is taken, using ${id}`);
  return id;
}

/** Bytes read from a JSON Lines file at a time. */
const JSONL_CHUNK = 1 << 20;
/** The BOM a JSON Lines file's first line may start with. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Bytes a JSON Lines record is taken to have, to guess before reading how many a file holds. */
export const JSONL_RECORD_BYTES_GUESS = 4096;

/**
 * Told, as a JSON Lines file is read, of each line that holds no record (`why` is its warning,
 * null for a blank line), and when the file could not be read to its end: what the cache keeps
 * of the file beside its records' entries, to give the same warnings without reading it again.
 */
export interface JsonlTrack {
  skipped(lineNo: number, why: string | null): void;
  failed(): void;
}

/** The id a JSON Lines record asks for: its own (`fields.id`), else its line's, `<file id>#<line>`. */
export function askedRecordId(
  file: Pick<FoundFile, 'relPath'>,
  fields: RecordFields | undefined,
  lineNo: number,
): string {
  return fields?.id ?? `${fileId(file.relPath)}#${lineNo}`;
}

/**
 * Yields the records of a JSON Lines file (gzipped or not), read a chunk at a time and cut into
 * lines on its bytes: a line is decoded only to be parsed. Invalid lines are warnings. Every
 * record claims its id; `wantId` (asked with the id) and `wantRecord` (asked with the line's
 * bytes) may then leave it out, and a record left out is not decoded when its id can be read
 * without (see {@link recordIdOf}). `track` is told of the lines that hold no record.
 */
export async function* readJsonl(
  file: FoundFile,
  ids: IdRegistry,
  warn: WarningHandler,
  wantId?: ReadOptions['wantId'],
  wantRecord?: (bytes: Buffer) => boolean,
  track?: JsonlTrack,
): AsyncGenerator<SourceDocument> {
  const source = fs.createReadStream(file.absPath, { highWaterMark: JSONL_CHUNK });
  let input: NodeJS.ReadableStream = source;
  const failures: unknown[] = [];
  source.on('error', (err) => failures.push(err));
  if (isGzip(file.relPath)) {
    const gunzip = createGunzip({ chunkSize: JSONL_CHUNK });
    gunzip.on('error', (err) => failures.push(err));
    // A pipe does not pass on a read error: without this the lines would wait for ever.
    source.on('error', () => gunzip.destroy());
    input = source.pipe(gunzip);
  }
  let lineNo = 0;
  try {
    for await (const lines of byteLines(input as AsyncIterable<Buffer>)) {
      for (let k = 0; k < lines.length; k++) {
        lineNo++;
        let bytes = lines[k] as Buffer;
        if (lineNo === 1 && bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
        const wanted = wantRecord ? wantRecord(bytes) : true;
        let claimed: string | undefined;
        if (!wanted || wantId) {
          // Its id, read without decoding the record, may be all that is needed of it.
          const asked = recordIdOf(bytes);
          if (asked !== undefined) {
            claimed = claimRecordId(ids, asked ?? askedRecordId(file, undefined, lineNo), file, lineNo, warn);
            if (!wanted || (wantId && !wantId(claimed, file))) continue;
          }
        }
        const record = parseJsonlLine(bytes);
        if (record === null || typeof record === 'string') {
          track?.skipped(lineNo, record);
          if (record !== null) warn(`${file.displayPath}:${lineNo}`, record);
          continue;
        }
        const id = claimed ?? claimRecordId(ids, askedRecordId(file, record.fields, lineNo), file, lineNo, warn);
        if (!wanted || (claimed === undefined && wantId && !wantId(id, file))) continue;
        yield {
          id,
          path: file.displayPath,
          absPath: file.absPath,
          format: 'jsonl',
          bytes: bytes.length,
          encoding: 'utf-8',
          text: record.text,
          recordLine: lineNo,
          fields: record.fields,
        };
      }
    }
  } catch (err) {
    failures.push(err);
  } finally {
    // Also when the reader stops early: the file is closed, not left to the end of the run.
    source.destroy();
  }
  if (failures.length > 0) {
    track?.failed();
    warn(file.displayPath, describeError(failures[0]));
  }
}

/** Claims the id a record asks for, warning at its line when it had to change. */
export function claimRecordId(
  ids: IdRegistry,
  wanted: string,
  file: Pick<FoundFile, 'displayPath'>,
  lineNo: number,
  warn: WarningHandler,
): string {
  const { id, clashed } = ids.claim(wanted);
  if (clashed) warn(`${file.displayPath}:${lineNo}`, `id ${wanted} is taken, using ${id}`);
  return id;
}

const NON_ASCII = /[^\0-\x7f]/;

/**
 * The id a JSON Lines record asks for, read without decoding its UTF-8: its bytes parsed as
 * Latin-1, a copy and not a decoding. JSON's syntax is ASCII, so the bytes are valid JSON, an
 * object, with a string text field, read either way alike; only the strings differ where they
 * hold non-ASCII bytes, and of the strings only an ASCII id is taken. Null when it asks for its
 * line's id (`<file id>#<line>`); undefined when {@link parseJsonlLine} must tell: a line that is
 * blank, invalid, not an object or without text (each rare), or an id with non-ASCII characters.
 */
export function recordIdOf(bytes: Buffer): string | null | undefined {
  let record: unknown;
  try {
    record = JSON.parse(bytes.toString('latin1'));
  } catch {
    return undefined;
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
  const obj = record as Record<string, unknown>;
  if (!RECORD_TEXT_FIELDS.some((k) => typeof obj[k] === 'string')) return undefined;
  const id = obj.id;
  if (typeof id === 'number') return String(id);
  if (typeof id !== 'string') return null;
  if (NON_ASCII.test(id)) return undefined;
  const trimmed = id.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A line of a JSON Lines file, decoded and parsed: its text and metadata fields (`fields.id`
 * the id it asks for, if any); null for a blank line; else why it holds no document.
 */
export function parseJsonlLine(bytes: Buffer): { text: string; fields: RecordFields } | string | null {
  const line = bytes.toString('utf8');
  if (line.trim() === '') return null;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return 'not valid JSON, skipped';
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return 'not a JSON object, skipped';
  const obj = record as Record<string, unknown>;
  const textField = RECORD_TEXT_FIELDS.find((k) => typeof obj[k] === 'string');
  if (!textField) return 'no text, content or body field, skipped';
  const fields: RecordFields = {};
  for (const key of RECORD_META_FIELDS) {
    const v = obj[key];
    if (typeof v === 'string' && v.trim() !== '') fields[key] = v.trim();
    else if (typeof v === 'number' && key === 'id') fields.id = String(v);
  }
  return { text: obj[textField] as string, fields };
}
