// A worker thread that greps text files: it receives batches of paths and sends back, for each
// file, whether it was read, whether it matched, and what the printer needs of a match. Ids,
// order, warnings and printing stay with the main thread.

import { parentPort, workerData } from 'node:worker_threads';
import { buildMatcher, enableLinearRegExpEngine } from '../search/index.js';
import type { DocFormat, DocumentRecord, SourceDocument } from '../types.js';
import type { GrepReply, GrepRequest, GrepWorkerData } from './grep-pool.js';
import { FileReader, searchFile, type FileResult } from './grep-task.js';

const data = workerData as GrepWorkerData;
enableLinearRegExpEngine();
const matcher = buildMatcher(data.matcher);
const reader = new FileReader();
const analyse: ((doc: SourceDocument) => DocumentRecord) | undefined = data.analyse
  ? ((analyseDocument) => (doc: SourceDocument) => analyseDocument(doc).record)((await import('../analyse.js')).analyseDocument)
  : undefined;

parentPort?.on('message', (request: GrepRequest) => {
  const absPaths = request.absPaths.split('\0');
  const displayPaths = request.displayPaths.split('\0');
  const outcomes = new Uint8Array(absPaths.length);
  const details: [number, FileResult][] = [];
  for (let i = 0; i < absPaths.length; i++) {
    const kind = request.kinds.charCodeAt(i);
    const file = {
      absPath: absPaths[i] as string,
      displayPath: displayPaths[i] as string,
      format: (kind === 0x6d || kind === 0x4d ? 'markdown' : 'text') as DocFormat,
      gzip: kind < 0x60,
    };
    const result = searchFile(file, matcher, data.spec, reader, { analyse });
    outcomes[i] = result.outcome;
    if (result.match || result.warnings) details.push([i, result]);
  }
  const reply: GrepReply = { batch: request.batch, outcomes, details };
  parentPort?.postMessage(reply, [outcomes.buffer]);
});
