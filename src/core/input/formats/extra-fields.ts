// A record's fields the tool does not know, kept as its `extra` (docs/spec.md §1, §3), within
// bounds: a record with thousands of keys or a huge value costs neither memory nor output past
// them. What was cut is said once a file, at the first record cut.

import type { WarningHandler } from '../../types.js';
import type { RecordTrack } from './format-reader.js';

/** Extra fields a record keeps at most: the first, in the record's order. */
export const MAX_EXTRA_FIELDS = 100;
/**
 * Characters of JSON an extra field's value keeps at most: a longer string is cut (and ends in
 * `…`), an array or an object loses its last items; what is nested deeper than
 * {@link MAX_EXTRA_DEPTH} becomes null.
 */
export const MAX_EXTRA_CHARS = 10_000;
/** How deep an extra field's value is kept. */
export const MAX_EXTRA_DEPTH = 16;

/** What the bounds say once a file, after what was cut. */
const BOUNDS = `extra keeps ${MAX_EXTRA_FIELDS} fields a record and ${MAX_EXTRA_CHARS.toLocaleString('en-US')} characters a field; told once a file`;

/** Collects a record's extra fields, within the bounds; {@link cut} then says what was cut, if anything. */
export class ExtraFields {
  readonly values: Record<string, unknown> = {};
  private count = 0;
  /** Fields offered past {@link MAX_EXTRA_FIELDS}. */
  private over = 0;
  /** The first field whose value was cut. */
  private cutField: string | null = null;
  private left = 0;

  /** Keeps a field, cut to the bounds. */
  add(name: string, value: unknown): void {
    if (this.count === MAX_EXTRA_FIELDS) {
      this.over++;
      return;
    }
    this.count++;
    // Most values are short strings or numbers: kept as they are, without a copy.
    const plain =
      typeof value === 'string' ? value.length <= MAX_EXTRA_CHARS : typeof value !== 'object' || value === null;
    if (plain) return put(this.values, name, value);
    this.left = MAX_EXTRA_CHARS;
    const kept = this.bounded(value, 0);
    if (this.left < 0 && this.cutField === null) this.cutField = name;
    put(this.values, name, kept);
  }

  /** The fields kept, or undefined when there are none. */
  get kept(): Record<string, unknown> | undefined {
    return this.count === 0 ? undefined : this.values;
  }

  /** What was cut, as a warning says it; null when nothing was. */
  get cut(): string | null {
    const what: string[] = [];
    if (this.over > 0) what.push(`${MAX_EXTRA_FIELDS + this.over} extra fields, the first ${MAX_EXTRA_FIELDS} kept`);
    if (this.cutField !== null)
      what.push(`extra field '${this.cutField}' cut to ${MAX_EXTRA_CHARS.toLocaleString('en-US')} characters`);
    return what.length === 0 ? null : `${what.join('; ')} (${BOUNDS})`;
  }

  /** A copy of a value within what is left of the field's characters; `left` goes below 0 when something was cut. */
  private bounded(value: unknown, depth: number): unknown {
    if (typeof value === 'string') {
      if (value.length <= this.left) {
        this.left -= value.length;
        return value;
      }
      const kept = cutString(value, Math.max(this.left, 0));
      this.left = -1;
      return kept;
    }
    if (value === null || typeof value !== 'object') {
      this.left -= value === null ? 4 : String(value).length;
      return value;
    }
    if (depth >= MAX_EXTRA_DEPTH) {
      this.left = Math.min(this.left, -1);
      return null;
    }
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) {
        if (this.left <= 0) {
          this.left = -1;
          break;
        }
        out.push(this.bounded(item, depth + 1));
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (this.left <= 0) {
        this.left = -1;
        break;
      }
      this.left -= key.length;
      put(out, key, this.bounded(item, depth + 1));
    }
    return out;
  }
}

/** A string's first `n` characters and `…`, not cutting a surrogate pair. */
function cutString(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? n - 1 : n;
  return `${text.slice(0, Math.max(end, 0))}…`;
}

/** Sets a key, `__proto__` too, as an own field (as JSON.parse makes it). */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** Says once a file that a record's extra fields were cut, at the record's place. */
export class ExtraCutWarning {
  private told = false;

  constructor(
    private readonly warn: WarningHandler,
    private readonly displayPath: string,
    private readonly track?: RecordTrack,
  ) {}

  /** Tells `cut` (when not null) at `place`, unless the file has told one already. */
  note(place: number, cut: string | null | undefined): void {
    if (cut == null || this.told) return;
    this.told = true;
    this.warn(`${this.displayPath}:${place}`, cut);
    // Kept with the file's cache entry, so a run served from the cache tells it too.
    this.track?.warned?.(place, cut);
  }
}
