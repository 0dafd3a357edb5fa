// What a file is, from its name alone: compressed or not (and how), which document format, and
// whether a walk reads it. The one place that knows the extensions (docs/spec.md §1): the
// formats' names are also the types `--type` selects, so adding a format adds its type.

import type { DocFormat } from '../types.js';

/**
 * The name endings of each format, before any compression suffix: those a walk reads, and those
 * read only when the file is named (any other file named is read as text).
 */
const ENDINGS: { readonly [F in DocFormat]: { walked: readonly string[]; named?: readonly string[] } } = {
  text: { walked: ['.txt', '.text'] },
  markdown: { walked: ['.md'], named: ['.markdown'] },
  jsonl: { walked: ['.jsonl', '.ndjson'] },
  csv: { walked: ['.csv'] },
  tsv: { walked: ['.tsv'] },
  json: { walked: ['.json'] },
  html: { walked: ['.html', '.htm', '.xhtml'] },
  warc: { walked: ['.warc'] },
  wet: { walked: ['.wet'] },
};

/** How a file is compressed: gzip (`.gz`) or Zstandard (`.zst`). */
export type Compression = 'gzip' | 'zstd';

/** The name suffix of each compression. */
export const COMPRESSION_SUFFIXES: { readonly [C in Compression]: string } = { gzip: '.gz', zstd: '.zst' };

/** The formats by name, as `--type` takes them, in the order `--type-list` shows them. */
export const FORMAT_NAMES = Object.keys(ENDINGS) as readonly DocFormat[];

/** File name endings read when a folder is walked, before any compression suffix. */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.values(ENDINGS).flatMap((e) => e.walked);

/** Every ending that names a format, beside the format it names. */
const FORMAT_ENDINGS: readonly (readonly [string, DocFormat])[] = (
  Object.entries(ENDINGS) as [DocFormat, (typeof ENDINGS)[DocFormat]][]
).flatMap(([format, { walked, named = [] }]) => [...walked, ...named].map((ending) => [ending, format] as const));
/** The endings a walk reads, beside their format. */
const WALKED_ENDINGS = FORMAT_ENDINGS.filter(([ending]) => DOCUMENT_EXTENSIONS.includes(ending));
/** The characters of the longest ending, a compression suffix included: only these are looked at. */
const LONGEST_ENDING = Math.max(...FORMAT_ENDINGS.map(([ending]) => ending.length)) + '.zst'.length;

/**
 * How a file is compressed, from the end of its name (any case): `.gz` gzip, `.zst` zstd, else
 * null. Told from the last characters, without a copy: this runs for every file of a walk.
 */
export function compressionOf(name: string): Compression | null {
  const n = name.length;
  if (n >= 3 && name.charCodeAt(n - 3) === 0x2e && (name.charCodeAt(n - 2) | 0x20) === 0x67)
    return (name.charCodeAt(n - 1) | 0x20) === 0x7a ? 'gzip' : null;
  if (n >= 4 && name.charCodeAt(n - 4) === 0x2e && name.slice(-3).toLowerCase() === 'zst') return 'zstd';
  return null;
}

/** True when a file's name says it is compressed (`.gz`, `.zst`). */
export const isCompressed = (name: string): boolean => compressionOf(name) !== null;

/** The name without its compression suffix (`.gz`, `.zst`), or the name itself. */
export function withoutCompression(name: string): string {
  const compression = compressionOf(name);
  return compression === null ? name : name.slice(0, -COMPRESSION_SUFFIXES[compression].length);
}

/** The format a walk reads a file as, from its name (compression looked through); null when none. */
export function documentFormatOf(name: string): DocFormat | null {
  const lower = withoutCompression(name.slice(-LONGEST_ENDING)).toLowerCase();
  for (const [ending, format] of WALKED_ENDINGS) if (lower.endsWith(ending)) return format;
  return null;
}

/** True when a file name has a document extension, optionally followed by `.gz` or `.zst`. */
export function isDocumentFile(name: string): boolean {
  return documentFormatOf(name) !== null;
}

/** The format a file holds, from its name (compression looked through): text unless its ending says otherwise. */
export function formatOf(name: string): DocFormat {
  const lower = withoutCompression(name.slice(-LONGEST_ENDING)).toLowerCase();
  for (const [ending, format] of FORMAT_ENDINGS) if (lower.endsWith(ending)) return format;
  return 'text';
}

/** The globs of the files a walk reads as a format, compressed forms included (`*.jsonl`, `*.jsonl.gz` …). */
export function formatGlobs(format: DocFormat): string[] {
  const suffixes = ['', ...Object.values(COMPRESSION_SUFFIXES)];
  return ENDINGS[format].walked.flatMap((ending) => suffixes.map((suffix) => `*${ending}${suffix}`));
}

/** A `--type` or `--type-not` name that no format has. */
export class UnknownTypeError extends Error {
  constructor(readonly type: string) {
    super(`unknown type '${type}' (types: ${FORMAT_NAMES.join(', ')}; --type-list shows their files)`);
    this.name = 'UnknownTypeError';
  }
}

/**
 * The formats a walk reads, from `--type` (only these; none given: every format) and `--type-not`
 * (not these), each a list of names, comma-separated or not; null when neither is given.
 * @throws UnknownTypeError for a name that is not a format's.
 */
export function selectFormats(types: readonly string[] = [], typesNot: readonly string[] = []): Set<DocFormat> | null {
  if (types.length === 0 && typesNot.length === 0) return null;
  const names = (list: readonly string[]): DocFormat[] =>
    list
      .flatMap((item) => item.split(','))
      .map((name) => name.trim())
      .filter((name) => name !== '')
      .map((name) => {
        if (!(FORMAT_NAMES as readonly string[]).includes(name)) throw new UnknownTypeError(name);
        return name as DocFormat;
      });
  const only = names(types);
  const not = new Set(names(typesNot));
  return new Set((only.length > 0 ? only : FORMAT_NAMES).filter((format) => !not.has(format)));
}

/**
 * What kind of file a walk has no reader for, as the skipped files are counted: its extension in
 * lower case, compression suffix kept (`.pdf`, `.csv.gz`); `''` when its name has none.
 */
export function skippedKind(name: string): string {
  const compression = compressionOf(name);
  const base = compression === null ? name : name.slice(0, -COMPRESSION_SUFFIXES[compression].length);
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot).toLowerCase() : '';
  return compression === null ? ext : ext + COMPRESSION_SUFFIXES[compression];
}
