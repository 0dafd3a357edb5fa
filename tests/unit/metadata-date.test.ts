// The date extractor: each shape and language the issue lists, and the dates that are not the
// document's (body sentences, relative words, ambiguous numbers).

import { describe, test, expect } from 'vitest';
import { extractMetadata, readDateLine, readDatePrefix } from '../../src/core/analyse/metadata/index.js';

const iso = (line: string): string | null => readDateLine(line)?.iso ?? null;

describe('readDateLine: ISO and numeric', () => {
  test('ISO date and time, month, offset', () => {
    expect(iso('2024-08-13 12:49')).toBe('2024-08-13T12:49');
    expect(iso('2023-01')).toBe('2023-01');
    expect(iso('2023-01-31')).toBe('2023-01-31');
    expect(iso('2024-08-13T12:49:07+02:00')).toBe('2024-08-13T12:49:07+02:00');
    expect(iso('2024-08-13T12:49Z')).toBe('2024-08-13T12:49+00:00');
  });
  test('dotted dates are day first', () => {
    expect(iso('12.03.2021')).toBe('2021-03-12');
    expect(iso('Stand: 05.06.2023, 09:12 Uhr')).toBe('2023-06-05T09:12');
  });
  test('slashed dates only where unambiguous', () => {
    expect(iso('13/03/2021')).toBe('2021-03-13');
    expect(iso('03/13/2021')).toBe('2021-03-13');
    expect(iso('03/12/2021')).toBeNull();
  });
  test('impossible dates are refused', () => {
    expect(iso('31.02.2021')).toBeNull();
    expect(iso('2021-13')).toBeNull();
  });
});

describe('readDateLine: written dates in each language', () => {
  test('fr', () => {
    expect(readDateLine('Mis à jour le mardi 31 janvier 2023 – 18:14')).toEqual({
      iso: '2023-01-31T18:14',
      text: 'mardi 31 janvier 2023 – 18:14',
    });
    expect(readDateLine('26 Mai 2024 11:53 (UTC+01:00)')).toEqual({
      iso: '2024-05-26T11:53+01:00',
      text: '26 Mai 2024 11:53 (UTC+01:00)',
    });
    expect(iso('Publié le 1er février 2022 à 8h05')).toBe('2022-02-01T08:05');
    expect(iso('janvier 2023')).toBe('2023-01');
    expect(iso('Paris, le 3 mars 2021')).toBe('2021-03-03');
  });
  test('en', () => {
    expect(iso('March 3, 2021 2:05 PM')).toBe('2021-03-03T14:05');
    expect(iso('Published Tuesday, March 3, 2021')).toBe('2021-03-03');
    expect(iso('Updated 12:30 AM GMT, 4 July 2019')).toBe('2019-07-04T00:30+00:00');
    expect(iso('11:53 AM ET, Tue March 3, 2021')).toBe('2021-03-03T11:53');
  });
  test('de', () => {
    expect(iso('Montag, 3. März 2021, 14:05 Uhr')).toBe('2021-03-03T14:05');
    expect(iso('Veröffentlicht am 12.03.2021 um 18:30 Uhr')).toBe('2021-03-12T18:30');
    expect(iso('März 2021')).toBe('2021-03');
  });
  test('es', () => {
    expect(iso('Publicado el 5 de abril de 2022 a las 10:30')).toBe('2022-04-05T10:30');
    expect(iso('enero de 2023')).toBe('2023-01');
  });
  test('it', () => {
    expect(iso('Pubblicato il 3 marzo 2021 alle 14:05')).toBe('2021-03-03T14:05');
    expect(iso('venerdì 5 aprile 2024, ore 15:40')).toBe('2024-04-05T15:40');
  });
  test('pt', () => {
    expect(iso('3 de março de 2021 às 14h05')).toBe('2021-03-03T14:05');
    expect(iso('Atualizado em 9 de setembro de 2020')).toBe('2020-09-09');
  });
  test('nl', () => {
    expect(iso('3 maart 2021 14:05')).toBe('2021-03-03T14:05');
    expect(iso('Gepubliceerd op dinsdag 2 mei 2023, 07:10')).toBe('2023-05-02T07:10');
  });
  test('pl, sv, da, cy', () => {
    expect(iso('Opublikowano: 3 marca 2021, godz. 14:05')).toBe('2021-03-03T14:05');
    expect(iso('Publicerad 3 mars 2021 kl. 14.05')).toBe('2021-03-03T14:05');
    expect(iso('lørdag 26. august 2023')).toBe('2023-08-26');
    expect(iso('dydd Mawrth 3 Mawrth 2021')).toBe('2021-03-03');
  });
});

describe('readDateLine: not the document date', () => {
  test('a date inside a body sentence', () => {
    expect(iso('Mais Moscou a lancé son offensive le 24 février 2022.')).toBeNull();
    expect(iso('le 24 février 2022')).toBeNull();
    expect(iso('En octobre 2022')).toBeNull();
    expect(iso('En octobre 2022, le président a annoncé la création d’un groupe militaire.')).toBeNull();
  });
  test('relative words', () => {
    expect(iso('mardi')).toBeNull();
    expect(iso('yesterday')).toBeNull();
    expect(iso('Yesterday, 2:05 PM')).toBeNull();
    expect(iso('Bijgewerkt: dinsdag')).toBeNull();
  });
  test('a bare year needs a label', () => {
    expect(iso('2023')).toBeNull();
    expect(iso('Date: 2023')).toBe('2023');
  });
});

describe('readDatePrefix', () => {
  test('a date prefix glued to the first sentence', () => {
    expect(readDatePrefix(' date 2023-01 Un train transportant des troupes est arrivé.')).toEqual({
      iso: '2023-01',
      text: '2023-01',
    });
    expect(readDatePrefix('date 5 aprile 2024, ore 15:40 Considerato che')?.iso).toBe('2024-04-05T15:40');
  });
  test('no prefix, no date', () => {
    expect(readDatePrefix('Data protection rules changed in 2018.')).toBeNull();
    expect(readDatePrefix('Un train est arrivé le 3 mars 2023.')).toBeNull();
  });
});

describe('extractMetadata: where the date is taken from', () => {
  const body = 'Le ministère de la Défense a confirmé vendredi l’arrivée du contingent, a-t-il ajouté.';
  test('at the top', () => {
    const found = extractMetadata(['Un titre court', '', 'Publié le 3 mars 2021', '', body]);
    expect([found.date, found.dateText, found.dateLine]).toEqual(['2021-03-03', '3 mars 2021', 3]);
  });
  test('at the bottom', () => {
    expect(extractMetadata([body, '', '2024-08-13 12:49']).date).toBe('2024-08-13T12:49');
  });
  test('not from the body', () => {
    const found = extractMetadata([body, '', 'Le 24 février 2022, la Russie a lancé son offensive.', '', body]);
    expect(found.date).toBeNull();
  });
  test('a prefixed first line stays body', () => {
    const found = extractMetadata([` date 2023-01 ${body}`, '', body]);
    expect([found.date, found.dateLine, found.boilerplate]).toEqual(['2023-01', 1, []]);
  });
});
