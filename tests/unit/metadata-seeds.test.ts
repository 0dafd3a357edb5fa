// The seed corpus: what the first users' five documents must give, checked by hand.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test, expect } from 'vitest';
import { extractMetadata, type Metadata } from '../../src/core/analyse/metadata/index.js';

const dir = fileURLToPath(new URL('../../seeds/', import.meta.url));

function seed(prefix: string): Metadata {
  const file = readdirSync(dir).find((name) => name.startsWith(prefix));
  if (file === undefined) throw new Error(`no seed ${prefix}`);
  const lines = readFileSync(`${dir}${file}`, 'utf8')
    .normalize('NFC')
    .split(/\r\n|\r|\n/);
  return extractMetadata(lines);
}

describe('seeds', () => {
  test('seeds: title, date, source', () => {
    const table = ['000', '001', '002', '003', '004'].map((id) => {
      const { title, date, source } = seed(id);
      return { id, title, date, source };
    });
    expect(table).toEqual([
      { id: '000', title: null, date: null, source: 'CNN' },
      {
        id: '001',
        title: 'Poutine approuve la création de centres de formation militaire avec la Biélorussie',
        date: '2023-01-31T18:14',
        source: null,
      },
      { id: '002', title: null, date: '2023-01', source: null },
      {
        id: '003',
        title: 'L’allié de Moscou envoie des troupes en Russie pour s’entraîner',
        date: '2024-08-13T12:49',
        source: null,
      },
      {
        id: '004',
        title: 'POUTINE ET LOUKACHENKO DISCUTENT DE LA COOPÉRATION EN MATIÈRE DE DÉFENSE À MINSK',
        date: '2024-05-26T11:53+01:00',
        source: 'La Gazette',
      },
    ]);
  });

  test('seeds: where each value was read, and the original date words', () => {
    const lines = ['000', '001', '002', '003', '004'].map((id) => {
      const m = seed(id);
      return [m.titleLine, m.dateLine, m.dateText, m.sourceLine];
    });
    expect(lines).toEqual([
      [null, null, null, 13],
      [1, 5, 'mardi 31 janvier 2023 – 18:14', null],
      [null, 1, '2023-01', null],
      [1, 30, '2024-08-13 12:49', null],
      [3, 5, '26 Mai 2024 11:53 (UTC+01:00)', 1],
    ]);
  });

  test('seeds: boilerplate lines', () => {
    // 000: the trailer "Cnn all En2Fr".
    expect(seed('000').boilerplate).toEqual([13]);
    // 001: headline, stray teaser, date, photo caption, "Selon les critères de", "Le projet de
    // confiance", "Savoir plus", "fr-01". Line 19 is a subheading of the article: body.
    expect(seed('001').boilerplate).toEqual([1, 3, 5, 9, 29, 31, 33, 35]);
    // 002: the date prefix is glued to the first sentence, which stays body.
    expect(seed('002').boilerplate).toEqual([]);
    // 003: headline, its copy, the date at the bottom.
    expect(seed('003').boilerplate).toEqual([1, 3, 30]);
    // 004: outlet, headline, date, two copies, "Paris / La Gazette", "Loading...", "… Voir Plus".
    expect(seed('004').boilerplate).toEqual([1, 3, 5, 6, 7, 9, 29, 30]);
  });
});
