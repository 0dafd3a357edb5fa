// Title, source and boilerplate extraction on small inline documents, including what must not be
// taken: the first sentence of the body as a title, feed codes as a source.

import { describe, test, expect } from 'vitest';
import { extractMetadata, readSourceLine, readWireDateline } from '../../src/core/analyse/metadata/index.js';

const BODY = [
  'Le président russe a approuvé la proposition du gouvernement de signer un accord avec la Biélorussie.',
  '',
  'Les centres sont destinés, entre autres, à augmenter les compétences de combat des militaires.',
];
const doc = (...top: string[]): string[] => [...top, ...BODY];

describe('title', () => {
  test('a short line above the body is the headline', () => {
    const m = extractMetadata(doc('Poutine approuve des centres de formation', ''));
    expect([m.title, m.titleLine]).toEqual(['Poutine approuve des centres de formation', 1]);
  });
  test('after an outlet line, and kept as written when in capitals', () => {
    const m = extractMetadata(doc('Le Monde', '', 'POUTINE ET LOUKACHENKO À MINSK', ''));
    expect([m.title, m.titleLine, m.source]).toEqual(['POUTINE ET LOUKACHENKO À MINSK', 3, 'Le Monde']);
  });
  test('a headline printed twice counts once; both lines are boilerplate', () => {
    const m = extractMetadata(doc('Le Kremlin annonce des exercices', '', 'Le Kremlin annonce des exercices', ''));
    expect([m.title, m.titleLine, m.boilerplate]).toEqual(['Le Kremlin annonce des exercices', 1, [1, 3]]);
  });
  test('a headline may ask a question', () => {
    expect(extractMetadata(doc('Minsk entrera-t-il en guerre ?', '')).title).toBe('Minsk entrera-t-il en guerre ?');
  });
  test('a kicker above the headline is not the title', () => {
    const m = extractMetadata(doc('International', 'Poutine approuve des centres de formation', ''));
    expect([m.title, m.boilerplate]).toEqual(['Poutine approuve des centres de formation', [1, 2]]);
  });
  test('no headline: null, never the first sentence of the body', () => {
    expect(extractMetadata(BODY).title).toBeNull();
    expect(extractMetadata(['Tout individu a droit à la vie.', '', ...BODY]).title).toBeNull();
  });
  test('a hard-wrapped first paragraph is not a headline', () => {
    const m = extractMetadata([
      'All human beings are born free and equal in',
      'dignity and rights. They are endowed with reason.',
      '',
      ...BODY,
    ]);
    expect(m.title).toBeNull();
  });
  test('without any paragraph there is no headline to find', () => {
    expect(extractMetadata(['Pommes', 'Poires', 'Cerises']).title).toBeNull();
  });
});

describe('source', () => {
  test('known outlet spellings', () => {
    expect(readSourceLine('Lagazette')?.source).toBe('La Gazette');
    expect(readSourceLine('Cnn all En2Fr')?.source).toBe('CNN');
    expect(readSourceLine('lemonde.fr')?.source).toBe('Le Monde');
  });
  test('City / Outlet, also for outlets nobody listed', () => {
    expect(readSourceLine('Paris / La Gazette')?.source).toBe('La Gazette');
    expect(readSourceLine('Bergen / Vestlandsposten')?.source).toBe('Vestlandsposten');
  });
  test('bylines in several languages', () => {
    expect(readSourceLine('By Jane Doe, Reuters')?.source).toBe('Reuters');
    expect(readSourceLine('Par Claire Martin pour Le Journal du Lot')?.source).toBe('Le Journal du Lot');
    expect(readSourceLine('Von Anna Schmidt (Münchner Merkur)')?.source).toBe('Münchner Merkur');
    expect(readSourceLine('Por Lucía García | Heraldo de Soria')?.source).toBe('Heraldo de Soria');
    expect(readSourceLine('By Jane Doe and Tom Fletcher')).toEqual({ source: null, kind: 'byline' });
    expect(readSourceLine('By Jane Doe, Senior Correspondent')).toEqual({ source: null, kind: 'byline' });
  });
  test('labels and copyright lines', () => {
    expect(readSourceLine('Source : Ouest-France')?.source).toBe('Ouest-France');
    expect(readSourceLine('Quelle: Kieler Nachrichten')?.source).toBe('Kieler Nachrichten');
    expect(readSourceLine('© 2024 Diario de Navarra. Todos los derechos reservados.')?.source).toBe(
      'Diario de Navarra',
    );
  });
  test('wire datelines', () => {
    expect(readWireDateline('PARIS (AFP) — Le gouvernement a annoncé mardi…')).toBe('AFP');
    expect(readWireDateline('BERLIN, 3. März (dpa) - Die Regierung hat…')).toBe('dpa');
    expect(readWireDateline('Paris est une ville (très) belle.')).toBeNull();
  });
  test('a trailer line names the outlet', () => {
    expect(extractMetadata([...BODY, '', 'Cnn all En2Fr'])).toMatchObject({
      source: 'CNN',
      sourceLine: 5,
      boilerplate: [5],
    });
  });
  test('feed codes, people and sentences are no source', () => {
    expect(readSourceLine('fr-01')).toBeNull();
    expect(readSourceLine('Exercices militaires conjoints')).toBeNull();
    expect(extractMetadata([...BODY, '', 'fr-01']).source).toBeNull();
    expect(extractMetadata(BODY).source).toBeNull();
  });
});

describe('boilerplate', () => {
  test('interface strings in several languages', () => {
    const ui = [
      'Loading...',
      'Voir Plus',
      'L’info de A à Z Voir Plus',
      'Savoir plus',
      'Read more',
      'Share',
      'Weiterlesen',
      'Leer más',
      'Leggi anche: Manovra, via libera del Senato',
      'Lees meer',
      'Czytaj więcej',
    ];
    const m = extractMetadata([...BODY, '', ...ui]);
    expect(m.boilerplate).toEqual(ui.map((_, i) => i + 5));
  });
  test('a photo caption with its credit, inside the body', () => {
    const m = extractMetadata([
      BODY[0] ?? '',
      '',
      'Poutine, en image cette semaine MIKHAEL KLIMENTYEV / KREMLIN / PEFE',
      '',
      BODY[2] ?? '',
    ]);
    expect(m.boilerplate).toEqual([3]);
  });
  test('a teaser of another article between headline and body', () => {
    const m = extractMetadata(
      doc('Poutine approuve des centres de formation', '', 'Une équipe de recherche crée des composés azotés', ''),
    );
    expect(m.boilerplate).toEqual([1, 3]);
  });
  test('metadata lines: date, byline, composite line', () => {
    const m = extractMetadata(doc('Un titre court', 'Par Claire Martin, Le Monde', 'Le Monde | 3 mars 2021', ''));
    expect([m.source, m.sourceLine, m.date, m.dateLine, m.boilerplate]).toEqual([
      'Le Monde',
      2,
      '2021-03-03',
      3,
      [1, 2, 3],
    ]);
  });
  test('fragments below the last paragraph, but not a subheading inside the body', () => {
    const m = extractMetadata([
      BODY[0] ?? '',
      '',
      'Exercices conjoints',
      '',
      BODY[2] ?? '',
      '',
      'Selon les critères de',
      '',
      'Le projet de confiance',
    ]);
    expect(m.boilerplate).toEqual([7, 9]);
  });
  test('empty lines are never boilerplate; a plain article has none', () => {
    expect(extractMetadata(['', ...BODY, '', '']).boilerplate).toEqual([]);
  });
});
