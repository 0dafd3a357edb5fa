// The lines cut from a document's body keep their kind: the article's own headline and metadata
// lines apart from boilerplate proper (interface strings, teasers, captions, a page's furniture,
// lines recurring across the corpus), which alone the summary's boilerplate section counts.
import { describe, expect, test } from 'vitest';
import { analyseDocument } from '../../src/core/analyse/analyse-document.js';
import { BOILERPLATE_KINDS, CutLines, isBoilerplateProper } from '../../src/core/analyse/metadata/boilerplate-kinds.js';
import { extractMetadata } from '../../src/core/analyse/metadata/index.js';
import { edgeLines } from '../../src/core/analyse/recurring-lines.js';
import { LinesAccumulator } from '../../src/core/summary/boilerplate.js';
import { prepareLines } from '../../src/core/summary/prepare-lines.js';
import type { SourceDocument } from '../../src/core/types.js';
import { rec, textDocument } from '../helpers/record.js';

const P1 =
  'Le conseil municipal a voté mardi soir le budget de la ville pour l’année prochaine, après un long débat sur les écoles.';
const P2 =
  'Les élus de l’opposition ont demandé que la rénovation du gymnase passe avant celle de la place du marché, sans succès.';
const P3 = 'Le maire a promis de revenir sur la question des cantines au printemps, une fois les devis reçus.';

/** The kind of each cut line, by its text. */
function kindsOf(lines: string[], boilerplate: number[], kinds: string[]): Record<string, string> {
  return Object.fromEntries(boilerplate.map((n, i) => [lines[n - 1] as string, kinds[i] as string]));
}

describe('a line cut from the body keeps one kind', () => {
  test('the kinds, surest first, and which of them are boilerplate proper', () => {
    expect(BOILERPLATE_KINDS).toEqual(['meta', 'interface', 'caption', 'page', 'recurring', 'teaser', 'headline']);
    expect(BOILERPLATE_KINDS.filter((kind) => isBoilerplateProper(kind))).toEqual([
      'interface',
      'caption',
      'page',
      'recurring',
      'teaser',
    ]);
    expect(isBoilerplateProper(undefined)).toBe(false);
  });

  test('a line two readings claim keeps the surer kind, whatever the order of the claims', () => {
    const cut = new CutLines();
    cut.claim(5, 'headline');
    cut.claim(5, 'page'); // a menu line shaped like a headline is the page's
    cut.claim(1, 'meta');
    cut.claim(1, 'page'); // a byline the page's reader cut too stays a byline
    cut.claim(3, 'teaser');
    cut.claim(3, 'recurring');
    cut.claim(9, 'interface');
    expect(cut.lists()).toEqual({
      boilerplate: [1, 3, 5, 9],
      boilerplateKinds: ['meta', 'recurring', 'page', 'interface'],
    });
    expect(cut.has(3)).toBe(true);
    expect(cut.has(4)).toBe(false);
  });
});

describe('the kinds the text of a document gives', () => {
  test('outlet, kicker, headline and its copy, dateline, teaser, caption, interface strings, feed code', () => {
    const lines = [
      'La Gazette du Val',
      '',
      'Politique',
      'Le budget de la ville adopté après un long débat',
      '',
      'Une autre affaire secoue la mairie de Montval',
      '',
      'Publié le 3 mars 2021 à 18:14',
      '',
      P1,
      '',
      'Lire aussi : Les travaux du gymnase reportés',
      '',
      'Le maire à la tribune JEAN DUPONT / AFP',
      '',
      P2,
      '',
      'Le budget de la ville adopté après un long débat',
      '',
      P3,
      '',
      'Selon les critères de',
      '',
      'Voir Plus',
      '',
      'fr-01',
    ];
    const m = extractMetadata(lines);
    expect([m.title, m.date, m.source]).toEqual([
      'Le budget de la ville adopté après un long débat',
      '2021-03-03T18:14',
      'La Gazette du Val',
    ]);
    expect(m.boilerplateKinds).toHaveLength(m.boilerplate.length);
    expect(kindsOf(lines, m.boilerplate, m.boilerplateKinds)).toEqual({
      'La Gazette du Val': 'meta',
      Politique: 'headline',
      'Le budget de la ville adopté après un long débat': 'headline',
      'Une autre affaire secoue la mairie de Montval': 'teaser',
      'Publié le 3 mars 2021 à 18:14': 'meta',
      'Lire aussi : Les travaux du gymnase reportés': 'teaser',
      'Le maire à la tribune JEAN DUPONT / AFP': 'caption',
      'Selon les critères de': 'interface',
      'Voir Plus': 'interface',
      'fr-01': 'meta',
    });
    // The headline's copy in the body is a headline too.
    expect(m.boilerplate).toContain(18);
    expect(m.boilerplateKinds[m.boilerplate.indexOf(18)]).toBe('headline');
  });
});

