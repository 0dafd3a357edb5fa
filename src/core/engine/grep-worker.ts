// A worker thread that greps text files: it receives batches of paths, or folders to walk, and
// sends back, for each file, whether it was read, whether it matched, and what the printer needs
// of a match. Ids, order, warnings and printing stay with the main thread.

import { parentPort, workerData } from 'node:worker_threads';
import { buildMatcher, enableLinearRegExpEngine } from '../search/index.js';
import type { DocumentRecord, SourceDocument } from '../types.js';
import type { GrepReply, GrepRequest, GrepWorkerData } from './grep-pool.js';
import { FileReader, searchBatch, searchFolder } from './grep-task.js';
import { READY } from './worker-set.js';

const data = workerData as GrepWorkerData;
enableLinearRegExpEngine();
const matcher = buildMatcher(data.matcher);
const reader = new FileReader();
const analyse: ((doc: SourceDocument) => DocumentRecord) | undefined = data.analyse
  ? ((analyseDocument) => (doc: SourceDocument) => analyseDocument(doc).record)((await import('../analyse.js')).analyseDocument)
  : undefined;

parentPort?.on('message', (request: GrepRequest) => {
  if (request.kind === 'folder') {
    const result = searchFolder(request.folder, data.walk, matcher, data.spec, reader);
    const reply: GrepReply = { batch: request.batch, ...result };
    parentPort?.postMessage(reply, [result.outcomes.buffer as ArrayBuffer]);
    return;
  }
  const displayPaths = request.displayPaths.split('\0');
  const files = request.absPaths.split('\0').map((absPath, i) => ({ absPath, displayPath: displayPaths[i] as string }));
  const { outcomes, details } = searchBatch(files, request.kinds, matcher, data.spec, reader, { analyse });
  const reply: GrepReply = { batch: request.batch, outcomes, details };
  parentPort?.postMessage(reply, [outcomes.buffer as ArrayBuffer]);
});

// Set up: the main thread sends folders from now on, not while this thread starts.
parentPort?.postMessage(READY);
