// Damaged WARC files: a record or gzip member cut short, a bad header block, bytes between
// records that are none, a Content-Length past the end. Each is a warning at the file and record
// number, and every record before it (and after it, when the next one can be found) is read.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { readWarc } from '../../../src/core/input/formats/warc.js';
import { IdRegistry } from '../../../src/core/input/ids.js';
import type { RecordTrack } from '../../../src/core/input/formats/format-reader.js';
import type { FoundFile } from '../../../src/core/input/walk.js';
import { gzipMember, warcRecord } from '../../helpers/warc.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warc-damage-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The records read (number: text), the warnings, and what `track` was told. */
async function readAll(
  relPath: string,
  bytes: Buffer,
): Promise<{ docs: string[]; warnings: string[]; tracked: string[] }> {
  const absPath = path.join(dir, relPath);
  fs.writeFileSync(absPath, bytes);
  const file: FoundFile = { absPath, relPath, displayPath: relPath };
  const warnings: string[] = [];
  const tracked: string[] = [];
  const track: RecordTrack = {
    skipped: (n, why) => tracked.push(`${n}${why === null ? '' : `: ${why}`}`),
    warned: (n, why) => tracked.push(`${n} (end): ${why}`),
    failed: () => tracked.push('failed'),
  };
  const docs: string[] = [];
  const warn = (where: string, why: string) => warnings.push(`${where}: ${why}`);
  for await (const doc of readWarc(file, new IdRegistry(), warn, undefined, undefined, track))
    docs.push(`${doc.recordLine}: ${doc.text}`);
  return { docs, warnings, tracked };
}

/** A WET record with the text `text`. */
const wet = (text: string) => warcRecord({ type: 'conversion', uri: `https://a.test/${text}`, payload: text });
const five = () => ['one', 'two', 'three', 'four', 'five'].map(wet);

