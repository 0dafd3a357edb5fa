// The pieces that let `summarise` run in shards: tokens folded once through a cache, the merge
// of names, signatures computed elsewhere, lines prepared elsewhere, and the whole summary
// computed in several shards (kept in this thread here) against one.
import { describe, expect, test } from 'vitest';
import { analyseDocument, type AnalysedDocument } from '../../src/core/analyse/analyse-document.js';
import { DistinctiveTerms } from '../../src/core/stats/distinctive.js';
import { foldTokens, TermCache } from '../../src/core/stats/folded.js';
import { Names } from '../../src/core/stats/names.js';
import { minhash, NearDuplicates } from '../../src/core/stats/near-duplicates.js';
import { tokenize } from '../../src/core/stats/tokenize.js';
import { Vocabulary } from '../../src/core/stats/vocabulary.js';
import { summarise } from '../../src/core/summary/index.js';
import { LinesAccumulator } from '../../src/core/summary/boilerplate.js';
import { prepareLines } from '../../src/core/summary/prepare-lines.js';
import type { DocumentRecord } from '../../src/core/types.js';

const FRA = [
  'Le président russe Vladimir Poutine est arrivé à Minsk mardi. Selon le Kremlin, Vladimir Poutine restera deux jours.',
  'Alexandre Loukachenko a accueilli Vladimir Poutine à Minsk. Les exercices militaires commencent, selon les médias.',
  'LES EXERCICES MILITAIRES À MINSK. Les exercices militaires inquiètent l’Ukraine et la Pologne, dit Varsovie.',
  'Varsovie dément. Puis Varsovie confirme : les exercices militaires de la Russie durent. La Russie et le Bélarus.',
];
const ENG = [
  'The Prime Minister met Olaf Scholz in Berlin on Monday. Scholz said the talks were useful, the BBC reported.',
  'Olaf Scholz and the Prime Minister discussed trade. The trade talks in Berlin went on. Trade, trade and more trade.',
  'Russia’s army moved. The army of Russia’s neighbours watched the army closely, officials in Berlin said.',
];

function docs(): { lang: string; text: string }[] {
  return [...FRA.map((text) => ({ lang: 'fra', text })), ...ENG.map((text) => ({ lang: 'eng', text }))];
}

describe('tokens folded once through a cache', () => {
  test('vocabulary, names and distinctive terms count the same as from plain tokens', () => {
    const cache = new TermCache();
    const plain = { v: new Vocabulary({ maxBigrams: 6 }), n: new Names(), d: new DistinctiveTerms({ minCount: 1 }) };
    const cached = { v: new Vocabulary({ maxBigrams: 6 }), n: new Names(), d: new DistinctiveTerms({ minCount: 1 }) };
    // Twice over, so that the remembered memos are used.
    for (const [i, { lang, text }] of [...docs(), ...docs()].entries()) {
      const tokens = tokenize(text);
      plain.v.add(`d${i}`, lang, tokens);
      plain.n.add(`d${i}`, lang, tokens);
      plain.d.add(`d${i}`, lang, tokens);
      const folded = foldTokens(tokens, lang, cache);
      cached.v.add(`d${i}`, lang, folded);
      cached.n.add(`d${i}`, lang, folded);
      cached.d.add(`d${i}`, lang, folded);
    }
    for (const lang of ['fra', 'eng']) {
      expect(cached.v.stats(lang)).toEqual(plain.v.stats(lang));
      expect(cached.v.top(lang, 50)).toEqual(plain.v.top(lang, 50));
      expect(cached.v.topBigrams(lang, 50)).toEqual(plain.v.topBigrams(lang, 50));
    }
    expect(plain.v.topBigrams('fra', 1)[0]).toMatchObject({
      term: 'exercices militaires',
      form: 'exercices militaires',
    });
    expect(cached.n.top(50, 1)).toEqual(plain.n.top(50, 1));
    expect(cached.d.finalise(10)).toEqual(plain.d.finalise(10));
  });

  test('a cache shared by two vocabularies keeps their counts apart', () => {
    const cache = new TermCache();
    const a = new Vocabulary();
    const b = new Vocabulary();
    a.add('a', 'eng', foldTokens(tokenize(ENG[1] as string), 'eng', cache));
    b.add('b', 'eng', foldTokens(tokenize(ENG[1] as string), 'eng', cache));
    a.add('a2', 'eng', foldTokens(tokenize(ENG[1] as string), 'eng', cache));
    expect(a.get('eng', 'trade')?.count).toBe(10);
    expect(b.get('eng', 'trade')?.count).toBe(5);
  });

  test('the bigram casing most often written wins, the first to get there on a tie', () => {
    const v = new Vocabulary();
    for (const text of [
      'Olaf Scholz spoke.',
      'OLAF SCHOLZ spoke.',
      'OLAF SCHOLZ spoke.',
      'Olaf Scholz spoke.',
      'olaf scholz',
    ])
      v.add('x', 'eng', tokenize(text));
    expect(v.topBigrams('eng', 1)).toEqual([{ term: 'olaf scholz', form: 'OLAF SCHOLZ', count: 5, docs: 5 }]);
  });
});

