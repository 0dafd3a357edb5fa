// What a grep yields, and how this thread turns each searched file into it in walk order, wherever
// the file was searched: its id claimed (one by one, or a whole folder's at once), its warnings
// and its folder's walk warnings reported where the walk met them.

import path from 'node:path';
import type { DocumentSearch } from './grep.js';
import { claimFor, fileId, type IdRegistry } from '../input/ids.js';
import { shownPath } from '../input/file-names.js';
import type { DocumentRecord, SourceDocument, WarningHandler } from '../types.js';
import { describeError } from '../input/fs-errors.js';
import type { FoundFile, FoundFolder } from '../input/walk.js';
import type { BatchResult, FolderResult } from './grep-batch.js';
import { Outcome, sparseLines, type FileResult, type GrepSpec } from './grep-task.js';

/** A document that matched. */
export interface GrepDocument {
  /**
   * The search: in `count` and `files` mode `hits` may be empty (see `count`) and `lines` is
   * empty; in `lines` mode `lines` holds the hits and their context lines (the others may be
   * missing). `doc.text` is not kept for text files.
   */
  search: DocumentSearch;
  /** Matching lines (capped by -m). */
  count: number;
  /** The document's record, when asked for. */
  record: DocumentRecord | null;
}

/** Files searched together, elsewhere or here: a batch of files, or a folder walked whole. */
export type SearchedUnit = { kind: 'batch'; files: FoundFile[] } | { kind: 'folder'; folder: FoundFolder };

/** Claims the ids of searched files and reports their warnings, in walk order. */
export class GrepSettler {
  constructor(
    private readonly ids: IdRegistry,
    private readonly warn: WarningHandler,
    private readonly spec: GrepSpec,
  ) {}

  /**
   * The matching document a file's result stands for, once its id is claimed (or with the id
   * its folder claimed for it); warnings reported.
   */
  file(file: FoundFile, outcome: Outcome, result: FileResult | undefined, claimed?: string): GrepDocument | null {
    const warn = this.warn;
    if (outcome === Outcome.Unread) {
      if (result?.error)
        warn(
          file.displayPath,
          describeError(Object.assign(new Error(result.error.message), { code: result.error.code })),
        );
      if (result?.warnings) for (const [where, why] of result.warnings) warn(where, why);
      return null;
    }
    const id = claimed ?? claimFor(this.ids, fileId(file.relPath), file, warn);
    if (result === undefined) return null;
    if (result.warnings) for (const [where, why] of result.warnings) warn(where, why);
    const m = result.match;
    if (outcome !== Outcome.Match || !m) return null;
    const doc: SourceDocument = {
      id,
      path: file.displayPath,
      absPath: file.absPath,
      format: m.format,
      bytes: m.bytes,
      encoding: m.encoding,
      text: '',
    };
    const lines = this.spec.mode === 'lines' ? sparseLines(m) : [];
    return {
      search: { doc, lines, hits: m.hits ?? [], count: m.count },
      count: m.count,
      record: m.record ? { ...m.record, id } : null,
    };
  }

