// A worker thread that analyses documents: it receives batches of decoded documents and sends
// back their records. Reading, ids, order and flags across documents stay with the main thread.

import { parentPort, workerData } from 'node:worker_threads';
import { analyseDocument } from '../analyse.js';
import type { SourceDocument } from '../types.js';
import type { WorkerReply, WorkerRequest } from './worker-pool.js';

const recurring = new Set<string>((workerData as { recurring: string[] }).recurring);

parentPort?.on('message', (request: WorkerRequest) => {
  const results = request.docs.map((doc: SourceDocument) => {
    const a = analyseDocument(doc, recurring);
    return { record: a.record, lede: a.lede, edges: a.edges, recurringHits: a.recurringHits };
  });
  const reply: WorkerReply = { batch: request.batch, results };
  parentPort?.postMessage(reply);
});
