// Writes rows of the record (parquet-rows.ts) as a Parquet file (docs/parquet.md) to an output
// stream as they come: a row group at a time, so memory holds one row group, never the corpus.

import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { gzipSync } from 'node:zlib';
import { VERSION } from '../core/version.js';
import type { OutputStream } from './output-stream.js';
import type { ParquetRow } from './parquet-rows.js';
import { PARQUET_SCHEMA_VERSION, parquetColumns, parquetSchema } from './parquet-schema.js';

/** Rows a row group holds at most: a few MB of metadata, and the unit readers skip by. */
export const ROW_GROUP_ROWS = 10_000;
/**
 * Characters of `text` and `body` a row group holds at most: with `--with-text`, long documents
 * close a row group before ROW_GROUP_ROWS, so memory stays near 64 MB of strings whatever the
 * documents' length (and a huge one is a row group alone).
 */
export const ROW_GROUP_TEXT_CHARS = 32 * 1024 * 1024;

/**
 * GZIP from node:zlib (native), at zlib's default level: on the bench corpus, files a third
 * smaller than hyparquet-writer's own Snappy (pure JavaScript) for the same CPU without texts
 * and about 10 % more with them (docs/parquet.md); every reader reads it. Level 1 would save a
 * fifth of a `--with-text` run's CPU for files 10 % larger. Zstandard would be smaller still, but
 * Node 20's zlib has none.
 */
const CODEC = 'GZIP';
const compressors = { GZIP: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes, { level: 6 })) };

/** Streams rows into a Parquet file. */
export class ParquetRowWriter {
  private readonly writer: ParquetWriter;
  private readonly bytes: ByteWriter & { flush?: () => Promise<void> | undefined };
  private readonly columns: string[];
  private rows: ParquetRow[] = [];
  private textChars = 0;
  /** Rows written so far. */
  count = 0;

  /** A writer of rows to `out`; `withText`: the rows carry `text` and `body`. */
  constructor(
    private readonly out: OutputStream,
    withText: boolean,
  ) {
    this.columns = parquetColumns(withText);
    this.bytes = new ByteWriter(1 << 20);
    // hyparquet-writer calls flush after each row group and awaits what it returns: the bytes go
    // out with the stream's backpressure, and the buffer is reused for the next group.
    this.bytes.flush = () => {
      const chunk = new Uint8Array(this.bytes.buffer.slice(0, this.bytes.index));
      this.bytes.index = 0;
      return chunk.length === 0 ? undefined : this.out.write(chunk);
    };
    this.bytes.finish = () => this.bytes.flush?.();
    this.writer = new ParquetWriter({
      writer: this.bytes,
      schema: parquetSchema(withText),
      codec: CODEC,
      compressors,
      createdBy: `corpus version ${VERSION}`,
      kvMetadata: [{ key: 'corpus.parquet.schema', value: PARQUET_SCHEMA_VERSION }],
    });
  }

  /** Adds a row; writes a row group when one is full. */
  async write(row: ParquetRow): Promise<void> {
    this.rows.push(row);
    this.count++;
    this.textChars += (row.text?.length ?? 0) + (row.body?.length ?? 0);
    if (this.rows.length >= ROW_GROUP_ROWS || this.textChars >= ROW_GROUP_TEXT_CHARS) await this.flushGroup();
  }

  /** Writes the last row group and the footer; the file is complete once this resolves. */
  async end(): Promise<void> {
    await this.flushGroup();
    await this.writer.finish();
  }

  private async flushGroup(): Promise<void> {
    const rows = this.rows;
    if (rows.length === 0) return;
    this.rows = [];
    this.textChars = 0;
    const columnData = this.columns.map((name) => ({
      name,
      data: rows.map((row) => row[name as keyof ParquetRow]),
      // A document's text is its own: a dictionary would never pay, and trying one costs.
      ...(name === 'text' || name === 'body' ? { encoding: 'PLAIN' as const } : {}),
    }));
    await this.writer.write({ columnData, rowGroupSize: rows.length });
  }
}
