// The Parquet writer (src/format/parquet-writer.ts) cuts row groups as the rows stream, at
// ROW_GROUP_ROWS rows or ROW_GROUP_TEXT_CHARS characters of text, and a writer given no row
// still makes a file a reader opens; read back with DuckDB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OutputStream } from '../../src/format/output-stream.js';
import { parquetRow } from '../../src/format/parquet-rows.js';
import { ParquetRowWriter, ROW_GROUP_ROWS, ROW_GROUP_TEXT_CHARS } from '../../src/format/parquet-writer.js';
import type { DocumentRecord } from '../../src/core/types.js';
import { rec } from '../helpers/record.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-parquet-writer-'));
let db: DuckDBConnection;
beforeAll(async () => {
  db = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  db.closeSync();
  fs.rmSync(work, { recursive: true, force: true });
});

/** An output that keeps the bytes written, and how many writes brought them. */
function bytesOutput(): OutputStream & { bytes(): Buffer; writes: number } {
  const chunks: Uint8Array[] = [];
  return {
    isTTY: false,
    writes: 0,
    async write(data: string | Uint8Array) {
      this.writes++;
      chunks.push(typeof data === 'string' ? Buffer.from(data) : data);
    },
    bytes: () => Buffer.concat(chunks),
  };
}

const record = (i: number): DocumentRecord =>
  rec({
    id: `d${i}`,
    path: 'c/d.jsonl',
    format: 'jsonl',
    bytes: 10,
    lang: 'eng',
    languages: [{ lang: 'eng', share: 1 }],
    date: i % 2 === 0 ? '2024-02-29' : null,
    hash: '0000000000000000',
  });

/** The rows of each row group of a file, as its footer says. */
async function rowGroups(bytes: Buffer, name: string): Promise<number[]> {
  const file = path.join(work, name);
  fs.writeFileSync(file, bytes);
  const sql = `SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata('${file}') ORDER BY row_group_id`;
  return (await db.runAndReadAll(sql)).getRowObjectsJson().map((r) => Number(r.row_group_num_rows));
}

describe('ParquetRowWriter', () => {
  test(`a row group every ${ROW_GROUP_ROWS} rows, written as it fills`, async () => {
    const out = bytesOutput();
    const writer = new ParquetRowWriter(out, false);
    for (let i = 0; i < 2 * ROW_GROUP_ROWS; i++) await writer.write(parquetRow(record(i)));
    // Two groups are out before the end: the file streams, rows are not held to the last.
    expect(out.writes).toBe(2);
    for (let i = 2 * ROW_GROUP_ROWS; i < 2.5 * ROW_GROUP_ROWS; i++) await writer.write(parquetRow(record(i)));
    await writer.end();
    expect(writer.count).toBe(2.5 * ROW_GROUP_ROWS);
    expect(await rowGroups(out.bytes(), 'rows.parquet')).toEqual([ROW_GROUP_ROWS, ROW_GROUP_ROWS, ROW_GROUP_ROWS / 2]);
  });

  test('long texts close a row group before it has its rows', async () => {
    const out = bytesOutput();
    const writer = new ParquetRowWriter(out, true);
    // Each row brings a sixteenth of the budget in its text and as much in its body.
    const text = 'x'.repeat(ROW_GROUP_TEXT_CHARS / 16);
    for (let i = 0; i < 20; i++) await writer.write(parquetRow(record(i), { text, body: text }));
    await writer.end();
    expect(await rowGroups(out.bytes(), 'text.parquet')).toEqual([8, 8, 4]);
    const file = path.join(work, 'text.parquet');
    const sql = `SELECT count(*) n, min(length(text)) lo, max(length(body)) hi FROM read_parquet('${file}')`;
    expect((await db.runAndReadAll(sql)).getRowObjectsJson()).toEqual([
      { n: '20', lo: String(text.length), hi: String(text.length) },
    ]);
  });

  test('no row: a file with the columns and no row group', async () => {
    const out = bytesOutput();
    const writer = new ParquetRowWriter(out, false);
    await writer.end();
    expect(writer.count).toBe(0);
    expect(await rowGroups(out.bytes(), 'empty.parquet')).toEqual([]);
    const file = path.join(work, 'empty.parquet');
    const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson();
    expect(described.map((c) => c.column_name)).toContain('datePrecision');
  });
});
