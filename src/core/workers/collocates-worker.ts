// A worker thread of `corpus collocates`: one share of the counts (see collocates/shard.ts). It
// counts the batches of documents it is sent, then answers for its candidates and frequencies.

import { parentPort, workerData } from 'node:worker_threads';
import { CollocatesShard, type CollocatesSpec } from '../collocates/shard.js';
import { buildMatcher, enableLinearRegExpEngine } from '../search/index.js';
import { useStopwords } from '../stats/stopwords.js';
import type { CollocatesReply, CollocatesRequest } from './collocates-pool.js';

const spec = workerData as CollocatesSpec;
enableLinearRegExpEngine();
// The run's stop words, as the main thread set them (a worker has its own copy of the module).
useStopwords(spec.stopList);
const shard = new CollocatesShard(spec, buildMatcher(spec.matcher));

function answer(request: CollocatesRequest): CollocatesReply {
  if (request.type === 'docs') {
    const warnings = request.docs.flatMap((doc) => shard.add(doc));
    return { type: 'docs', batch: request.batch, warnings };
  }
  if (request.type === 'candidates')
    return { type: 'candidates', batch: request.batch, candidates: shard.candidates(), totals: shard.totals };
  return { type: 'counts', batch: request.batch, counts: shard.counts(request.keys) };
}

parentPort?.on('message', (request: CollocatesRequest) => {
  let reply: CollocatesReply;
  try {
    reply = answer(request);
  } catch (err) {
    reply = { type: 'error', batch: request.batch, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
