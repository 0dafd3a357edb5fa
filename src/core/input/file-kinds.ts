// What a file is, from its name alone: compressed or not, which document format, and whether a
// walk reads it. The one place that knows the extensions (docs/spec.md §1).

import type { DocFormat } from '../types.js';

/**
 * The name endings of each format, before any compression suffix: those a walk reads, and those
 * read only when the file is named (any other file named is read as text).
 */
const ENDINGS: { readonly [F in DocFormat]: { walked: readonly string[]; named?: readonly string[] } } = {
  text: { walked: ['.txt', '.text'] },
  markdown: { walked: ['.md'], named: ['.markdown'] },
  jsonl: { walked: ['.jsonl', '.ndjson'] },
};

/** File name endings read when a folder is walked, before any compression suffix. */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.values(ENDINGS).flatMap((e) => e.walked);

/** Every ending that names a format, beside the format it names. */
const FORMAT_ENDINGS: readonly (readonly [string, DocFormat])[] = (
  Object.entries(ENDINGS) as [DocFormat, (typeof ENDINGS)[DocFormat]][]
).flatMap(([format, { walked, named = [] }]) => [...walked, ...named].map((ending) => [ending, format] as const));
/** The characters of the longest ending, `.gz` included: only these are looked at. */
const LONGEST_ENDING = Math.max(...FORMAT_ENDINGS.map(([ending]) => ending.length)) + '.gz'.length;

/** True when a path or name ends in `.gz` (any case): the file is gzipped. */
export const isGzip = (name: string): boolean =>
  name.length >= 3 && name.charCodeAt(name.length - 3) === 0x2e && name.slice(-2).toLowerCase() === 'gz';

/** The name without its compression suffix (`.gz`), or the name itself. */
export const withoutCompression = (name: string): string => (isGzip(name) ? name.slice(0, -3) : name);

/** True when a file name has a document extension, optionally followed by `.gz`. */
export function isDocumentFile(name: string): boolean {
  const base = withoutCompression(name).toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => base.endsWith(ext));
}

/** The format a file holds, from its name (`.gz` looked through): text unless its ending says otherwise. */
export function formatOf(name: string): DocFormat {
  const lower = withoutCompression(name.slice(-LONGEST_ENDING)).toLowerCase();
  for (const [ending, format] of FORMAT_ENDINGS) if (lower.endsWith(ending)) return format;
  return 'text';
}
