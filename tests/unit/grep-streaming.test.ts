// A document's matches are handed out and printed a part at a time, the concordance and JSON
// cost what they print, and a pattern that keeps blowing up stops the run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DocumentSearcher, PART_HITS, searchDocument, type DocumentSearch } from '../../src/core/search/grep.js';
import { grepDocuments } from '../../src/core/search/grep-corpus.js';
import { GuardBudget, MatchTimeoutError, PatternTooCostlyError } from '../../src/core/search/backtracking-guard.js';
import { buildMatcher, type MatcherOptions } from '../../src/core/search/matcher.js';
import { kwicRow, leftContext, rightContext } from '../../src/core/search/kwic.js';
import { jsonPrinter, linesPrinter } from '../../src/format/grep-output.js';
import { capturedOutput } from '../../src/format/output-stream.js';
import { textDocument } from '../helpers/record.js';
import { Chalk } from 'chalk';

const doc = textDocument;

/** 2,500 lines: every line holding `x` but those numbered a multiple of 7. */
const MANY = Array.from({ length: 2500 }, (_, i) => ((i + 1) % 7 === 0 ? `plain ${i + 1}` : `x ${i + 1}`)).join('\n');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-grep-streaming-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('a document searched a part at a time', () => {
  for (const options of [{ patterns: ['x'] }, { patterns: ['^x'] }] as MatcherOptions[]) {
    test(`the parts are the whole search, cut every ${PART_HITS} matching lines: /${options.patterns[0]}/`, () => {
      const matcher = buildMatcher(options);
      const whole = searchDocument(doc(MANY), matcher, { withLines: false });
      const searcher = new DocumentSearcher(doc(MANY), matcher, { withLines: false });
      const parts = [];
      while (!searcher.done) parts.push(searcher.next(PART_HITS));
      expect(parts.map((p) => p.length)).toEqual([1000, 1000, 143]);
      expect(parts.flat()).toEqual(whole.hits);
      expect(searcher.found).toBe(2143);
    });
  }

  test('counting keeps no hit', () => {
    const searcher = new DocumentSearcher(doc(MANY), buildMatcher({ patterns: ['x'] }), { maxCount: 2000 });
    expect(searcher.next(Infinity, Infinity, false)).toEqual([]);
    expect([searcher.found, searcher.done]).toEqual([2000, true]);
  });

  test('grep yields a document of many matching lines in parts, the later ones marked continued', async () => {
    fs.writeFileSync(path.join(tmp, 'many.txt'), MANY);
    fs.writeFileSync(path.join(tmp, 'one.txt'), 'x once\n');
    const found = grepDocuments(
      { inputs: [{ given: tmp }], cwd: tmp },
      { missing: [] },
      buildMatcher({ patterns: ['x'] }),
      { matcherOptions: { patterns: ['x'] }, spec: { mode: 'lines', before: 0, after: 0 }, records: false },
    );
    const parts: [string, number, number, boolean][] = [];
    for await (const batch of found)
      for (const { search } of batch)
        parts.push([search.doc.id, search.hits.length, search.hits[0]?.line ?? 0, search.continued === true]);
    expect(parts).toEqual([
      ['many', 1000, 1, false],
      ['many', 1000, 1167, true],
      ['many', 143, 2334, true],
      ['one', 1, 1, false],
    ]);
  });
});

/** What a printer writes for the parts of one document. */
async function printed(
  make: (out: ReturnType<typeof capturedOutput>) => ReturnType<typeof linesPrinter>,
  parts: DocumentSearch[],
): Promise<string> {
  const out = capturedOutput(false);
  const printer = make(out);
  for (const part of parts) await printer.document(part, null);
  await printer.end();
  return out.text();
}