describe('Names.merge', () => {
  test('names counted in two halves and merged are the names counted at once', () => {
    const all = new Names();
    const halves = [new Names(), new Names()];
    docs().forEach(({ lang, text }, i) => {
      all.add(`d${i}`, lang, tokenize(text));
      halves[i % 2]?.add(`d${i}`, lang, tokenize(text));
    });
    const merged = new Names();
    for (const h of halves) merged.merge(h.state());
    expect(merged.top(50, 1)).toEqual(all.top(50, 1));
    expect(merged.top(50, 1).map((n) => n.name)).toContain('Vladimir Poutine');
  });
});

describe('near duplicates from signatures computed elsewhere', () => {
  test('addSignature finds the groups add finds, exact duplicates skipped', () => {
    const texts = [ENG[0], ENG[0], `${ENG[0]} Again.`, ENG[1], FRA[0]] as string[];
    const direct = new NearDuplicates();
    const signed = new NearDuplicates();
    texts.forEach((t, i) => {
      const hash = `h${t.length}`;
      direct.add(`d${i}`, tokenize(t), hash);
      signed.addSignature(`d${i}`, i === 1 ? null : minhash(tokenize(t)), hash);
    });
    expect(signed.groups()).toEqual(direct.groups());
    expect(signed.groups()[0]?.ids).toEqual(['d0', 'd2']);
  });
});

describe('lines prepared elsewhere', () => {
  const record = (boilerplate: number[]) =>
    ({ boilerplate, boilerplateKinds: boilerplate.map(() => 'interface') }) as unknown as DocumentRecord;

  test('long lines whose spaces fold to a short line are counted; long ones are not', () => {
    const spaced = `Read   more${' '.repeat(200)}at example.org`;
    const long = 'x'.repeat(161);
    const lines = ['  Read more at example.org ', spaced, long, '', 'Footer'];
    expect(prepareLines(record([5]), lines)).toEqual({
      short: ['Read more at example.org', 'Read more at example.org', 'Footer'],
      boiler: ['Footer'],
    });
    const a = new LinesAccumulator();
    const b = new LinesAccumulator();
    for (let i = 0; i < 3; i++) {
      a.add(record([5]), lines);
      b.addPrepared(record([5]), prepareLines(record([5]), lines));
    }
    expect(b.result(10)).toEqual(a.result(10));
    expect(a.result(10).shared[0]).toEqual({ text: 'Read more at example.org', documents: 3, occurrences: 6 });
  });
});

describe('summarise in shards', () => {
  // Enough documents to start the shards, in three languages, with duplicates and shared lines.
  function corpus(): AnalysedDocument[] {
    const out: AnalysedDocument[] = [];
    const texts = docs();
    for (let i = 0; i < 240; i++) {
      const { text, lang } = texts[i % texts.length] as { text: string; lang: string };
      const body = i % 11 === 0 ? text : `${text} Document ${i % 50}. ${texts[(i * 3) % texts.length]?.text}`;
      const head = i % 4 === 0 ? `Title ${i}\n2024-0${(i % 9) + 1}-10\n\n` : '';
      const doc = {
        id: `doc${i}`,
        path: `doc${i}.txt`,
        absPath: `/nowhere/doc${i}.txt`,
        format: 'text' as const,
        bytes: body.length,
        encoding: 'utf-8' as const,
        text: `${head}${body}\n\nShared footer line\n`,
      };
      const analysed = analyseDocument(doc);
      analysed.record.lang = i % 7 === 0 ? 'deu' : lang;
      // Some documents come with their text only, as records of a JSON Lines file may.
      out.push(i % 5 === 0 ? { ...analysed, lines: [], paragraphs: [] } : analysed);
    }
    return out;
  }
  async function* stream(list: AnalysedDocument[]): AsyncGenerator<AnalysedDocument> {
    yield* list;
  }

  test.each([[{ top: 10 }], [{ top: 3, by: 'lang' as const }], [{ top: 25, by: 'month' as const }]])(
    'three shards give what one gives (%o)',
    async (options) => {
      const list = corpus();
      const one = await summarise(stream(list), { ...options, jobs: 1 });
      const three = await summarise(stream(list), { ...options, jobs: 3, localShards: true });
      expect(JSON.stringify(three)).toBe(JSON.stringify(one));
      expect(one.overview.documents).toBe(240);
      expect(one.duplicates.exact.length).toBeGreaterThan(0);
      expect(one.vocabulary.languages.map((l) => l.lang)).toEqual(['fra', 'eng', 'deu']);
    },
  );
});
