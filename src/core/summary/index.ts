// `summarise` as data: one streaming pass over analysed documents feeds every section's
// accumulator; memory grows with the vocabulary and a few numbers a document, not the text.

import type { AnalysedDocument } from '../analyse.js';
import { DistinctiveTerms, type DocumentKeyTerms } from '../stats/distinctive.js';
import { Names, type NameCount } from '../stats/names.js';
import { exactDuplicateGroups, MINHASH, NearDuplicates } from '../stats/near-duplicates.js';
import { tokenize } from '../stats/tokenize.js';
import { Vocabulary, type TermCount } from '../stats/vocabulary.js';
import { OverviewAccumulator, type Overview } from './overview.js';
import { LengthsAccumulator, LinesAccumulator, Tally, TimelineAccumulator, type LengthBin, type LineCount, type Timeline } from './sections.js';

/** The section names, in the order they are shown: the keys of `--json`. */
export const SECTIONS = [
  'overview', 'languages', 'timeline', 'sources', 'lengths', 'vocabulary', 'names', 'distinctive', 'duplicates', 'boilerplate', 'quality',
] as const;
export type SectionName = (typeof SECTIONS)[number];

/** The quality flags, in the order they are reported. */
export const QUALITY_FLAGS = ['und', 'mixed-language', 'encoding-fallback', 'short', 'no-date', 'no-title', 'duplicate', 'near-duplicate'];

export type GroupBy = 'lang' | 'source' | 'month';

export interface SummaryOptions {
  /** Rows per section (terms, names, sources…). */
  top: number;
  /** Also give the overview per group. */
  by?: GroupBy;
  /** Language code → name, for the languages section. */
  languageName?: (code: string) => string | null;
}

export interface Summary {
  overview: Overview & { groups?: { by: GroupBy; group: string; overview: Overview }[] };
  languages: { languages: { lang: string; name: string | null; documents: number; words: number }[]; mixed: number; und: number };
  timeline: Timeline;
  sources: { sources: { source: string; documents: number }[]; unknown: number };
  lengths: { bins: LengthBin[] };
  vocabulary: {
    stopWords: string;
    languages: { lang: string; tokens: number; types: number; typeTokenRatio: number; terms: TermCount[]; bigrams: TermCount[] }[];
  };
  names: NameCount[];
  distinctive: { measure: string; documents: DocumentKeyTerms[] };
  duplicates: {
    exact: { ids: string[] }[];
    near: { ids: string[]; similarity: number }[];
    method: { shingleWords: number; permutations: number; bands: number; rows: number; threshold: number };
  };
  boilerplate: { documents: number; lines: number; shared: LineCount[]; top: LineCount[] };
  quality: { flag: string; documents: number; ids: string[] }[];
}

function groupKey(by: GroupBy, d: AnalysedDocument): string {
  if (by === 'lang') return d.record.lang;
  if (by === 'source') return d.record.source ?? '(none)';
  return d.record.date !== null && /^\d{4}-\d{2}/.test(d.record.date) ? d.record.date.slice(0, 7) : '(undated)';
}

/** Summarises the documents in one pass. */
export async function summarise(docs: AsyncIterable<AnalysedDocument>, options: SummaryOptions): Promise<Summary> {
  // The corpus's distinct words come from the vocabulary, which counts them anyway.
  const overview = new OverviewAccumulator(false);
  const groups = new Map<string, OverviewAccumulator>();
  const langDocs = new Tally();
  const langWords = new Tally();
  const sources = new Tally();
  let unknownSource = 0;
  let mixed = 0;
  const timeline = new TimelineAccumulator();
  const lengths = new LengthsAccumulator();
  const vocabulary = new Vocabulary();
  const names = new Names();
  const distinctive = new DistinctiveTerms();
  const near = new NearDuplicates();
  const hashes: { id: string; hash: string }[] = [];
  const lines = new LinesAccumulator();
  const flagged = new Map<string, string[]>(QUALITY_FLAGS.map((f) => [f, []]));

  for await (const d of docs) {
    const { record } = d;
    const tokens = tokenize(d.paragraphs.join('\n'));
    overview.add(record, tokens);
    if (options.by) {
      const key = groupKey(options.by, d);
      let acc = groups.get(key);
      if (!acc) groups.set(key, (acc = new OverviewAccumulator()));
      acc.add(record, tokens);
    }
    langDocs.add(record.lang);
    langWords.add(record.lang, record.words);
    if (record.flags.includes('mixed-language')) mixed++;
    if (record.source === null) unknownSource++;
    else sources.add(record.source);
    timeline.add(record);
    lengths.add(record);
    vocabulary.add(record.id, record.lang, tokens);
    names.add(record.id, record.lang, tokens);
    distinctive.add(record.id, record.lang, tokens);
    if (tokens.length > 0) {
      near.add(record.id, tokens, record.hash);
      hashes.push({ id: record.id, hash: record.hash });
    }
    lines.add(record, d.lines);
    for (const f of record.flags) flagged.get(f)?.push(record.id);
  }

  const nearGroups = near.groups();
  const vocabStats = vocabulary.languages().map((lang) => vocabulary.stats(lang));
  const types = vocabStats.reduce((sum, v) => sum + v.types, 0);
  const wordTokens = vocabStats.reduce((sum, v) => sum + v.tokens, 0);
  flagged.set('near-duplicate', nearGroups.flatMap((g) => g.ids));
  const top = options.top;
  return {
    overview: {
      ...overview.result(),
      distinctWords: types,
      typeTokenRatio: wordTokens === 0 ? 0 : Math.round((types / wordTokens) * 1000) / 1000,
      ...(options.by
        ? { groups: [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([group, acc]) => ({ by: options.by as GroupBy, group, overview: acc.result() })) }
        : {}),
    },
    languages: {
      languages: langDocs.entries().map(([lang, documents]) => ({ lang, name: options.languageName?.(lang) ?? null, documents, words: langWords.get(lang) })),
      mixed,
      und: langDocs.get('und'),
    },
    timeline: timeline.result(),
    sources: { sources: sources.entries().slice(0, top).map(([source, documents]) => ({ source, documents })), unknown: unknownSource },
    lengths: { bins: lengths.result() },
    vocabulary: {
      stopWords: 'stopwords-iso',
      languages: vocabulary.languages().map((lang) => ({ ...vocabulary.stats(lang), terms: vocabulary.top(lang, top), bigrams: vocabulary.topBigrams(lang, top) }))
        .map(({ lang, tokens, types, typeTokenRatio, terms, bigrams }) => ({ lang, tokens, types, typeTokenRatio: Math.round(typeTokenRatio * 1000) / 1000, terms, bigrams })),
    },
    names: names.top(top),
    distinctive: { measure: 'log-likelihood G² against the rest of the corpus in the same language', documents: distinctive.finalise(top) },
    duplicates: {
      exact: exactDuplicateGroups(hashes).map((ids) => ({ ids })),
      near: nearGroups.map((g) => ({ ids: g.ids, similarity: Math.round(g.similarity * 1000) / 1000 })),
      method: { shingleWords: MINHASH.shingle, permutations: MINHASH.permutations, bands: MINHASH.bands, rows: MINHASH.rows, threshold: MINHASH.threshold },
    },
    boilerplate: lines.result(top),
    quality: QUALITY_FLAGS.map((flag) => {
      const ids = flagged.get(flag) ?? [];
      return { flag, documents: ids.length, ids };
    }),
  };
}
