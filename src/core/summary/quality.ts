// The quality section of a summary: the documents carrying each quality flag.

import type { SummarySection } from './section.js';

/** The quality flags, in the order they are reported. */
export const QUALITY_FLAGS = [
  'und',
  'mixed-language',
  'encoding-fallback',
  'invalid-date',
  'invalid-lang',
  'lang-disagrees',
  'short',
  'no-date',
  'no-title',
  'duplicate',
  'near-duplicate',
];

/** Per flag, the documents carrying it. */
export type QualitySection = { flag: string; documents: number; ids: string[] }[];

/**
 * Lists the documents per flag of their record: as `list --flag` finds them, so a near duplicate
 * is a document with one like it before it (the duplicates section gives the whole groups).
 */
export const qualitySection: SummarySection<QualitySection> = () => {
  const flagged = new Map<string, string[]>(QUALITY_FLAGS.map((f) => [f, []]));
  return {
    addRecord(record) {
      for (const f of record.flags) flagged.get(f)?.push(record.id);
    },
    result() {
      return QUALITY_FLAGS.map((flag) => {
        const ids = flagged.get(flag) ?? [];
        return { flag, documents: ids.length, ids };
      });
    },
  };
};
