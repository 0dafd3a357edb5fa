// Cuts a JSON file, fed a chunk of bytes at a time, into its top-level values without parsing
// it: the elements of an array (`[{…}, {…}]`), or one object, or objects one after another (JSON
// Lines named `.json`). Only strings, escapes and nesting are followed, so a 2 GB array costs
// the memory of its largest element, and an element over the size limit is dropped as it comes.

/** An element cut out (`bytes` null when it grew past the limit), numbered from 1. */
export interface JsonElement {
  index: number;
  bytes: Buffer | null;
}

const enum State {
  /** Before the first value: whitespace and a BOM may come. */
  Start,
  /** In an array, between elements. */
  Between,
  /** In a value. */
  Value,
  /** After the top-level values (after the array's `]`). */
  Done,
  /** Not a JSON array or object: nothing more is read. */
  Bad,
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Splits a JSON stream into its top-level values (see the module's comment). */
export class JsonElements {
  private state = State.Start;
  /** True when the values are an array's elements; false for objects one after another. */
  private inArray = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: Buffer[] = [];
  private size = 0;
  private oversize = false;
  /** Elements begun. */
  private count = 0;
  /** Why the stream is not JSON this can read, when it is not. */
  problem: string | null = null;

  constructor(private readonly limit: number) {}

  /** The elements completed in this chunk. */
  feed(chunk: Buffer): JsonElement[] {
    const out: JsonElement[] = [];
    let i = 0;
    const n = chunk.length;
    while (i < n && this.state !== State.Bad) {
      if (this.state === State.Value) {
        i = this.scanValue(chunk, i, out);
        continue;
      }
      const c = chunk[i] as number;
      if (isSpace(c)) i++;
      else if (this.state === State.Start) i = this.first(chunk, i);
      else if (this.state === State.Done) {
        this.fail(this.inArray ? 'something after the closing ] of the array, not read' : 'not JSON, not read');
      } else if (!this.inArray) {
        if (c === 0x7b) this.begin();
        else this.fail('something after an object that is not an object, not read');
      } else if (c === 0x5d) {
        this.state = State.Done;
        i++;
      } else if (c === 0x2c && this.count > 0 && !this.pendingComma) {
        this.pendingComma = true;
        i++;
      } else {
        this.begin();
        if (c === 0x2c) {
          // An empty element (`[1,,2]`): an element all the same, and not valid JSON.
          out.push({ index: this.count, bytes: Buffer.alloc(0) });
          this.state = State.Between;
          i++;
        }
      }
    }
    return out;
  }

  /** True between a `,` and the element after it. */
  private pendingComma = false;

  /** Elements begun so far. */
  get begun(): number {
    return this.count;
  }

  /**
   * At the end of the stream: the last element when it is whole (an array cut short after it);
   * {@link problem} then says why the stream was cut short, if it was.
   */
  end(): JsonElement[] {
    if (this.state === State.Start) this.problem ??= 'empty: no JSON array or object';
    if (this.state !== State.Value) {
      if (this.inArray && this.state === State.Between)
        this.problem ??= 'cut short: the array never closes (no ]), the elements read kept';
      return [];
    }
    if (this.depth > 0 || this.inString) {
      this.problem ??= `cut short in element ${this.count} (a value never closes): the elements before it kept`;
      return [];
    }
    this.problem ??= 'cut short: the array never closes (no ]), the elements read kept';
    this.state = State.Done;
    return [{ index: this.count, bytes: this.oversize ? null : this.bytes() }];
  }

  private first(chunk: Buffer, i: number): number {
    const c = chunk[i] as number;
    // The BOM, its three bytes in the same chunk (the first chunk holds them all).
    if (c === 0xef && chunk[i + 1] === 0xbb && chunk[i + 2] === 0xbf) return i + 3;
    if (c === 0x5b) {
      this.inArray = true;
      this.state = State.Between;
      return i + 1;
    }
    if (c === 0x7b) {
      this.state = State.Between;
      return i;
    }
    this.fail('not a JSON array or object, not read');
    return i;
  }

  private fail(why: string): void {
    this.problem ??= why;
    this.state = State.Bad;
  }

  private begin(): void {
    this.state = State.Value;
    this.pendingComma = false;
    this.count++;
    this.depth = 0;
    this.parts = [];
    this.size = 0;
    this.oversize = false;
  }

  /**
   * Follows a value from `from` to its end: in an array, the `,` or `]` outside any string or
   * nesting; else the `}` closing the object. Returns where to go on from.
   */
  private scanValue(chunk: Buffer, from: number, out: JsonElement[]): number {
    let { depth, inString, escaped } = this;
    const inArray = this.inArray;
    let i = from;
    let end = -1;
    for (const n = chunk.length; i < n; i++) {
      const c = chunk[i] as number;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (depth === 0) {
          // The array's own `]`: the element ends before it. A stray `}` is the element's (not JSON).
          if (c === 0x7d) continue;
          end = i;
          break;
        }
        if (--depth === 0 && !inArray) {
          end = ++i;
          break;
        }
      } else if (c === 0x2c && depth === 0 && inArray) {
        end = i;
        break;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.take(chunk.subarray(from, end < 0 ? i : end));
    if (end < 0) return i;
    out.push({ index: this.count, bytes: this.oversize ? null : this.bytes() });
    this.parts = [];
    this.state = State.Between;
    return end;
  }

  private take(piece: Buffer): void {
    if (this.oversize || piece.length === 0) return;
    this.size += piece.length;
    if (this.size > this.limit) {
      this.oversize = true;
      this.parts = [];
    } else this.parts.push(piece);
  }

  private bytes(): Buffer {
    return this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts);
  }
}
