import fs from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { BUCKET_PAIRS_MAX, MINHASH, NearDuplicates } from '../../src/core/stats/near-duplicates.js';
import { ContentHashes } from '../../src/core/stats/signature-spill.js';
import { removeTempFiles } from '../../src/core/cache/temp-files.js';
import { xorshift32 } from '../helpers/random.js';

afterAll(removeTempFiles);

// A fixed xorshift stream: the same signatures on every run.
const stream = xorshift32;

interface Doc {
  id: string;
  sig: Uint32Array;
  hash?: string;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

/**
 * Unrelated documents with families of near copies spread far apart (across many small blocks),
 * exact duplicates by content hash (the tool's hex hashes, the hash 0 and other strings), a crowd
 * sharing its first band larger than the pair limit with near copies in it, and odd ids.
 */
function documents(): Doc[] {
  const next = stream(20261207);
  const random = () => Uint32Array.from({ length: MINHASH.permutations }, next);
  const out: Doc[] = [];
  const families = Array.from({ length: 12 }, random);
  for (let k = 0; k < 300; k++) {
    const f = k % 12;
    const sig = (families[f] as Uint32Array).slice();
    const changes = (f * 5 + k * 3) % 36;
    for (let m = 0; m < changes; m++) sig[next() % MINHASH.permutations] = next();
    out.push({ id: `f${f}-${k}`, sig, hash: hex(next()) + hex(next()) });
    out.push({ id: `u${k}`, sig: random(), hash: k % 2 === 0 ? hex(next()) + hex(next()) : `other-${k}` });
    if (k % 17 === 0) {
      // An exact duplicate of a document some blocks back: skipped, whatever its signature.
      const back = out[Math.floor(out.length / 2)] as Doc;
      out.push({ id: `dup${k}`, sig: random(), hash: back.hash });
    }
  }
  out.push({ id: 'zero', sig: random(), hash: '0000000000000000' });
  out.push({ id: 'zero-again', sig: random(), hash: '0000000000000000' });
  out.push({ id: 'upper', sig: random(), hash: 'ABCDEF0123456789' });
  out.push({ id: 'lower', sig: random(), hash: 'abcdef0123456789' });
  const shared = random();
  const crowd = random();
  for (let k = 0; k < BUCKET_PAIRS_MAX + 60; k++) {
    const sig = k % 40 === 0 ? crowd.slice() : random();
    if (k % 40 === 0) sig[5 + (k % 100)] = next();
    sig.set(shared.subarray(0, MINHASH.rows));
    out.push({ id: k % 50 === 0 ? `line\nbreak ${k} é \ud800 "q"` : `crowd${k}`, sig });
  }
  return out;
}

function groupsOf(docs: readonly Doc[], memoryDocuments?: number, threshold?: number) {
  const nd = new NearDuplicates(memoryDocuments === undefined ? {} : { memoryDocuments });
  for (const d of docs) nd.addSignature(d.id, d.sig, d.hash);
  const groups = nd.groups(threshold);
  nd.clear();
  return groups;
}

describe('near-duplicates past the first block (spilled to disk)', () => {
  const docs = documents();
  const expected = groupsOf(docs);

  test('the groups are those found in memory, whatever the block size', () => {
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.some((g) => g.ids.includes('crowd40'))).toBe(true);
    expect(groupsOf(docs, 100_000)).toEqual(expected);
    for (const m of [1, 3, 8, 16, 100, docs.length - 1, docs.length]) expect(groupsOf(docs, m)).toEqual(expected);
    expect(groupsOf(docs, 8, 0.9)).toEqual(groupsOf(docs, undefined, 0.9));
  });

  test('groups() may be called more than once, and documents added in between', () => {
    const nd = new NearDuplicates({ memoryDocuments: 16 });
    const half = Math.floor(docs.length / 2);
    for (const d of docs.slice(0, half)) nd.addSignature(d.id, d.sig, d.hash);
    expect(nd.groups()).toEqual(groupsOf(docs.slice(0, half)));
    for (const d of docs.slice(half)) nd.addSignature(d.id, d.sig, d.hash);
    expect(nd.groups()).toEqual(expected);
    expect(nd.groups()).toEqual(expected);
    nd.clear();
  });

  test('clear() closes and removes the files; the finder is then empty and usable again', () => {
    const fds = () => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : 0);
    const before = fds();
    const nd = new NearDuplicates({ memoryDocuments: 8 });
    for (const d of docs) nd.addSignature(d.id, d.sig, d.hash);
    const files = nd.spillFiles();
    expect(files).toHaveLength(3);
    for (const f of files) expect(fs.existsSync(f)).toBe(true);
    nd.groups();
    nd.clear();
    for (const f of files) expect(fs.existsSync(f)).toBe(false);
    expect(nd.spillFiles()).toEqual([]);
    expect(fds()).toBe(before);
    expect(nd.groups()).toEqual([]);
    for (const d of docs) nd.addSignature(d.id, d.sig, d.hash);
    expect(nd.groups()).toEqual(expected);
    nd.clear();
  });

  test('no document, one, exactly one block, one past it', () => {
    const dup = docs.slice(0, 40).map((d) => ({ ...d, sig: (docs[0] as Doc).sig, hash: undefined }));
    for (const count of [0, 1, 2, 8, 9, 16, 17]) {
      const nd = new NearDuplicates({ memoryDocuments: 8 });
      for (const d of dup.slice(0, count)) nd.addSignature(d.id, d.sig);
      expect(nd.spillFiles().length > 0).toBe(count > 8);
      expect(nd.groups()).toEqual(groupsOf(dup.slice(0, count)));
      nd.clear();
    }
  });

  test('a few near copies far apart among many unrelated documents', () => {
    const next = stream(99);
    const random = () => Uint32Array.from({ length: MINHASH.permutations }, next);
    const many: Doc[] = Array.from({ length: 3000 }, (_, k) => ({ id: `r${k}`, sig: random() }));
    for (const [a, b] of [
      [100, 2900],
      [20, 1500],
      [2999, 40],
    ] as const) {
      const sig = (many[a] as Doc).sig.slice();
      sig[b % MINHASH.permutations] = next();
      many[b] = { id: `near${a}`, sig };
    }
    const inMemory = groupsOf(many);
    expect(inMemory.map((g) => g.ids.join(' ')).sort()).toEqual(['near2999 r2999', 'r100 near100', 'r20 near20']);
    for (const m of [1, 16, 64]) expect(groupsOf(many, m)).toEqual(inMemory);
  });

  test('a small corpus writes no file', () => {
    const nd = new NearDuplicates();
    for (const d of docs.slice(0, 4096)) nd.addSignature(d.id, d.sig, d.hash);
    expect(nd.groups().length).toBeGreaterThan(0);
    expect(nd.spillFiles()).toEqual([]);
  });
});

describe('content hashes', () => {
  test('seen as a Set of the strings would be', () => {
    const next = stream(7);
    const hashes = new ContentHashes();
    const set = new Set<string>();
    const pool: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      const r = next() % 10;
      const h =
        r < 3 && pool.length > 0
          ? (pool[next() % pool.length] as string)
          : r === 3
            ? `${hex(next()).toUpperCase()}${hex(0)}`
            : r === 4
              ? `x${k % 500}`
              : `${hex(next() % 4)}${hex(next())}`;
      pool.push(h);
      expect(hashes.seen(h)).toBe(set.has(h));
      set.add(h);
    }
  });
});
