import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SECTION_KEYS = [
  'overview',
  'languages',
  'timeline',
  'sources',
  'lengths',
  'vocabulary',
  'names',
  'distinctive',
  'duplicates',
  'boilerplate',
  'quality',
];

async function json(...args: string[]) {
  const r = await runCli(['summarise', '--json', ...args]);
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe('corpus summarise on the seeds', () => {
  test('--json has every section as a key, with the seeds figures', async () => {
    const s = await json();
    expect(Object.keys(s)).toEqual(SECTION_KEYS);
    expect(s.overview).toMatchObject({
      documents: 5,
      bytes: 14662,
      shortest: { id: '001_34f256881794425b', words: 292 },
      longest: { id: '003_d5acbb01e160b551', words: 522 },
      dateRange: { from: '2023-01', to: '2024-08-13T12:49' },
      undated: 1,
      untitled: 2,
    });
    expect(s.languages).toEqual({
      languages: [{ lang: 'fra', name: 'French', documents: 5, words: s.overview.words }],
      mixed: 0,
      und: 0,
    });
    expect(s.timeline.unit).toBe('month');
    expect(s.timeline.periods).toHaveLength(20);
    expect(s.timeline.periods[0]).toEqual({ period: '2023-01', documents: 2 });
    expect(s.timeline.periods[19]).toEqual({ period: '2024-08', documents: 1 });
    expect(s.sources).toEqual({
      sources: [
        { source: 'CNN', documents: 1 },
        { source: 'La Gazette', documents: 1 },
      ],
      unknown: 3,
      more: { sources: 0 },
    });
    expect(s.lengths.bins).toEqual([
      { from: 200, to: 500, documents: 4 },
      { from: 500, to: 1000, documents: 1 },
    ]);
    expect(s.duplicates.exact).toEqual([]);
    expect(s.duplicates.near).toEqual([]);
    expect(s.quality.find((q: { flag: string }) => q.flag === 'no-title')).toEqual({
      flag: 'no-title',
      documents: 2,
      ids: ['000_fdb09ddbbd769acc', '002_075e5e7c38a2ef25'],
    });
  });

  test('vocabulary without stop words, names, distinctive terms of each seed', async () => {
    const s = await json('--top', '20');
    const fra = s.vocabulary.languages[0];
    const terms = fra.terms.map((t: { form: string }) => t.form);
    expect(terms.slice(0, 3)).toEqual(['Russie', 'exercices', 'Biélorussie']);
    for (const stop of ['le', 'la', 'de', 'des', 'les', 'à'])
      expect(terms.map((t: string) => t.toLowerCase())).not.toContain(stop);
    expect(fra.bigrams[0]).toMatchObject({ form: 'exercices militaires', count: 9 });
    const names = s.names.names.map((n: { name: string }) => n.name);
    for (const n of ['Poutine', 'Vladimir Poutine', 'Alexandre Loukachenko', 'Loukachenko', 'Minsk'])
      expect(names).toContain(n);
    expect(names).not.toContain('Le');
    expect(s.distinctive.documents.map((d: { id: string }) => d.id)).toEqual([
      '000_fdb09ddbbd769acc',
      '001_34f256881794425b',
      '002_075e5e7c38a2ef25',
      '003_d5acbb01e160b551',
      '004_4beb03af83448623',
    ]);
    const of = (id: string) =>
      s.distinctive.documents.find((d: { id: string }) => d.id === id).terms.map((t: { term: string }) => t.term);
    expect(of('003_d5acbb01e160b551')).toContain('koursk');
    expect(of('004_4beb03af83448623')).toContain('belarus');
  });

  test('boilerplate lines: none shared by two seeds; the interface strings are listed, not the headlines', async () => {
    const s = await json('--top', '30');
    expect(s.boilerplate.shared).toEqual([]);
    const lines = s.boilerplate.top.map((l: { text: string }) => l.text);
    for (const l of ['Loading...', 'Savoir plus', 'Selon les critères de']) expect(lines).toContain(l);
    // Headlines, datelines and outlet lines are cut from the body, but are not boilerplate.
    for (const l of [
      'POUTINE ET LOUKACHENKO DISCUTENT DE LA COOPÉRATION EN MATIÈRE DE DÉFENSE À MINSK',
      'Cnn all En2Fr',
    ])
      expect(lines).not.toContain(l);
    expect(s.boilerplate.top[0]).toEqual({ text: "L'info de A à Z Voir Plus", documents: 1, occurrences: 1 });
  });

  test('--only picks sections; --by gives the overview per group', async () => {
    const s = await json('--only', 'sources,overview', '--by', 'month');
    expect(Object.keys(s)).toEqual(['overview', 'sources']);
    expect(
      s.overview.groups.map(
        (g: { group: string; overview: { documents: number } }) => `${g.group}:${g.overview.documents}`,
      ),
    ).toEqual(['(undated):1', '2023-01:2', '2024-05:1', '2024-08:1']);
  });

  test('aliases summarize and summary', async () => {
    expect((await runCli(['summarize', '--only', 'overview', '--json'])).stdout).toBe(
      (await runCli(['summary', '--only', 'overview', '--json'])).stdout,
    );
  });

  test('piped: section, key, value rows', async () => {
    const r = await runCli(['summarise', '--only', 'sources']);
    expect(r.stdout).toBe(
      'sources\tsources.CNN.source\tCNN\nsources\tsources.CNN.documents\t1\nsources\tsources.La Gazette.source\tLa Gazette\nsources\tsources.La Gazette.documents\t1\nsources\tunknown\t3\nsources\tmore.sources\t0\n',
    );
  });

  test('filters apply; nothing left exits 1', async () => {
    expect((await json('--since', '2024', '--only', 'overview')).overview.documents).toBe(2);
    const none = await runCli(['summarise', '--lang', 'deu', '--only', 'overview', '--json']);
    expect(none.status).toBe(1);
  });

  test('bad --only and --top are usage errors', async () => {
    expect(await runCli(['summarise', '--only', 'weather'])).toMatchObject({
      status: 2,
      stderr:
        "corpus: --only: unknown section 'weather' (sections: overview, languages, timeline, sources, lengths, vocabulary, names, distinctive, duplicates, boilerplate, quality)\n",
    });
    expect((await runCli(['summarise', '--top', '0'])).stderr).toBe(
      "corpus: --top takes a whole number from 1, not '0'\n",
    );
  });
});

describe('corpus summarise on a terminal', () => {
  test('every section as a titled block', async () => {
    const r = await runCli(['summarise', '--color', 'never'], { tty: true, columns: 100 });
    const titles = r.stdout
      .split('\n')
      .filter((l) => /^[A-Z]/.test(l))
      .map((l) => l.replace(/ {2}\(.*$/, ''));
    expect(titles).toEqual([
      'Overview',
      'Languages',
      'Timeline (documents per month)',
      'Sources',
      'Lengths (words)',
      'Vocabulary (stop words removed)',
      'Names',
      'Distinctive terms',
      'Duplicates',
      'Boilerplate',
      'Quality flags',
    ]);
    expect(r.stdout).toContain('  fra   French     5  2,018  ████████████████████████████████████████\n');
    expect(r.stdout).toContain('  █···············▄··▄  2023-01 … 2024-08\n');
    expect(r.stdout).toContain('  dates             2023-01 … 2024-08-13T12:49\n');
  });
});

describe('corpus summarise on the dupes fixture: two languages, an exact and a near duplicate', () => {
  test('the duplicates are found', async () => {
    const s = await json('tests/fixtures/dupes');
    expect(s.languages.languages.map((l: { lang: string; documents: number }) => `${l.lang}:${l.documents}`)).toEqual([
      'eng:4',
      'fra:2',
    ]);
    expect(s.duplicates.exact).toEqual([{ ids: ['harbour-copy', 'harbour'] }]);
    expect(s.duplicates.near).toHaveLength(1);
    expect(s.duplicates.near[0].ids).toEqual(['harbour-copy', 'harbour-update']);
    // Two words changed in a 129-word text: 5-word shingles give an exact Jaccard of 116/135 ≈ 0.86 (MinHash estimates it within a few hundredths).
    expect(s.duplicates.near[0].similarity).toBeGreaterThan(0.75);
    expect(s.duplicates.near[0].similarity).toBeLessThan(0.95);
    expect(s.quality.find((q: { flag: string }) => q.flag === 'duplicate').ids).toEqual(['harbour']);
  });
});
