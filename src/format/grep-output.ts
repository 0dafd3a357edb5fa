// Prints grep results as ripgrep does: matching lines (or, with -o, matches) with context, a
// heading per document on a terminal and `id:line:text` in a pipe; document ids or paths; or one
// JSON object per matching line. Counts and the other formats are in grep-rows.ts.

import type { ChalkInstance } from 'chalk';
import { Columns, contextGroups, type DocumentSearch, type LineHit, type MatchRange } from '../core/search/grep.js';
import { BufferedWriter, type OutputStream } from './output-stream.js';
import { visible } from './sanitize.js';

/** The document metadata a grep result carries. */
export interface DocInfo {
  title: string | null;
  lang: string;
  date: string | null;
  source: string | null;
}

/** Receives each searched document that matched, then ends the output. */
export interface GrepPrinter {
  document(result: DocumentSearch, info: DocInfo | null): Promise<void>;
  end(): Promise<void>;
}

export interface LinesPrinterOptions {
  out: OutputStream;
  chalk: ChalkInstance;
  /** A heading per document and highlighted matches, for a terminal. */
  heading: boolean;
  before: number;
  after: number;
  /** -v: the hits are lines that do not match, shown with nothing highlighted. */
  invert?: boolean;
  /** -o: each match of a hit on a line of its own (with -v, the whole line, as ripgrep does). */
  only?: boolean;
}

/** Writes a line with its matches highlighted; document text is made visible on a terminal. */
function highlight(text: string, matches: MatchRange[], chalk: ChalkInstance, terminal: boolean): string {
  const show = terminal ? visible : (s: string) => s;
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += show(text.slice(at, m.start)) + chalk.bold.red(show(text.slice(m.start, m.end)));
    at = m.end;
  }
  return out + show(text.slice(at));
}

/**
 * Matching lines and context: ripgrep's standard printer. A document may come in parts (see
 * DocumentSearch.continued): the context lines after a part's last hit are held back until the
 * next part says which of them are hits, or the document ends.
 */
export function linesPrinter(options: LinesPrinterOptions): GrepPrinter {
  const { chalk, heading, before, after } = options;
  const invert = options.invert === true;
  const only = options.only === true;
  const writer = new BufferedWriter(options.out);
  const context = before > 0 || after > 0;
  let documents = 0;
  /** The last line printed of the document being printed. */
  let printedTo = 0;
  /** Context lines after the last hit printed, up to `to`, in `lines`. */
  let held: { id: string; lines: string[]; to: number } | null = null;

  const line = async (id: string, n: number, hit: LineHit | undefined, lines: string[]): Promise<void> => {
    const sep = hit ? ':' : '-';
    const prefix = heading ? `${chalk.green(String(n))}${sep}` : `${id}${sep}${n}${sep}`;
    if (hit && only && !invert) {
      for (const m of hit.matches) {
        const text = hit.text.slice(m.start, m.end);
        await writer.write(`${prefix}${chalk.bold.red(heading ? visible(text) : text)}\n`);
      }
      return;
    }
    const text = hit
      ? highlight(hit.text, invert ? [] : hit.matches, chalk, heading)
      : heading
        ? visible(lines[n - 1] ?? '')
        : (lines[n - 1] ?? '');
    await writer.write(`${prefix}${text}\n`);
  };
  /** Prints the held context lines up to line `upTo`. */
  const release = async (upTo: number): Promise<void> => {
    if (held === null) return;
    const { id, lines, to } = held;
    held = null;
    for (let n = printedTo + 1; n <= Math.min(to, upTo); n++) await line(id, n, undefined, lines);
    printedTo = Math.max(printedTo, Math.min(to, upTo));
  };

  return {
    async document(result, info) {
      const id = result.doc.id;
      const hits = result.hits;
      if (!result.continued) {
        await release(Infinity);
        if (heading) {
          if (documents > 0) await writer.write('\n');
          const meta = info
            ? [info.title, info.lang, info.date ?? 'undated'].filter((v) => v !== null).join(' · ')
            : '';
          await writer.write(`${chalk.magenta(visible(id))}${meta ? `  ${chalk.dim(visible(meta))}` : ''}\n`);
        } else if (documents > 0 && context) await writer.write('--\n');
        documents++;
        printedTo = 0;
      } else await release((hits[0]?.line ?? Infinity) - 1);
      const hitAt = new Map(hits.map((h) => [h.line, h]));
      const lastHit = hits[hits.length - 1]?.line ?? 0;
      for (const group of contextGroups(hits, result.lines.length, before, after)) {
        const from = Math.max(group.from, printedTo + 1);
        if (context && printedTo > 0 && from > printedTo + 1)
          await writer.write(heading ? `${chalk.dim('--')}\n` : '--\n');
        const to = Math.min(group.to, lastHit);
        for (let n = from; n <= to; n++) await line(id, n, hitAt.get(n), result.lines);
        printedTo = Math.max(printedTo, to);
        if (group.to > lastHit) held = { id, lines: result.lines, to: group.to };
      }
    },
    async end() {
      await release(Infinity);
      await writer.flush();
    },
  };
}

/** `-l`: the ids (or, with `--paths`, the paths) of matching documents, each once. */
export function filesPrinter(
  out: OutputStream,
  chalk: ChalkInstance,
  terminal: boolean,
  paths: boolean,
  nul: boolean,
): GrepPrinter {
  const writer = new BufferedWriter(out);
  const seen = new Set<string>();
  return {
    async document(result) {
      const name = paths ? result.doc.path : result.doc.id;
      if (seen.has(name)) return;
      seen.add(name);
      await writer.write(`${terminal ? chalk.magenta(visible(name)) : name}${nul ? '\0' : '\n'}`);
    },
    end: () => writer.flush(),
  };
}

/**
 * One object per matching line, for `--json` (an array) and `--format jsonl` (a line each), its
 * matches listed in it as ripgrep lists a line's submatches: a line is written once however many
 * matches it holds (one object a match repeated a line of a megabyte 40,000 times).
 */
export function jsonPrinter(
  out: OutputStream,
  lines: boolean,
  before: number,
  after: number,
  invert = false,
): GrepPrinter {
  const writer = new BufferedWriter(out);
  let count = 0;
  return {
    async document(result, info) {
      const { doc } = result;
      for (const hit of result.hits) {
        const columns = new Columns(hit.text);
        const object = {
          id: doc.id,
          path: doc.path,
          line: hit.line,
          text: hit.text,
          // -v: a line that does not match has no matches to list (ripgrep's `submatches: []`).
          matches: (invert ? [] : hit.matches).map((m) => ({
            column: columns.of(m.start),
            match: hit.text.slice(m.start, m.end),
          })),
          before: result.lines.slice(Math.max(0, hit.line - 1 - before), hit.line - 1),
          after: result.lines.slice(hit.line, hit.line + after),
          doc: info,
        };
        if (lines) await writer.write(`${JSON.stringify(object)}\n`);
        else await writer.write(`${count === 0 ? '[\n  ' : ',\n  '}${JSON.stringify(object)}`);
        count++;
      }
    },
    async end() {
      if (!lines) await writer.write(count === 0 ? '[]\n' : '\n]\n');
      await writer.flush();
    },
  };
}