describe('the record', () => {
  const text = ['Le budget adopté après un long débat', '', 'Mardi 3 mars 2021', '', P1, '', P2, '', 'Loading...'];

  test('boilerplateKinds runs beside boilerplate, line for line', () => {
    const { record } = analyseDocument(textDocument(text.join('\n')));
    expect(record.boilerplate).toEqual([1, 3, 9]);
    expect(record.boilerplateKinds).toEqual(['headline', 'meta', 'interface']);
  });

  test("a page's reader marks its furniture `page`; a line recurring across the corpus is `recurring`", () => {
    const lines = ['Accueil', '', ...text];
    const page: SourceDocument = { ...textDocument(lines.join('\n')), format: 'html', boilerplate: [1, 11] };
    const recurring = new Set(
      edgeLines(lines)
        .filter((e) => e.index === 2)
        .map((e) => e.key),
    );
    const { record, paragraphs } = analyseDocument(page, recurring);
    expect(record.boilerplate).toEqual([1, 3, 5, 11]);
    // Line 3, the headline by its shape, recurs across the corpus: the count is the surer reading.
    // Line 11, "Loading...", is an interface string whatever the page's reader says.
    expect(record.boilerplateKinds).toEqual(['page', 'recurring', 'meta', 'interface']);
    expect(paragraphs).toEqual([P1, P2]);
  });

  test('a Markdown opening heading is the headline', () => {
    const doc = { ...textDocument(`# Le budget de la ville\n\n${P1}\n\n${P2}`), format: 'markdown' as const };
    const { record } = analyseDocument(doc);
    expect([record.title, record.boilerplate, record.boilerplateKinds]).toEqual([
      'Le budget de la ville',
      [1],
      ['headline'],
    ]);
  });

  test('the body is the same whatever the kinds: every cut line stays out of it', () => {
    const { record, paragraphs } = analyseDocument(textDocument(text.join('\n')));
    expect(paragraphs).toEqual([P1, P2]);
    expect(record.paragraphs).toBe(2);
  });
});

describe("the summary's boilerplate section counts boilerplate proper", () => {
  test('headlines and metadata lines are not boilerplate lines; a document with only those has none', () => {
    const lines = ['Le budget adopté', '', 'Mardi 3 mars 2021', '', P1, '', 'Loading...'];
    const a = rec({ id: 'a', boilerplate: [1, 3, 7], boilerplateKinds: ['headline', 'meta', 'interface'] });
    expect(prepareLines(a, lines).boiler).toEqual(['Loading...']);
    const l = new LinesAccumulator();
    l.add(a, lines);
    l.add(rec({ id: 'b', boilerplate: [1, 3], boilerplateKinds: ['headline', 'meta'] }), lines.slice(0, 5));
    l.add(rec({ id: 'c', boilerplate: [1], boilerplateKinds: ['page'] }), ['Accueil', '', P1]);
    const s = l.result(10);
    expect([s.documents, s.lines]).toEqual([2, 2]);
    expect(s.top).toEqual([
      { text: 'Accueil', documents: 1, occurrences: 1 },
      { text: 'Loading...', documents: 1, occurrences: 1 },
    ]);
  });
});
