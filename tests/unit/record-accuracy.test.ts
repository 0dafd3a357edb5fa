// The whole record, end to end through the corpus pipeline (walk, read, cross-document
// boilerplate, metadata, language), on the metadata fixture set: each field at least 95 % right.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyseCorpus } from '../../src/core/analyse/analyse-corpus.js';
import type { CorpusOptions } from '../../src/core/analyse/corpus-options.js';

const dir = path.resolve(__dirname, '../fixtures/metadata');

describe('record accuracy on the metadata fixtures', () => {
  test('title, date, source and lang are each at least 95 % right', async () => {
    const options: CorpusOptions = { inputs: [{ given: dir }], cwd: dir };
    const fields = ['title', 'date', 'source', 'lang'] as const;
    const right = { title: 0, date: 0, source: 0, lang: 0 };
    const misses: string[] = [];
    let n = 0;
    for await (const { record } of analyseCorpus(options)) {
      n++;
      const expected = JSON.parse(fs.readFileSync(path.join(dir, `${record.id}.json`), 'utf8')) as Record<
        string,
        unknown
      >;
      for (const f of fields) {
        if (record[f] === expected[f]) right[f]++;
        else misses.push(`${record.id} ${f}: got ${JSON.stringify(record[f])}, want ${JSON.stringify(expected[f])}`);
      }
    }
    const pct = (k: number) => `${((100 * k) / n).toFixed(1)} %`;
    console.log(
      `record accuracy on ${n} fixtures: ${fields.map((f) => `${f} ${pct(right[f])}`).join(', ')}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`,
    );
    expect(n).toBeGreaterThanOrEqual(40);
    for (const f of fields) expect(right[f] / n).toBeGreaterThanOrEqual(0.95);
  });
});
