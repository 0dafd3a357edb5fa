// A worker thread of `words` and `keywords`: one shard (words/words-shard.ts). It counts the
// batches of documents it receives, then answers for its totals and for the detail of the terms
// the run shows.

import { parentPort, workerData } from 'node:worker_threads';
import { useStopwords } from '../stats/stopwords.js';
import { WordsShard, type CountOptions } from '../words/words-shard.js';
import type { WordsReply, WordsRequest } from './words-pool.js';

// The run's stop words, as the main thread set them (a worker has its own copy of the module).
useStopwords((workerData as CountOptions).stopwords);
const shard = new WordsShard(workerData as CountOptions);

parentPort?.on('message', (request: WordsRequest) => {
  let reply: WordsReply;
  if (request.type === 'docs') {
    const warnings = request.docs.flatMap((doc) => shard.add(doc));
    reply = { type: 'docs', batch: request.batch, warnings };
  } else if (request.type === 'totals') {
    const totals = shard.totals();
    reply = { type: 'totals', batch: request.batch, totals };
    parentPort?.postMessage(reply, [
      totals.counts.buffer as ArrayBuffer,
      totals.errors.buffer as ArrayBuffer,
      totals.docs.buffer as ArrayBuffer,
    ]);
    return;
  } else reply = { type: 'detail', batch: request.batch, detail: shard.detail(request.request) };
  parentPort?.postMessage(reply);
});