describe('printing a document that comes in parts', () => {
  // Hits on lines 2, 4, 9; lines 1-10. Cut after line 4: lines 5-6 are context of line 4,
  // line 7 of line 9, and 3 of both.
  const lines = Array.from({ length: 10 }, (_, i) => (i === 1 || i === 3 || i === 8 ? `x ${i + 1}` : `l ${i + 1}`));
  const search = searchDocument(doc(lines.join('\n')), buildMatcher({ patterns: ['x'] }));
  const base = { doc: { ...search.doc, id: 'd' } };
  const whole: DocumentSearch = { ...base, lines: search.lines, hits: search.hits };
  const parts: DocumentSearch[] = [
    { ...base, lines: search.lines, hits: search.hits.slice(0, 2) },
    { ...base, lines: search.lines, hits: search.hits.slice(2), continued: true },
  ];

  const windows: [number, number][] = [
    [0, 0],
    [1, 1],
    [2, 0],
    [0, 3],
    [2, 2],
  ];
  for (const [before, after] of windows) {
    test(`the lines printer prints parts as it prints the whole: -B${before} -A${after}`, async () => {
      const make = (out: ReturnType<typeof capturedOutput>) =>
        linesPrinter({ out, chalk: new Chalk({ level: 0 }), heading: false, before, after });
      expect(await printed(make, parts)).toBe(await printed(make, [whole]));
    });
  }

  test('the context of a part crossing into the next is printed once, hits as hits', async () => {
    const make = (out: ReturnType<typeof capturedOutput>) =>
      linesPrinter({ out, chalk: new Chalk({ level: 0 }), heading: false, before: 1, after: 3 });
    expect(await printed(make, parts)).toBe(
      'd-1-l 1\nd:2:x 2\nd-3-l 3\nd:4:x 4\nd-5-l 5\nd-6-l 6\nd-7-l 7\nd-8-l 8\nd:9:x 9\nd-10-l 10\n',
    );
  });

  test('JSON: one object a matching line, its matches in it, columns counted on', async () => {
    const line = `${'😀 amet '.repeat(3)}end`;
    const hit = { line: 1, text: line, matches: buildMatcher({ patterns: ['amet'] }).findAll(line) };
    const part: DocumentSearch = { ...base, lines: [line], hits: [hit] };
    const out = capturedOutput(false);
    const printer = jsonPrinter(out, true, 1, 1);
    await printer.document(part, { title: 'T', lang: 'en', date: null, source: null });
    await printer.end();
    expect(JSON.parse(out.text())).toEqual({
      id: 'd',
      path: 'd.txt',
      line: 1,
      text: line,
      matches: [3, 10, 17].map((column) => ({ column, match: 'amet' })),
      before: [],
      after: [],
      doc: { title: 'T', lang: 'en', date: null, source: null },
    });
  });
});

describe('the concordance looks only at its width a side', () => {
  const texts = [
    `${'word '.repeat(5000)}amet${' tail'.repeat(5000)}`,
    `a  \t\n  b${' '.repeat(1000)}amet${'\u00a0'.repeat(300)}z`,
    `😀😀😀 é${'😀'.repeat(50)}amet${'😀x'.repeat(40)}`,
    'amet',
    'x amet',
  ];
  for (const [k, text] of texts.entries()) {
    test(`rows are those of the whole line, cut: text ${k}`, () => {
      const start = text.indexOf('amet');
      for (const width of [1, 5, 20, 40]) {
        expect(kwicRow('d', 1, 1, text, start, start + 4, width)).toEqual({
          id: 'd',
          line: 1,
          column: 1,
          left: leftContext(text.slice(0, start), width),
          match: 'amet',
          right: rightContext(text.slice(start + 4), width),
        });
      }
    });
  }
});

describe('a time budget for the run, not only for a line', () => {
  test('a pattern that keeps blowing up stops after 10 lines given up on, the later ones cut at 50 ms', () => {
    const matcher = buildMatcher({ patterns: ['^(a+)+\\1$'], timeoutMs: 100 });
    const line = `${'a'.repeat(40)}!`;
    const limits: string[] = [];
    let stopped: unknown = null;
    for (let i = 0; i < 20 && stopped === null; i++) {
      try {
        matcher.findAll(line);
      } catch (err) {
        if (err instanceof MatchTimeoutError) limits.push(`${err.timeoutMs}`);
        else stopped = err;
      }
    }
    expect(limits).toEqual(['100', '50', '50', '50', '50', '50', '50', '50', '50']);
    expect(stopped).toBeInstanceOf(PatternTooCostlyError);
    expect((stopped as PatternTooCostlyError).linesGivenUp).toBe(10);
  });

  test('slow lines that are never given up on stop the run once they have taken 3 s', () => {
    const budget = new GuardBudget('p', 250);
    budget.spend(0.5);
    for (let i = 0; i < 14; i++) budget.spend(200);
    expect(() => budget.spend(200)).toThrow(
      'pattern /p/ is too costly on this corpus (catastrophic backtracking): 0 lines given up on, 3.0 s spent on slow lines; search stopped',
    );
  });
});
