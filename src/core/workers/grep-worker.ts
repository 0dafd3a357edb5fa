// A worker thread that greps text files: it receives batches of paths, or folders to walk, and
// sends back, for each file, whether it was read, whether it matched, and what the printer needs
// of a match. Ids, order, warnings and printing stay with the main thread. A worker started
// ahead of its data (grep-prestart.ts) gets it as its first message, `{ setup }`, and holds the
// requests that come while it sets up.

import { parentPort, workerData } from 'node:worker_threads';
import { buildMatcher, enableLinearRegExpEngine, PatternTooCostlyError, type Matcher } from '../search/index.js';
import type { DocumentRecord, SourceDocument } from '../types.js';
import type { GrepReply, GrepRequest, GrepWorkerData } from './grep-messages.js';
import { FileReader } from '../search/file-reader.js';
import { searchBatch, searchFolder } from '../search/grep-batch.js';
import { searchJsonlChunk } from '../search/grep-jsonl-chunk.js';
import { READY } from './worker-set.js';

interface Setup {
  data: GrepWorkerData;
  matcher: Matcher;
  analyse: ((doc: SourceDocument) => DocumentRecord) | undefined;
}

const reader = new FileReader();

async function setUp(data: GrepWorkerData): Promise<Setup> {
  enableLinearRegExpEngine();
  const matcher = buildMatcher(data.matcher);
  const analyse = data.analyse
    ? (
        (analyseDocument) => (doc: SourceDocument) =>
          analyseDocument(doc).record
      )((await import('../analyse/analyse-document.js')).analyseDocument)
    : undefined;
  return { data, matcher, analyse };
}

/**
 * Answers a request; a pattern found too costly (PatternTooCostlyError) is a reply of its own,
 * so that the main thread stops the run with its message rather than losing a worker.
 */
function answer(setup: Setup, request: GrepRequest): void {
  try {
    search(setup, request);
  } catch (err) {
    if (!(err instanceof PatternTooCostlyError)) throw err;
    const reply: GrepReply = {
      batch: request.batch,
      tooCostly: { pattern: err.pattern, linesGivenUp: err.linesGivenUp, slowMs: err.slowMs },
    };
    parentPort?.postMessage(reply);
  }
}

function search({ data, matcher, analyse }: Setup, request: GrepRequest): void {
  if (request.kind === 'jsonl') {
    const reply: GrepReply = { batch: request.batch, ...searchJsonlChunk(request, matcher, data.spec) };
    parentPort?.postMessage(reply);
    return;
  }
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
}

let setup: Setup | null = null;
/** Requests that came before the setup was done, in order. */
const held: GrepRequest[] = [];

const ready = (done: Setup): void => {
  setup = done;
  for (const request of held.splice(0)) answer(done, request);
  // Set up: the main thread sends folders from now on, not while this thread starts.
  parentPort?.postMessage(READY);
};

parentPort?.on('message', (message: GrepRequest | { setup: GrepWorkerData }) => {
  if ('setup' in message) void setUp(message.setup).then(ready);
  else if (setup) answer(setup, message);
  else held.push(message);
});

if (workerData) ready(await setUp(workerData as GrepWorkerData));