  /**
   * Settles the files of a searched unit from file `from` on, into `found`: up to the end, or
   * up to a JSON Lines file or a {@link Outcome.Large} one (whose index it returns, for the
   * caller to read here), else -1. A plain
   * function, not a generator: it runs once a unit, its loop runs once a file.
   */
  unit(unit: SearchedUnit, done: BatchResult | FolderResult, from: number, found: GrepDocument[]): number {
    const { ids, warn } = this;
    const { outcomes, details } = done;
    const folder = unit.kind === 'folder' ? (done as FolderResult) : null;
    // A folder's walk warnings, where the walk raised them: before file `i`.
    const warnWalk = walkWarner(folder, from, warn);
    if (unit.kind === 'folder' && folder?.distinctIds) {
      if (this.claimedFolder(unit.folder, folder, warnWalk, found)) return -1;
    }
    const relPaths = folder ? folder.relPaths.split('\0') : [];
    let d = 0;
    while (d < details.length && (details[d] as [number, FileResult])[0] < from) d++;
    for (let i = from; i < outcomes.length; i++) {
      warnWalk(i);
      const detail = details[d];
      let result: FileResult | undefined;
      if (detail !== undefined && detail[0] === i) {
        result = detail[1];
        d++;
      }
      if (unit.kind === 'folder' && result === undefined && outcomes[i] === Outcome.NoMatch) {
        // The common case, kept cheap: a file searched with nothing to say claims its id.
        const relPath = relPaths[i] as string;
        const wanted = fileId((unit.folder.idHead ?? '') + relPath);
        claimFor(ids, wanted, { displayPath: unit.folder.displayHead + shownPath(relPath) }, warn);
        continue;
      }
      if (outcomes[i] === Outcome.Jsonl || outcomes[i] === Outcome.Large) return i;
      const file = unit.kind === 'folder' ? fileOf(unit.folder, relPaths[i] as string) : (unit.files[i] as FoundFile);
      const match = this.file(file, outcomes[i] as Outcome, result);
      if (match) found.push(match);
    }
    warnWalk(Infinity);
    return -1;
  }

  /**
   * A folder whose files have distinct ids, settled with its ids claimed whole (made one by one
   * only if a later id falls under the folder): only the files with something to say are looked
   * at. Such a folder holds no JSON Lines file. False when the ids could not be claimed whole:
   * then the caller settles it file by file.
   */
  private claimedFolder(
    folder: FoundFolder,
    done: FolderResult,
    warnWalk: (i: number) => void,
    found: GrepDocument[],
  ): boolean {
    const { outcomes, details } = done;
    const joined = done.relPaths;
    const head = folder.idHead ?? '';
    if (!this.ids.claimFolder(`${head}${folder.relPath}/`, () => claimedIds(head, joined.split('\0'), outcomes)))
      return false;
    const paths = details.length > 0 ? joined.split('\0') : [];
    for (const [i, result] of details) {
      warnWalk(i);
      const relPath = paths[i] as string;
      const match = this.file(fileOf(folder, relPath), outcomes[i] as Outcome, result, fileId(head + relPath));
      if (match) found.push(match);
    }
    warnWalk(Infinity);
    return true;
  }
}

/**
 * Reports a folder's walk warnings up to file `i` (those before file `from` were reported with
 * an earlier part of the folder): call it with growing `i`, and with Infinity at the end.
 */
function walkWarner(folder: FolderResult | null, from: number, warn: WarningHandler): (i: number) => void {
  const walkWarnings = folder?.walkWarnings ?? [];
  let w = 0;
  return (i: number): void => {
    for (; w < walkWarnings.length && (walkWarnings[w] as [number, string, string])[0] <= i; w++) {
      const [, where, why] = walkWarnings[w] as [number, string, string];
      if ((walkWarnings[w] as [number, string, string])[0] >= from) warn(where, why);
    }
  };
}

/** A file of a folder searched elsewhere, from its path relative to the root (its `relPath` as the walk would give it). */
export function fileOf(folder: FoundFolder, relPath: string): FoundFile {
  const rest = relPath.slice(folder.relPath.length);
  return {
    absPath: folder.absPath + (path.sep === '/' ? rest : rest.split('/').join(path.sep)),
    relPath: (folder.idHead ?? '') + relPath,
    displayPath: folder.displayHead + shownPath(relPath),
  };
}

/** The ids claimed by a folder's files: those read, whatever they held (`head`: the folder's `idHead`). */
function* claimedIds(head: string, relPaths: readonly string[], outcomes: Uint8Array): Generator<string> {
  for (let i = 0; i < relPaths.length; i++)
    if (outcomes[i] === Outcome.NoMatch || outcomes[i] === Outcome.Match) yield fileId(head + (relPaths[i] as string));
}
