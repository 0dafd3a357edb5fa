// What a file is, from its name alone: compressed or not, which document format, and whether a
// walk reads it. The one place that knows the extensions (docs/spec.md §1).

import type { DocFormat } from '../types.js';

/** File name endings read when a folder is walked, before any compression suffix. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.text', '.md', '.jsonl', '.ndjson'] as const;

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

/** The format a file holds, from its name (`.gz` looked through). */
export function formatOf(name: string): DocFormat {
  // Only the ending matters: the longest one looked for is `.markdown.gz`, 12 characters.
  const lower = withoutCompression(name.slice(-12)).toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return 'text';
}
