// The sections of a summary, in the order they are shown: each is one module of this folder, and
// adding a section is adding its module and its line here.

import { boilerplateSection } from './boilerplate.js';
import { distinctiveSection } from './distinctive.js';
import { duplicatesSection } from './duplicates.js';
import { languagesSection } from './languages.js';
import { lengthsSection } from './lengths.js';
import { namesSection } from './names.js';
import { overviewSection } from './overview.js';
import { qualitySection } from './quality.js';
import type { CorpusResults, SectionAccumulator, SectionOptions, SummarySection } from './section.js';
import { sourcesSection } from './sources.js';
import { timelineSection } from './timeline.js';
import { vocabularySection } from './vocabulary.js';

/** Each section by its name (the key in `--json` and `--only`), in the order they are shown. */
const SUMMARY_SECTIONS = {
  overview: overviewSection,
  languages: languagesSection,
  timeline: timelineSection,
  sources: sourcesSection,
  lengths: lengthsSection,
  vocabulary: vocabularySection,
  names: namesSection,
  distinctive: distinctiveSection,
  duplicates: duplicatesSection,
  boilerplate: boilerplateSection,
  quality: qualitySection,
};

export type SectionName = keyof typeof SUMMARY_SECTIONS;

/** The section names, in the order they are shown: the keys of `--json`. */
export const SECTIONS = Object.keys(SUMMARY_SECTIONS) as readonly SectionName[];

/** A summary: every section's result, by name. */
export type Summary = {
  [K in SectionName]: (typeof SUMMARY_SECTIONS)[K] extends SummarySection<infer T> ? T : never;
};

/** Each section's accumulator, by name. */
export type SectionAccumulators = { [K in SectionName]: SectionAccumulator<Summary[K]> };

/** The accumulators of every section, for one run. */
export function createSections(options: SectionOptions): SectionAccumulators {
  return Object.fromEntries(SECTIONS.map((name) => [name, SUMMARY_SECTIONS[name](options)])) as SectionAccumulators;
}

/** Every section's result, in the order they are shown. */
export function sectionResults(sections: SectionAccumulators, corpus: CorpusResults): Summary {
  return Object.fromEntries(SECTIONS.map((name) => [name, sections[name].result(corpus)])) as Summary;
}
