// The counting phase of a sharded run (docs/partial-format.md): which lines recur across the
// corpus (boilerplate wherever they stand: analyse/recurring-lines.ts) is a count over every
// document. Each shard counts its documents' edge lines (`summarise --shard i/n --count-lines`),
// the counts are merged (`corpus merge lines-*.corpus -o lines.corpus`), and every shard's run
// is handed the merged count (`--lines lines.corpus`) instead of counting the corpus again.

import { CorpusCache } from '../cache/index.js';
import type { CorpusOptions } from '../analyse/corpus-options.js';
import { planCorpus } from '../analyse/corpus-plan.js';
import { countEdges } from '../analyse/first-pass.js';
import { recurringMinimum } from '../analyse/recurring-lines.js';
import type { CorpusRun } from '../input/corpus-files.js';
import { inShard } from '../input/shard.js';
import { PartialError } from '../errors.js';
import { checkTogether, corpusDigest, openPartial, type PartialHeader, type PartialSink } from './partial-file.js';

const noWarnings = () => {};
/** Digests a line of the partial holds. */
const CHUNK = 10_000;

/**
 * Counts the edge lines of the shard's documents (each from the cache where it holds them, else
 * read) and writes them as a partial. Every document of the corpus claims its id, so that the
 * shard's documents are those of every other command's `--shard`.
 */
export async function writeLinesPartial(
  options: CorpusOptions,
  run: CorpusRun,
  header: (corpus: PartialHeader['corpus']) => PartialHeader,
  sink: PartialSink,
): Promise<number> {
  const plan = planCorpus(options, run);
  await sink.write(JSON.stringify(header(corpusDigest(plan.files, plan.stats))));
  const cacheFile = plan.cacheFile;
  const cache = cacheFile ? CorpusCache.open(cacheFile, noWarnings) : null;
  const shard = options.shard;
  let counter;
  try {
    counter = await countEdges(plan, cache, shard ? (id) => inShard(id, shard) : undefined);
  } finally {
    cache?.close();
  }
  let chunk: [string, number][] = [];
  for (const entry of counter.entries()) {
    chunk.push(entry);
    if (chunk.length === CHUNK) {
      await sink.write(JSON.stringify({ edges: chunk }));
      chunk = [];
    }
  }
  if (chunk.length > 0) await sink.write(JSON.stringify({ edges: chunk }));
  await sink.write(JSON.stringify({ end: { documents: counter.counted } }));
  return counter.counted;
}

/** The lines' counts of partials of edge lines, added up. */
async function readEdgeCounts(files: readonly string[]) {
  const partials = [];
  for (const file of files) partials.push({ file, ...(await openPartial(file)) });
  const shards = checkTogether(partials);
  const header = (partials[0] as (typeof partials)[number]).header;
  if (header.kind !== 'lines')
    throw new PartialError(`${partials[0]?.file}: a summary's partial, not counts of edge lines (--count-lines)`);
  const counts = new Map<string, number>();
  let documents = 0;
  for (const p of partials) {
    for await (const { value, lineNo } of p.lines()) {
      if ('edges' in value && !isEdges(value.edges))
        throw new PartialError(`${p.file}:${lineNo}: a damaged line of edge lines`);
      if ('edges' in value)
        for (const [digest, n] of value.edges as [string, number][]) counts.set(digest, (counts.get(digest) ?? 0) + n);
      else if ('end' in value) documents += Number((value.end as { documents?: unknown }).documents) || 0;
      else throw new PartialError(`${p.file}:${lineNo}: a line of no known kind`);
    }
  }
  return { header, shards, counts, documents };
}

/** Whether counts of edge lines are as `--count-lines` writes them: [digest, documents] pairs. */
function isEdges(edges: unknown): edges is [string, number][] {
  return (
    Array.isArray(edges) &&
    edges.every((e) => Array.isArray(e) && typeof e[0] === 'string' && Number.isSafeInteger(e[1]) && e[1] > 0)
  );
}

/** Merges partials of edge lines into one. */
export async function mergeLinesPartials(files: readonly string[], sink: PartialSink): Promise<number> {
  const { header, shards, counts, documents } = await readEdgeCounts(files);
  await sink.write(JSON.stringify({ ...header, shards }));
  let chunk: [string, number][] = [];
  for (const entry of counts) {
    chunk.push(entry);
    if (chunk.length === CHUNK) {
      await sink.write(JSON.stringify({ edges: chunk }));
      chunk = [];
    }
  }
  if (chunk.length > 0) await sink.write(JSON.stringify({ edges: chunk }));
  await sink.write(JSON.stringify({ end: { documents } }));
  return documents;
}

/** The corpus's recurring lines, from the counts of every shard (`--lines`). */
export interface GivenLines {
  /** The documents counted: the corpus. */
  documents: number;
  recurring: Set<string>;
  /** The corpus they were counted on, to be checked against the run's. */
  corpus: PartialHeader['corpus'];
  /** The options given to the counting run, to be checked against this run's. */
  options: Record<string, unknown>;
  file: string;
}

/** Reads the merged counts of edge lines (`--lines`): every shard's must be there. */
export async function readGivenLines(file: string): Promise<GivenLines> {
  const { header, shards, counts, documents } = await readEdgeCounts([file]);
  const missing: number[] = [];
  for (let s = 1; s <= header.of; s++) if (!shards.includes(s)) missing.push(s);
  if (missing.length > 0)
    throw new PartialError(
      `${file}: holds the lines of shards ${shards.join(', ')} of ${header.of} only: merge every shard's counts (corpus merge lines-*.corpus -o ${file})`,
    );
  const min = recurringMinimum(documents);
  const recurring = new Set<string>();
  for (const [digest, n] of counts) if (n >= min) recurring.add(digest);
  return { documents, recurring, corpus: header.corpus, options: header.options, file };
}