describe('damaged WARC files', () => {
  test('a last record cut short is a warning at its number; the records before it are read', async () => {
    const whole = Buffer.concat(five());
    const { docs, warnings, tracked } = await readAll('cut.wet', whole.subarray(0, whole.length - 6));
    expect(docs).toEqual(['1: one', '2: two', '3: three', '4: four']);
    expect(warnings).toEqual(['cut.wet:5: WARC record cut short: the file ends 2 bytes into its 4 bytes of content']);
    expect(tracked).toEqual(['5: WARC record cut short: the file ends 2 bytes into its 4 bytes of content']);
  });

  test('a file cut in a header block says so', async () => {
    const whole = Buffer.concat(five());
    const cut = whole.subarray(0, whole.length - (five()[4] as Buffer).length + 30);
    const { docs, warnings } = await readAll('cut-head.wet', cut);
    expect(docs).toEqual(['1: one', '2: two', '3: three', '4: four']);
    expect(warnings).toEqual(['cut-head.wet:5: WARC record cut short in its header block']);
  });

  test('bytes between records that are no record are skipped with a warning, and reading goes on', async () => {
    const records = five();
    records.splice(2, 0, Buffer.from('garbage garbage\r\nmore garbage WARC/1.1 not at a line start\r\n\r\n'));
    const { docs, warnings, tracked } = await readAll('garbage.wet', Buffer.concat(records));
    expect(docs).toEqual(['1: one', '2: two', '4: three', '5: four', '6: five']);
    expect(warnings).toEqual(['garbage.wet:3: 62 bytes that are not a WARC record, skipped']);
    expect(tracked).toEqual(['3: 62 bytes that are not a WARC record, skipped']);
  });

  test('a bad header block is a warning at its number; the next record is found', async () => {
    const records = five();
    records[1] = Buffer.from('WARC/1.1\r\nWARC-Type: conversion\r\nContent-Length: lots\r\n\r\ntwo\r\n\r\n');
    records[3] = Buffer.from('WARC/1.1\r\nthis is not a field\r\nContent-Length: 4\r\n\r\nfour\r\n\r\n');
    const { docs, warnings } = await readAll('bad-head.wet', Buffer.concat(records));
    expect(docs).toEqual(['1: one', '3: three', '5: five']);
    expect(warnings).toEqual([
      'bad-head.wet:2: bad WARC header block (Content-Length lots), skipped',
      'bad-head.wet:4: bad WARC header block (line 2 is not a field), skipped',
    ]);
  });

  test('a Content-Length past the end: the records it ran over are read again', async () => {
    const records = five();
    records[2] = warcRecord({
      type: 'conversion',
      uri: 'https://a.test/three',
      payload: 'three',
      contentLength: 100_000,
    });
    const { docs, warnings } = await readAll('long.wet', Buffer.concat(records));
    expect(docs).toEqual(['1: one', '2: two', '4: four', '5: five']);
    expect(warnings).toEqual(["long.wet:3: WARC record's Content-Length (100000) runs past the next record: skipped"]);
  });

  test('a Content-Length too short leaves bytes that are no record: warned of, the next record read', async () => {
    const records = five();
    records[2] = warcRecord({
      type: 'conversion',
      uri: 'https://a.test/three',
      payload: 'three and more',
      contentLength: 5,
    });
    const { docs, warnings } = await readAll('short.wet', Buffer.concat(records));
    expect(docs).toEqual(['1: one', '2: two', '3: three', '5: four', '6: five']);
    expect(warnings).toEqual(['short.wet:4: 13 bytes that are not a WARC record, skipped']);
  });

  test('a truncated last gzip member keeps the records before it', async () => {
    const members = five().map(gzipMember);
    const bytes = Buffer.concat(members);
    const cut = bytes.length - Math.floor((members[4] as Buffer).length / 2);
    const { docs, warnings } = await readAll('cut.wet.gz', bytes.subarray(0, cut));
    expect(docs).toEqual(['1: one', '2: two', '3: three', '4: four']);
    expect(warnings).toEqual([
      `cut.wet.gz:5: gzip data cut short after ${cut} bytes (unexpected end of file): the records before it kept`,
    ]);
  });

  test('a damaged gzip member in the middle: reading goes on from the next member', async () => {
    const members = five().map(gzipMember);
    const bad = Buffer.from(members[2] as Buffer);
    bad[bad.length - 12] = (bad[bad.length - 12] as number) ^ 0xff;
    members[2] = bad;
    const { docs, warnings } = await readAll('bad.wet.gz', Buffer.concat(members));
    expect(docs).toEqual(['1: one', '2: two', '4: four', '5: five']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^bad\.wet\.gz:3: gzip member at byte \d+ damaged \(incorrect data check\): read again from the next member, at byte \d+$/,
    );
    const at = Number(/next member, at byte (\d+)/.exec(warnings[0] as string)?.[1]);
    expect(at).toBe((members[0] as Buffer).length + (members[1] as Buffer).length + bad.length);
  });

  test('a damaged member deep in a big file costs its record only, also where zlib stopped in another', async () => {
    // Random text, so that the file is bigger than what zlib is given at a time (1 MiB).
    const random = (n: number) => Buffer.from(Array.from({ length: n }, () => 33 + Math.floor(Math.random() * 90)));
    const members: Buffer[] = [];
    for (let i = 1; i <= 800; i++) members.push(gzipMember(wet(`t${i} ${random(2000).toString('latin1')}`)));
    const bad = Buffer.from(members[599] as Buffer);
    bad[bad.length - 30] = (bad[bad.length - 30] as number) ^ 0xff;
    members[599] = bad;
    const { docs, warnings } = await readAll('big.wet.gz', Buffer.concat(members));
    const numbers = docs.map((d) => Number(d.split(':')[0]));
    expect(numbers).toEqual(Array.from({ length: 800 }, (_, i) => i + 1).filter((n) => n !== 600));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^big\.wet\.gz:600: gzip member at byte \d+ damaged \(incorrect data check\): read again/,
    );
  });

  test('garbage between gzip members is skipped, the members after it read', async () => {
    const members = five().map(gzipMember);
    members.splice(3, 0, Buffer.from('not gzip at all'));
    const { docs, warnings } = await readAll('junk.wet.gz', Buffer.concat(members));
    expect(docs).toEqual(['1: one', '2: two', '3: three', '5: four', '6: five']);
    expect(warnings).toHaveLength(1);
    const at = (members.slice(0, 3) as Buffer[]).reduce((n, m) => n + m.length, 0);
    expect(warnings).toEqual([
      `junk.wet.gz:4: 15 bytes at byte ${at} are not gzip data: read again from the next member, at byte ${at + 15}`,
    ]);
  });

  test('a .gz file that is not gzip says so', async () => {
    const { docs, warnings } = await readAll('plain.wet.gz', Buffer.concat(five()));
    expect(docs).toEqual([]);
    expect(warnings).toEqual(['plain.wet.gz:1: the bytes from byte 0 are not gzip data: the records before them kept']);
  });

  test('a whole-file gzip damaged in its middle keeps what came before', async () => {
    const bytes = gzipSync(Buffer.concat(five()));
    const { docs, warnings } = await readAll('whole.wet.gz', bytes.subarray(0, bytes.length - 40));
    expect(docs.length).toBeLessThan(5);
    expect(docs).toEqual(['1: one', '2: two', '3: three', '4: four', '5: five'].slice(0, docs.length));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^whole\.wet\.gz:\d: gzip data cut short after \d+ bytes \(unexpected end of file\): the records before it kept$/,
    );
  });

  test('more than ten damaged places: ten warnings, then one that counts the rest', async () => {
    const records: Buffer[] = [];
    for (let i = 0; i < 13; i++) records.push(wet(`ok${i}`), Buffer.from('WARC/1.1\r\nContent-Length: x\r\n\r\n'));
    const { docs, warnings } = await readAll('many.wet', Buffer.concat(records));
    expect(docs).toHaveLength(13);
    expect(warnings).toHaveLength(11);
    expect(warnings[10]).toBe('many.wet:26: and 3 more lines holding no record, not warned of one by one');
  });
});
