// Damaged crawls made at random (seeded): bytes flipped, cut out or the file cut short, plain and
// gzipped a record a member. Reading one never throws and never hangs, and every record whose
// bytes were left whole is still read, or said to be lost.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readWarc } from '../../../src/core/input/formats/warc.js';
import { IdRegistry } from '../../../src/core/input/ids.js';
import { random } from '../../helpers/random.js';
import { gzipMember, htmlResponse, warcRecord } from '../../helpers/warc.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warc-fuzz-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const RECORDS = 40;

/** Records of a small crawl: a page and a WET record, one after the other. */
function records(): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 1; i <= RECORDS; i++) {
    out.push(
      i % 2 === 0
        ? htmlResponse(`https://a.test/${i}`, `<html><body><p>page ${i} text</p></body></html>`)
        : warcRecord({ type: 'conversion', uri: `https://a.test/${i}`, payload: `record ${i} text` }),
    );
  }
  return out;
}

/** The pieces with one damaged at random: bytes flipped, some cut out, or the file cut there. */
function damage(pieces: Buffer[], next: () => number): { bytes: Buffer; damaged: number; cut: boolean } {
  const damaged = Math.floor(next() * pieces.length);
  const piece = Buffer.from(pieces[damaged] as Buffer);
  const at = Math.floor(next() * piece.length);
  const how = Math.floor(next() * 3);
  if (how === 0) {
    for (let k = 0; k < 4; k++) piece[(at + k * 7) % piece.length] = Math.floor(next() * 256);
    return {
      bytes: Buffer.concat([...pieces.slice(0, damaged), piece, ...pieces.slice(damaged + 1)]),
      damaged,
      cut: false,
    };
  }
  if (how === 1) {
    const cut = Buffer.concat([piece.subarray(0, at), piece.subarray(Math.min(piece.length, at + 20))]);
    return {
      bytes: Buffer.concat([...pieces.slice(0, damaged), cut, ...pieces.slice(damaged + 1)]),
      damaged,
      cut: false,
    };
  }
  return { bytes: Buffer.concat([...pieces.slice(0, damaged), piece.subarray(0, at)]), damaged, cut: true };
}

async function readNumbers(name: string, bytes: Buffer): Promise<{ read: number[]; warnings: number }> {
  const absPath = path.join(dir, name);
  fs.writeFileSync(absPath, bytes);
  const read: number[] = [];
  let warnings = 0;
  const file = { absPath, relPath: name, displayPath: name };
  for await (const doc of readWarc(file, new IdRegistry(), () => warnings++)) {
    read.push(doc.recordLine as number);
  }
  return { read, warnings };
}

describe('randomly damaged WARC files', () => {
  test.each([
    ['plain', 'f.warc', (r: Buffer[]) => r],
    ['gzipped a record a member', 'f.warc.gz', (r: Buffer[]) => r.map(gzipMember)],
  ])('%s: the records before the damage are read, those after it too or the file ends', async (_, name, pack) => {
    const next = random(18);
    for (let round = 0; round < 60; round++) {
      const { bytes, damaged, cut } = damage(pack(records()), next);
      const { read, warnings } = await readNumbers(`${round}-${name}`, bytes);
      // Every record before the damaged one, in order; none twice.
      expect(read.slice(0, damaged)).toEqual(Array.from({ length: damaged }, (_, i) => i + 1));
      expect(new Set(read).size).toBe(read.length);
      // Damage that leaves a record unread is said; a file cut short may end right after a record.
      const whole = cut ? damaged : RECORDS;
      if (read.filter((n) => n <= whole).length < whole) expect(warnings).toBeGreaterThan(0);
    }
  });
});
