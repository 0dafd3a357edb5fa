// A list read from disk each time it is walked: a summary's distinctive terms, one entry a
// document, which on a big corpus would be the largest thing in memory if built (80 MB of
// objects at 100,000 documents). The formats walk it once, an entry at a time (format/json-stream.ts,
// format/summary-view.ts); `toJSON` builds it whole, for JSON.stringify on a small corpus.

/** A list of `length` entries, each walk reading them again in order. */
export class LazyList<T> implements Iterable<T> {
  constructor(
    readonly length: number,
    private readonly open: () => Iterator<T>,
  ) {}

  [Symbol.iterator](): Iterator<T> {
    return this.open();
  }

  /** The entries from `start` up to `end` (as Array.slice, without negative bounds): a walk stopped there. */
  slice(start = 0, end = this.length): T[] {
    const out: T[] = [];
    if (end <= start) return out;
    let i = 0;
    for (const entry of this) {
      if (i >= end) break;
      if (i++ >= start) out.push(entry);
    }
    return out;
  }

  toJSON(): T[] {
    return [...this];
  }
}

/** Whether a value is a {@link LazyList}. */
export function isLazyList(value: unknown): value is LazyList<unknown> {
  return value instanceof LazyList;
}
