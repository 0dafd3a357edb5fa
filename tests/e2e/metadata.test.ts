// Metadata end to end: the seeds table, mixed-language documents, lines recurring across a corpus.
import { describe, expect, test } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

describe('metadata through bin/corpus', () => {
  test('the seeds table, exactly', () => {
    const r = runBin(['list', '--json', '--fields', 'id,lang,title,date,source']);
    expect(JSON.parse(r.stdout)).toEqual([
      { id: '000_fdb09ddbbd769acc', lang: 'fra', title: null, date: null, source: 'CNN' },
      {
        id: '001_34f256881794425b',
        lang: 'fra',
        title: 'Poutine approuve la création de centres de formation militaire avec la Biélorussie',
        date: '2023-01-31T18:14',
        source: null,
      },
      { id: '002_075e5e7c38a2ef25', lang: 'fra', title: null, date: '2023-01', source: null },
      {
        id: '003_d5acbb01e160b551',
        lang: 'fra',
        title: 'L’allié de Moscou envoie des troupes en Russie pour s’entraîner',
        date: '2024-08-13T12:49',
        source: null,
      },
      {
        id: '004_4beb03af83448623',
        lang: 'fra',
        title: 'POUTINE ET LOUKACHENKO DISCUTENT DE LA COOPÉRATION EN MATIÈRE DE DÉFENSE À MINSK',
        date: '2024-05-26T11:53+01:00',
        source: 'La Gazette',
      },
    ]);
  });

  test('the seeds boilerplate lines and provenance', () => {
    const r = runBin(['list', '--format', 'jsonl', '--fields', 'id,boilerplate,provenance']);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { id: '000_fdb09ddbbd769acc', boilerplate: [13], provenance: { source: 'line 13', lang: 'detected' } },
      {
        id: '001_34f256881794425b',
        boilerplate: [1, 3, 5, 9, 29, 31, 33, 35],
        provenance: { title: 'line 1', date: 'line 5', lang: 'detected' },
      },
      { id: '002_075e5e7c38a2ef25', boilerplate: [], provenance: { date: 'line 1', lang: 'detected' } },
      {
        id: '003_d5acbb01e160b551',
        boilerplate: [1, 3, 30],
        provenance: { title: 'line 1', date: 'line 30', lang: 'detected' },
      },
      {
        id: '004_4beb03af83448623',
        boilerplate: [1, 3, 5, 6, 7, 9, 29, 30],
        provenance: { title: 'line 3', date: 'line 5', source: 'line 1', lang: 'detected' },
      },
    ]);
  });

  test('show displays where each value came from', () => {
    const r = runBin(['show', '001', '--format', 'table', '--no-pager']);
    expect(r.stdout.split('\n').slice(2, 5)).toEqual([
      'title    Poutine approuve la création de centres de formation militaire avec la Biélorussie (line 1)',
      'date     2023-01-31T18:14 “mardi 31 janvier 2023 – 18:14” (line 5)',
      'source   —',
    ]);
  });

  test('a French text with an English paragraph is mixed-language, with both shares', () => {
    const r = runBin([
      'list',
      'tests/fixtures/mixed-language',
      '--format',
      'jsonl',
      '--fields',
      'id,lang,languages,flags',
    ]);
    const docs = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const frEn = docs.find((d) => d.id === 'fr-en');
    expect(frEn.lang).toBe('fra');
    expect(frEn.flags).toContain('mixed-language');
    expect(frEn.languages.map((l: { lang: string }) => l.lang)).toEqual(['fra', 'eng']);
    // Body characters: two French paragraphs (306 + 244) and one English (286) → 0.658 / 0.342.
    expect(frEn.languages[0].share).toBeCloseTo(0.66, 1);
    expect(frEn.languages[1].share).toBeCloseTo(0.34, 1);
    const deEs = docs.find((d) => d.id === 'de-es');
    expect(deEs.languages.map((l: { lang: string }) => l.lang)).toEqual(['deu', 'spa']);
    // An English fragment of four words inside a French paragraph does not make it mixed.
    expect(docs.find((d) => d.id === 'fr-only')).toEqual({
      id: 'fr-only',
      lang: 'fra',
      languages: [{ lang: 'fra', share: 1 }],
      flags: ['no-date', 'no-title'],
    });
  });

  test('a line recurring across the corpus is boilerplate in every document', () => {
    const r = runBin(['list', 'tests/fixtures/recurring', '--fields', 'id,boilerplate']);
    expect(r.stdout).toBe('a\t1,4\nb\t1,4\nc\t1,4\n');
  });
});
