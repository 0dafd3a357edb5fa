// A worker thread that analyses documents: it receives batches of decoded documents, or of files
// to read itself, and sends back their records. Ids, order and flags across documents stay with
// the main thread. The corpus's recurring lines can be replaced between batches.

import { parentPort, workerData } from 'node:worker_threads';
import { analyseDocument } from '../analyse/analyse-document.js';
import { readerFor } from '../input/formats/index.js';
import { keyFields, type CacheEntry } from '../cache/file-format.js';
import { encodeSignature } from '../stats/body-signature.js';
import type { SourceDocument } from '../types.js';
import type { WorkerMessage, WorkerReply, WorkerResult } from './analysis-pool.js';

let recurring = new Set<string>((workerData as { recurring: string[] }).recurring);
const ignore = () => {};
const encoder = new TextEncoder();

function resultOf(doc: SourceDocument): WorkerResult {
  const a = analyseDocument(doc, recurring);
  const r: WorkerResult = {
    record: a.record,
    lede: a.lede,
    edges: a.edges,
    recurringHits: a.recurringHits,
    signature: a.signature,
  };
  // The text of a page extracted here is known only here: it goes back with the record.
  if (doc.page !== undefined) {
    r.text = a.text;
    if (a.raw !== undefined) r.raw = a.raw;
  }
  return r;
}

parentPort?.on('message', (message: WorkerMessage) => {
  if ('recurring' in message) {
    recurring = new Set(message.recurring);
    return;
  }
  if ('files' in message) {
    // A file that cannot be read is left to the main thread, which reads it again and warns.
    // (Only files that are one document are sent: a file of records is read by the main thread.)
    const lines: string[] = [];
    const results = message.files.map((file) => {
      const reader = readerFor(file.format);
      const read = reader.holds === 'document' ? reader.read(file, ignore) : null;
      if (read === null || read === 'skipped') return null;
      const r = resultOf({ id: '', path: file.displayPath, absPath: file.absPath, format: file.format, ...read });
      const entry: CacheEntry = {
        ...keyFields(file.key),
        e: r.edges,
        h: r.recurringHits,
        n: encodeSignature(r.signature),
        l: r.lede,
        r: r.record,
      };
      lines.push(JSON.stringify(entry));
      return r.edges;
    });
    // The cache entries go as UTF-8 bytes, moved rather than copied: the main thread writes them
    // as they are, and its heap never holds them.
    // (An encoder's array owns its memory; a small Buffer may share a pool that must not move.)
    const entries = encoder.encode(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    const reply: WorkerReply = { batch: message.batch, results, entries };
    parentPort?.postMessage(reply, [entries.buffer]);
    return;
  }
  const reply: WorkerReply = { batch: message.batch, results: message.docs.map(resultOf) };
  parentPort?.postMessage(reply);
});
