// The corpus as a stream of analysed documents: walk, read, analyse and filter, in corpus order.
// Two passes: the first counts the lines recurring across the corpus (from the cache where it
// can), the second analyses each document — from the cache, in worker threads, or in this one.
// With workers and no cache to count from, the first pass analyses every document as it counts
// and fills the cache, and the second is a warm run over it.

import { CacheCarryOver } from './cache-carry-over.js';
import type { CorpusDocument } from './corpus-document.js';
import type { CorpusOptions } from './corpus-options.js';
import { planCorpus, type CorpusPlan } from './corpus-plan.js';
import { analysisFor } from './document-analysis.js';
import { documentSlot, type Slot, type SlotContext } from './document-slots.js';
import { countRecurring, type FirstPass } from './first-pass.js';
import { firstPassWithWorkers, removeScratch } from './first-pass-workers.js';
import { HandOut } from './hand-out.js';
import { RunFlags } from './run-flags.js';
import { readNearFile, writeNearFile } from '../cache/near-file.js';
import { heldRecords, readRecords, replayable, replayRecords } from './record-slots.js';
import { CorpusCache, RecurringKeys } from '../cache/index.js';
import type { CorpusRun } from '../input/corpus-files.js';
import { formatOf } from '../input/file-kinds.js';
import { readerFor } from '../input/formats/index.js';
import { IdRegistry } from '../input/ids.js';
import { wantedIds } from '../input/read-documents.js';

const noWarnings = () => {};

/**
 * Documents of a crawl (WARC, WET) read ahead of the one handed out: a page is ~150 KB to extract
 * and its text comes back beside it. On 20,000 real pages (bench, 2 cores), 256 ahead peaked at
 * 451 MiB, 64 ahead at 370 MiB, as fast (110 s against 131 s, on a loaded machine).
 */
const PAGES_IN_FLIGHT = 64;

/** Yields each document of the corpus, analysed, that passes the filter, in corpus order. */
export async function* analyseCorpus(
  options: CorpusOptions,
  run: CorpusRun = { missing: [] },
): AsyncGenerator<CorpusDocument> {
  // A shard's run wants only its documents (docs/spec.md §1, `--shard`): like `show`'s, it
  // neither writes the cache nor analyses ahead the documents it does not want.
  options = { ...options, wantId: wantedIds(options) };
  const plan = planCorpus(options, run);
  const first = await firstPass(plan, options);
  const { cache, recurring, total } = first;
  // The cache is rewritten as the documents are handed out, unless only some are asked for.
  const summary = { fingerprint: plan.fingerprint, documents: total, recurring: [...recurring].sort() };
  const carry = cache && !options.wantId && first.scratch === null ? new CacheCarryOver(cache, summary) : null;
  const analysis = analysisFor(plan, first);
  const withText = options.withText !== false;
  const ctx: SlotContext = {
    ids: new IdRegistry(),
    cache,
    recurringKeys: new RecurringKeys(recurring),
    analysis,
    stats: plan.stats,
    warn: options.onWarning ?? noWarnings,
    wantId: options.wantId,
    withText,
    withRecordText: options.withRecordText !== false,
  };
  const runFlags = runFlagsOf(options, plan, first.cache, carry);
  const handOut = new HandOut(options, withText, total, carry, analysis, runFlags);
  const queue: Slot[] = [];
  let complete = false;
  // Pass two: each document analysed, handed out in corpus order, `analysis.inFlight` read ahead.
  try {
    for (const [place, file] of plan.files.entries()) {
      const format = formatOf(file.relPath);
      const reader = readerFor(format);
      if (reader.holds === 'document') {
        const slot = documentSlot(ctx, file, reader, format);
        if (slot === null) continue;
        slot.order = [place, 0];
        queue.push(slot);
        while (queue.length > analysis.inFlight) {
          const d = await handOut.settle(queue.shift() as Slot);
          if (d) yield d;
        }
        continue;
      }
      const held = heldRecords(ctx, file);
      if (held && replayable(ctx, held)) {
        for (const slot of replayRecords(ctx, file, held)) {
          if (slot.order) slot.order[0] = place;
          queue.push(slot);
          while (queue.length > analysis.inFlight) {
            const d = await handOut.settle(queue.shift() as Slot);
            if (d) yield d;
          }
        }
        continue;
      }
      // Crawl pages are big to hold (their page, then their text): fewer of them are read ahead.
      const ahead =
        format === 'warc' || format === 'wet' ? Math.min(analysis.inFlight, PAGES_IN_FLIGHT) : analysis.inFlight;
      for await (const slot of readRecords(ctx, file, reader, held)) {
        if (slot.order) slot.order[0] = place;
        queue.push(slot);
        while (queue.length > ahead) {
          const d = await handOut.settle(queue.shift() as Slot);
          if (d) yield d;
        }
      }
    }
    while (queue.length > 0) {
      const d = await handOut.settle(queue.shift() as Slot);
      if (d) yield d;
    }
    complete = true;
  } finally {
    if (complete) {
      carry?.commit();
      keepNearDuplicates(plan, first.cache, carry, runFlags);
    } else carry?.abandon();
    cache?.close();
    await analysis.close();
    if (first.scratch) removeScratch(first.scratch);
  }
}

/**
 * The run's flags: near duplicates flagged when asked for; known from the last run over the same
 * files when it kept them beside the cache, else looked for when asked, or when the cache is
 * written anew (the files changed), to keep them for the next runs.
 */
function runFlagsOf(
  options: CorpusOptions,
  plan: CorpusPlan,
  cache: CorpusCache | null,
  carry: CacheCarryOver | null,
): RunFlags {
  const flag = options.nearDuplicates !== false;
  if (!carry || !cache || !plan.cacheFile) return new RunFlags({ flag, known: null }, flag);
  const same = cache.corpus?.fingerprint === plan.fingerprint;
  const known = same && cache.sha256 ? readNearFile(plan.cacheFile, cache.sha256, plan.fingerprint) : null;
  return new RunFlags({ flag, known }, flag || !same);
}

/** Keeps the near duplicates a whole run found beside the cache it leaves (near-file.ts). */
function keepNearDuplicates(
  plan: CorpusPlan,
  cache: CorpusCache | null,
  carry: CacheCarryOver | null,
  runFlags: RunFlags,
): void {
  const found = runFlags.nearFound;
  const sha256 = cache?.current;
  if (found && carry && plan.cacheFile && sha256) writeNearFile(plan.cacheFile, sha256, plan.fingerprint, found);
}

/**
 * Pass one: the lines at the documents' edges, counted across the corpus — unless the cache holds
 * the count from a run over exactly these files. With workers (and every document wanted), they
 * analyse the corpus as it is counted.
 */
async function firstPass(plan: CorpusPlan, options: CorpusOptions): Promise<FirstPass> {
  const warn = options.onWarning ?? noWarnings;
  const { cacheFile } = plan;
  const opened = cacheFile ? CorpusCache.open(cacheFile, (why) => warn(cacheFile, why)) : null;
  const corpus = opened?.corpus;
  const rest = { cache: opened, pool: null, scratch: null, speculated: false };
  if (options.recurring)
    return { recurring: new Set(options.recurring.recurring), total: options.recurring.documents, ...rest };
  if (corpus && corpus.fingerprint === plan.fingerprint)
    return { recurring: new Set(corpus.recurring), total: corpus.documents, ...rest };
  if (plan.parallel && !options.wantId) return firstPassWithWorkers(plan, opened, warn, options.onProgress);
  return { ...(await countRecurring(plan, opened)), ...rest };
}
