// JSON as `JSON.stringify(value, null, 2)` writes it, byte for byte, but a piece at a time: a
// summary of 100,000 documents holds a million distinctive terms, and one string of all of it
// (then its UTF-8 copy) was the peak of a run's memory. Long arrays are written an element at a
// time; everything small goes through JSON.stringify, re-indented.

import { isLazyList } from '../core/summary/lazy-list.js';

/** Arrays longer than this are written an element at a time. */
const LONG = 64;

/** As JSON.stringify: undefined, functions and symbols are left out of an object, null in an array. */
function unwritten(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** An object's entries JSON.stringify writes. */
function written(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => !unwritten(v));
}

/** Whether a value holds a long array (or may: any nested object), so is written in pieces. */
function isBig(value: unknown): boolean {
  // A list read from disk (a summary's distinctive terms) is walked, never built.
  if (isLazyList(value)) return true;
  if (Array.isArray(value))
    return value.length > LONG || value.some((v) => v !== null && typeof v === 'object' && isBig(v));
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some((v) => v !== null && typeof v === 'object' && isBig(v));
}

/** The pieces of `value` in JSON, indented as JSON.stringify(value, null, 2) at depth `pad`. */
export function* jsonPieces(value: unknown, pad = ''): Generator<string> {
  if (!isBig(value)) {
    const text = JSON.stringify(value, null, 2);
    yield pad === '' ? text : text.replace(/\n/g, `\n${pad}`);
    return;
  }
  const inner = `${pad}  `;
  if (Array.isArray(value) || isLazyList(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    let i = 0;
    for (const v of value as Iterable<unknown>) {
      yield inner;
      // As JSON.stringify: undefined, functions and symbols are null in an array.
      yield* jsonPieces(unwritten(v) ? null : v, inner);
      yield ++i < value.length ? ',\n' : '\n';
    }
    yield `${pad}]`;
    return;
  }
  const entries = written(value as object);
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i] as [string, unknown];
    yield `${inner}${JSON.stringify(key)}: `;
    yield* jsonPieces(v, inner);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${pad}}`;
}

/** Writes `value` as JSON.stringify(value, null, 2) and a newline, in chunks of about 64 KB. */
export async function writeJson(
  value: unknown,
  write: (text: string) => Promise<unknown>,
  transform: (text: string) => string = (t) => t,
): Promise<void> {
  await writePieces(endLine(jsonPieces(value)), write, transform);
}

function* endLine(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}

/**
 * The pieces of `value` in JSON as JSON.stringify(value) writes it (one line, for JSON Lines):
 * a list read from disk, or an array holding one, an element at a time.
 */
export function* compactJsonPieces(value: unknown): Generator<string> {
  if (!isBig(value)) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value) || isLazyList(value)) {
    yield '[';
    let i = 0;
    for (const v of value as Iterable<unknown>) {
      if (i++ > 0) yield ',';
      yield* compactJsonPieces(unwritten(v) ? null : v);
    }
    yield ']';
    return;
  }
  const entries = written(value as object);
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i] as [string, unknown];
    yield `${i > 0 ? ',' : ''}${JSON.stringify(key)}:`;
    yield* compactJsonPieces(v);
  }
  yield '}';
}

/** Writes the pieces in chunks of about 64 KB. */
export async function writePieces(
  pieces: Iterable<string>,
  write: (text: string) => Promise<unknown>,
  transform: (text: string) => string = (t) => t,
): Promise<void> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= 1 << 16) {
      await write(transform(chunk));
      chunk = '';
    }
  }
  if (chunk !== '') await write(transform(chunk));
}

/** Writes `value` as JSON.stringify(value) and a newline (a JSON Lines line), in chunks of about 64 KB. */
export async function writeJsonLine(
  value: unknown,
  write: (text: string) => Promise<unknown>,
  transform: (text: string) => string = (t) => t,
): Promise<void> {
  await writePieces(endLine(compactJsonPieces(value)), write, transform);
}
