// A worker thread of `summarise`: one shard of the corpus (see shard.ts). It receives batches of
// documents in corpus order, answers each batch with the per-document results, and at the end
// sends the shard's accumulated results.

import { parentPort, workerData } from 'node:worker_threads';
import { useStopwords } from '../stats/stopwords.js';
import { SummaryShard, type ShardOptions } from '../summary/shard.js';
import type { SummaryReply, SummaryRequest } from './summary-pool.js';

// The run's stop words, as the main thread set them (a worker has its own copy of the module).
useStopwords((workerData as ShardOptions).stopwords);
const shard = new SummaryShard(workerData as ShardOptions);

parentPort?.on('message', (request: SummaryRequest) => {
  if (request.type === 'docs') {
    const results = request.docs.map((doc) => shard.add(doc));
    const transfer = results.flatMap((r) => (r.sig ? [r.sig.buffer as ArrayBuffer] : []));
    const reply: SummaryReply = { type: 'docs', batch: request.batch, results };
    parentPort?.postMessage(reply, transfer);
  } else {
    const reply: SummaryReply = { type: 'finish', batch: request.batch, final: shard.finish(request.top) };
    parentPort?.postMessage(reply);
  }
});
