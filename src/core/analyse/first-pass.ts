// The first pass over the corpus in this thread: the lines at the documents' edges, counted across
// the corpus to tell the recurring ones (boilerplate), each document's taken from the cache where
// it holds them. (With workers, the count is made as they analyse: see first-pass-workers.ts.)

import type { CorpusPlan } from './corpus-plan.js';
import { edgeKeys, RecurringLineCounter } from './recurring-lines.js';
import type { CorpusCache } from '../cache/index.js';
import { formatOf } from '../input/file-kinds.js';
import { readerFor } from '../input/formats/index.js';
import { claimRecordId, fileId, IdRegistry } from '../input/ids.js';
import type { RecordFormat } from '../input/formats/format-reader.js';
import type { FoundFile } from '../input/walk.js';
import type { AnalysisPool } from '../workers/analysis-pool.js';

/** What the first pass found, and what it leaves the second. */
export interface FirstPass {
  /** The digests of the lines recurring across the corpus. */
  recurring: Set<string>;
  /** The documents of the corpus. */
  total: number;
  /** The cache to read the entries from: the last run's, or the one the workers just filled. */
  cache: CorpusCache | null;
  /** The workers, when the second pass has records for them to analyse. */
  pool: AnalysisPool | null;
  /** The folder of a cache filled under `--no-cache`, to remove at the end. */
  scratch: string | null;
  /** True when the workers analysed the corpus in this pass: the second starts none. */
  speculated: boolean;
}

const noWarnings = () => {};

/** Counts the recurring lines and the documents, each document's edge lines from `cache` where it holds them. */
export async function countRecurring(
  plan: CorpusPlan,
  cache: CorpusCache | null,
): Promise<{ recurring: Set<string>; total: number }> {
  const counter = await countEdges(plan, cache);
  return { recurring: counter.result(), total: counter.counted };
}

/**
 * Counts the edge lines of the documents, each from `cache` where it holds them, else read. With
 * `ours`, only the documents whose id it keeps (a shard's: `--count-lines`), every document's id
 * claimed in corpus order as the second pass claims them, so that the ids are a whole run's.
 */
export async function countEdges(
  plan: Pick<CorpusPlan, 'files' | 'stats'>,
  cache: CorpusCache | null,
  ours?: (id: string) => boolean,
): Promise<RecurringLineCounter> {
  const counter = new RecurringLineCounter();
  const ids = new IdRegistry();
  for (const file of plan.files) {
    const st = plan.stats.get(file);
    const reader = readerFor(formatOf(file.relPath));
    if (reader.holds === 'records') {
      const held = st && cache?.jsonl(st);
      if (held) {
        for (const [lineNo, stored] of held.records())
          if (!ours || ours(claimRecordId(ids, stored.recordId() as string, file, lineNo, noWarnings)))
            counter.add(stored.edges);
      } else for await (const edges of recordEdges(reader, file, ours && { ids, ours })) counter.add(edges);
      continue;
    }
    if (ours) {
      const wanted = fileId(file.relPath);
      if (!ours(ids.claim(wanted).id)) continue;
    }
    const edges = st && cache?.edges(st);
    if (edges) counter.add(edges);
    else {
      const read = reader.read(file, noWarnings);
      if (read === null || read === 'skipped') continue;
      counter.add(edgeKeys(read.text));
    }
  }
  return counter;
}

/**
 * The edge-line keys of each record of a file, in order. A WARC page is left unextracted
 * (`defer`): it has no lines to count here, and none counted in the second pass (analyseDocument).
 */
export async function* recordEdges(
  reader: RecordFormat,
  file: FoundFile,
  shard?: { ids: IdRegistry; ours: (id: string) => boolean },
): AsyncGenerator<string[]> {
  const ids = shard?.ids ?? new IdRegistry();
  const want = shard && ((id: string) => shard.ours(id));
  for await (const doc of reader.read(file, ids, noWarnings, want, undefined, undefined, true))
    yield edgeKeys(doc.text);
}
