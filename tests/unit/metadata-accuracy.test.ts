// Accuracy of the metadata extractors on the fixture set (tests/fixtures/metadata): news-export
// framings around real UDHR text in eleven languages, with the answers a reader would give.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test, expect } from 'vitest';
import { extractMetadata } from '../../src/core/analyse/metadata/index.js';

const dir = fileURLToPath(new URL('../fixtures/metadata/', import.meta.url));
const FIELDS = ['title', 'date', 'source'] as const;

interface Expected {
  title: string | null;
  date: string | null;
  source: string | null;
  lang: string;
}

function load(): { name: string; lines: string[]; expected: Expected }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.txt$/, ''),
      lines: readFileSync(join(dir, file), 'utf8')
        .normalize('NFC')
        .split(/\r\n|\r|\n/),
      expected: JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.json')), 'utf8')) as Expected,
    }));
}

describe('metadata accuracy on fixtures', () => {
  const fixtures = load();

  test('the fixture set is large and varied enough to measure', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    const langs = new Set(fixtures.map((f) => f.expected.lang));
    for (const lang of ['fra', 'eng', 'deu', 'spa', 'ita', 'por', 'nld']) expect(langs).toContain(lang);
    expect(langs.size).toBeGreaterThanOrEqual(7);
  });

  test('title, date and source are each at least 95 % right', () => {
    const right = { title: 0, date: 0, source: 0 };
    const misses: string[] = [];
    for (const { name, lines, expected } of fixtures) {
      const found = extractMetadata(lines);
      for (const field of FIELDS) {
        if (found[field] === expected[field]) right[field] += 1;
        else
          misses.push(`${name} ${field}: got ${JSON.stringify(found[field])}, want ${JSON.stringify(expected[field])}`);
      }
    }
    const percent = (n: number): string => `${((100 * n) / fixtures.length).toFixed(1)} %`;
    console.log(
      `metadata accuracy on ${fixtures.length} fixtures: title ${percent(right.title)}, ` +
        `date ${percent(right.date)}, source ${percent(right.source)}` +
        (misses.length > 0 ? `\n  misses:\n  ${misses.join('\n  ')}` : ''),
    );
    for (const field of FIELDS) expect(right[field] / fixtures.length).toBeGreaterThanOrEqual(0.95);
  });
});
