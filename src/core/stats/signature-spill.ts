// What the near-duplicate finder (near-duplicates.ts) keeps on disk once a corpus outgrows its
// first block: files in the run's scratch folder, appended to in big chunks and read back at
// given positions, and a compact set of the content hashes seen.

import fs from 'node:fs';
import path from 'node:path';
import { runScratchFolder } from '../cache/temp-files.js';
import { fmix32 } from '../hash.js';

let files = 0;

/**
 * A scratch file written at its end and read anywhere: opened (in the run's scratch folder) at the
 * first write, so an object that never spills makes no file. One file descriptor while open.
 */
export class SpillFile {
  private fd: number | null = null;
  private where = '';
  /** Bytes written. */
  size = 0;

  constructor(private readonly name: string) {}

  /** Appends `bytes` (written whole: a write may take fewer bytes than asked). */
  append(bytes: Uint8Array): void {
    if (this.fd === null) {
      this.where = path.join(runScratchFolder(), `near-${files++}-${this.name}`);
      this.fd = fs.openSync(this.where, 'w+');
    }
    for (let done = 0; done < bytes.length;) {
      const wrote = fs.writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
      done += wrote;
    }
    this.size += bytes.length;
  }

  /** Fills `into` with the bytes from `position` (all of them written before). */
  read(into: Uint8Array, position: number): void {
    if (this.fd === null) throw new Error(`near-duplicates: nothing spilled to ${this.name}`);
    for (let done = 0; done < into.length;) {
      const got = fs.readSync(this.fd, into, done, into.length - done, position + done);
      if (got === 0) throw new Error(`near-duplicates: ${this.name} ends before ${position + into.length}`);
      done += got;
    }
  }

  /** The file's path, once written to (for tests). */
  get path(): string | null {
    return this.fd === null ? null : this.where;
  }

  /** Closes and removes the file: the object is then empty, and may be written again. */
  remove(): void {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    fs.rmSync(this.where, { force: true });
    this.fd = null;
    this.size = 0;
  }
}

/** Bytes of the id file read at a time. */
const ID_CHUNK = 1 << 20;

/**
 * Document ids in a scratch file, one JSON string a line (JSON keeps a newline or a lone surrogate
 * in an id, which plain UTF-8 lines would not): the ids are written a block at a time and only
 * those asked for are parsed back, in one sequential read.
 */
export class IdSpill {
  private readonly file = new SpillFile('ids.jsonl');
  /** Ids written. */
  count = 0;

  append(ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.file.append(Buffer.from(ids.map((id) => JSON.stringify(id)).join('\n') + '\n', 'utf8'));
    this.count += ids.length;
  }

  /** The ids of lines `wanted` (ascending, each below {@link IdSpill.count}), by line. */
  lines(wanted: readonly number[]): Map<number, string> {
    const out = new Map<number, string>();
    let next = 0;
    let line = 0;
    let carry: Buffer = Buffer.alloc(0);
    for (let position = 0; position < this.file.size && next < wanted.length; position += ID_CHUNK) {
      const chunk = Buffer.alloc(Math.min(ID_CHUNK, this.file.size - position));
      this.file.read(chunk, position);
      const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      let start = 0;
      for (let end = bytes.indexOf(10, start); end >= 0; end = bytes.indexOf(10, start)) {
        if (line === wanted[next]) {
          out.set(line, JSON.parse(bytes.toString('utf8', start, end)) as string);
          while (wanted[next] === line) next++;
        }
        line++;
        start = end + 1;
      }
      carry = bytes.subarray(start);
    }
    return out;
  }

  /** The file's path, once written to (for tests). */
  get path(): string | null {
    return this.file.path;
  }

  remove(): void {
    this.file.remove();
    this.count = 0;
  }
}

/** A content hash as the tool makes them (analyse-document.ts): 16 lowercase hex digits, 64 bits. */
const HEX64 = /^[0-9a-f]{16}$/;

/**
 * The content hashes seen, to skip exact duplicates. A hash of 16 lowercase hex digits (the tool's
 * own) is kept as its 64 bits in an open-addressing table, 8 bytes a slot, at most three quarters
 * full (11 to 21 bytes a hash, where a Set of strings costs some 80); any other string goes into a
 * Set. The two never meet: a string is in the table exactly when it has that form.
 */
export class ContentHashes {
  // Slot s holds a hash's high half at 2s and its low half at 2s + 1; both 0: empty (the hash 0
  // itself is the flag `zero`).
  private table = new Uint32Array(2 * 1024);
  private used = 0;
  private zero = false;
  private readonly others = new Set<string>();

  /** True when `hash` was seen before; otherwise it is added. */
  seen(hash: string): boolean {
    if (!HEX64.test(hash)) {
      if (this.others.has(hash)) return true;
      this.others.add(hash);
      return false;
    }
    const hi = parseInt(hash.slice(0, 8), 16) >>> 0;
    const lo = parseInt(hash.slice(8), 16) >>> 0;
    if (hi === 0 && lo === 0) {
      const was = this.zero;
      this.zero = true;
      return was;
    }
    if (this.insert(hi, lo)) return true;
    this.used++;
    if (this.used * 4 > (this.table.length / 2) * 3) this.grow();
    return false;
  }

  /** Puts the hash in the table: true when it was there already. */
  private insert(hi: number, lo: number): boolean {
    const table = this.table;
    const mask = table.length / 2 - 1;
    for (let s = fmix32(lo ^ Math.imul(hi, 0x9e3779b1)) & mask; ; s = (s + 1) & mask) {
      const h = table[2 * s] as number;
      const l = table[2 * s + 1] as number;
      if (h === 0 && l === 0) {
        table[2 * s] = hi;
        table[2 * s + 1] = lo;
        return false;
      }
      if (h === hi && l === lo) return true;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    for (let s = 0; s < old.length; s += 2) {
      const hi = old[s] as number;
      const lo = old[s + 1] as number;
      if (hi !== 0 || lo !== 0) this.insert(hi, lo);
    }
  }
}
