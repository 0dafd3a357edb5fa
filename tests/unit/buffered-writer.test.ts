// Output written as text and as UTF-8 bytes (issue 6: a warm `list --format jsonl` writes the
// records the cache holds as they are stored, without decoding them): the bytes out must be the
// same as for the text alone.
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { BufferedWriter, outputFrom, type OutputStream } from '../../src/format/output-stream.js';
import { paint } from '../../src/format/color.js';
import { createRowWriter } from '../../src/format/row-writer.js';

/** An output that keeps the bytes written, as a pipe would get them. */
function byteSink(): OutputStream & { bytes(): Buffer; writes: number } {
  const chunks: Buffer[] = [];
  const sink = {
    isTTY: false,
    writes: 0,
    async write(text: string | Uint8Array) {
      sink.writes++;
      chunks.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text));
    },
    bytes: () => Buffer.concat(chunks),
  };
  return sink;
}

const texts = ['plain', 'été ÉTÉ', '日本語のテキスト', 'emoji 🙂', 'lone \ud800 surrogate', '', 'x'.repeat(70_000)];

describe('BufferedWriter with bytes', () => {
  test('text and bytes mixed give the bytes of the text', async () => {
    for (const limit of [1, 16, 64 * 1024]) {
      const mixed = byteSink();
      const plain = byteSink();
      const a = new BufferedWriter(mixed, limit);
      const b = new BufferedWriter(plain, limit);
      for (const [i, text] of texts.entries()) {
        await a.write(i % 2 === 0 ? text : Buffer.from(text, 'utf8'), '\n', Buffer.from(text, 'utf8'), text);
        await b.write(`${text}\n${text}${text}`);
      }
      await a.flush();
      await b.flush();
      expect(mixed.bytes().equals(plain.bytes())).toBe(true);
      expect(mixed.bytes().length).toBeGreaterThan(140_000);
    }
  });

  test('small writes are gathered into one', async () => {
    const sink = byteSink();
    const writer = new BufferedWriter(sink);
    for (let i = 0; i < 100; i++) await writer.write(Buffer.from(`row ${i}`), '\n');
    await writer.flush();
    expect(sink.writes).toBe(1);
    expect(sink.bytes().toString('utf8').split('\n')).toHaveLength(101);
  });

  test('JSON Lines rows given as pieces are written as the JSON of the row', async () => {
    const sink = byteSink();
    const rows = [
      { id: 'a', t: 'été' },
      { id: 'b', t: '日本' },
      { id: 'c', t: 'plain' },
    ];
    const writer = createRowWriter<(typeof rows)[number]>({
      format: 'jsonl',
      columns: [],
      out: sink,
      chalk: paint(false),
      json: (row) => row,
      // The first row as text, the second in pieces, the third has none.
      jsonText: (row) =>
        row.id === 'a' ? JSON.stringify(row) : row.id === 'b' ? ['{"id":"b",', Buffer.from('"t":"日本"}')] : null,
    });
    for (const row of rows) await writer.write(row);
    await writer.end();
    expect(sink.bytes().toString('utf8')).toBe(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
    expect(writer.count).toBe(3);
  });
});

describe('outputFrom', () => {
  test('writes made while the stream is full share one wait for it to drain (a burst of warnings)', async () => {
    const received: string[] = [];
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _encoding, callback) {
        received.push(chunk.toString());
        setTimeout(callback, 1);
      },
    });
    const out = outputFrom(slow);
    const warned: string[] = [];
    const onWarning = (w: Error): void => void warned.push(w.name);
    process.on('warning', onWarning);
    try {
      // As the warnings are written: without waiting, 200 at once.
      const writes = Array.from({ length: 200 }, (_, i) => out.write(`corpus: warning: ${i}\n`));
      expect(slow.listenerCount('drain')).toBeLessThanOrEqual(1);
      expect(slow.listenerCount('close')).toBeLessThanOrEqual(2);
      await Promise.all(writes);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('warning', onWarning);
    }
    expect(received.join('')).toBe(Array.from({ length: 200 }, (_, i) => `corpus: warning: ${i}\n`).join(''));
    expect(warned).toEqual([]);
    expect(slow.listenerCount('drain')).toBe(0);
  });
});
