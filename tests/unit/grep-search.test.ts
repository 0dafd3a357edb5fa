// Issue 6: the shortcuts that make grep fast give exactly the results of searching every line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { searchDocument, type LineMatcher } from '../../src/core/search/grep.js';
import { countLiteralLines } from '../../src/core/search/count-literal-lines.js';
import { FileReader } from '../../src/core/search/file-reader.js';
import { searchFolder } from '../../src/core/search/grep-batch.js';
import { contextOf, Outcome, searchFile, sparseLines } from '../../src/core/search/grep-task.js';
import { walkFolder } from '../../src/core/input/walk.js';
import { buildMatcher, type MatcherOptions } from '../../src/core/search/matcher.js';
import { textDocument } from '../helpers/record.js';

const doc = textDocument;

const TEXTS = [
  '',
  '\n',
  'one line',
  'dignity\n',
  'a\r\nb dignity\r\n\r\ndignity again dignity\r\n',
  'cr\ronly\rdignity\r',
  'mixed\nends\r\nhere\rdignity',
  'dignite\u0301 decomposed\ndignite plain\nCafe\u0301 and cafe\n',
  'free\nfreedom freely\nliberté liberta Freiheit свобода\n2024-01-02 and 2024-1-2\n',
  'the other\nbreathe the\n\nthe\n',
  '« guillemets\nspanning » lines\n« one » line\n',
  'tabs\tand  spaces \n\n   \n',
];

const PATTERNS: Partial<MatcherOptions>[] = [
  { patterns: ['dignity'], fixedStrings: true },
  { patterns: ['dignite'], fixedStrings: true },
  { patterns: ['free(?:dom|ly)|libert[éa]|freiheit|свобод|[0-9]{4}-[0-9]{2}-[0-9]{2}'], ignoreCase: true },
  { patterns: ['the'], wordRegexp: true, ignoreCase: true },
  { patterns: ['«[^»]*»'] },
  { patterns: ['\\s'] },
  { patterns: ['x*'] },
  { patterns: ['a.b|e\\s+l'] },
  { patterns: ['café'], ignoreCase: true },
  { patterns: ['^the'] },
  { patterns: ['line$'] },
  { patterns: ['e'], fixedStrings: true },
  { patterns: ['cafe', 'plain'], fixedStrings: true },
];

/** The same matcher without the whole-text search: every line searched on its own. */
const lineByLine = (m: LineMatcher): LineMatcher => ({ findAll: (line) => m.findAll(line) });

describe('searching only the lines the whole-text search lands in', () => {
  for (const options of PATTERNS) {
    test(`${JSON.stringify(options)}: the same hits as every line searched`, () => {
      const matcher = buildMatcher({ patterns: [], ...options });
      for (const text of TEXTS) {
        for (const maxCount of [undefined, 1, 2]) {
          const fast = searchDocument(doc(text), matcher, { maxCount });
          const slow = searchDocument(doc(text), lineByLine(matcher), { maxCount });
          expect({ text, hits: fast.hits, lines: fast.lines }).toEqual({ text, hits: slow.hits, lines: slow.lines });
          const bare = searchDocument(doc(text), matcher, { maxCount, withLines: false });
          expect(bare.hits).toEqual(slow.hits);
        }
      }
    });
  }

  test('a pattern with ^, $ or a lookaround searches every line', () => {
    expect(buildMatcher({ patterns: ['^a'] }).wholeText('a\na')).toBeNull();
    expect(buildMatcher({ patterns: ['a$'] }).wholeText('a\na')).toBeNull();
    expect(buildMatcher({ patterns: ['a(?!b)'] }).wholeText('a\na')).toBeNull();
    expect(buildMatcher({ patterns: ['a'], fold: true }).wholeText('a\na')).toBeNull();
    expect(buildMatcher({ patterns: ['a'], wordRegexp: true }).wholeText('a\na')).not.toBeNull();
  });
});

describe('literal lines counted on the raw bytes', () => {
  const count = (text: string, literals: string[], max = Infinity) =>
    countLiteralLines(
      Buffer.from(text),
      literals.map((l) => Buffer.from(l)),
      max,
    );

  test('counts lines, not occurrences, whatever ends them', () => {
    expect(count('dignity dignity\nno\ndignity\r\ndignity\rdignity', ['dignity'])).toBe(4);
    expect(count('', ['dignity'])).toBe(0);
    expect(count('a\nb\n', ['dignity'])).toBe(0);
    expect(count('cafe\nplain cafe\nnone\n', ['cafe', 'plain'])).toBe(2);
    expect(count('x\nx\nx\n', ['x'], 2)).toBe(2);
  });

  test('one literal (its own shorter loop) counts as the loop for several does', () => {
    // The same literal twice takes the general loop: the two must agree on random texts.
    let seed = 6;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['dig', 'dignity', 'ity', ' ', 'x', '\n', '\r', '\r\n', 'é', '\u0301', 'dignityé'];
    for (let t = 0; t < 3000; t++) {
      let text = '';
      for (let k = random(30); k > 0; k--) text += pieces[random(pieces.length)];
      const literal = ['dignity', 'dig', 'ity', 'x'][random(4)] as string;
      const max = random(4) === 0 ? 1 + random(3) : Infinity;
      expect(count(text, [literal], max), JSON.stringify([text, literal, max])).toBe(
        count(text, [literal, literal], max),
      );
    }
  });

  test('gives up where a byte ≥ 0x80 follows the literal (a combining accent NFC would join)', () => {
    expect(count('dignite\u0301\n', ['dignite'])).toBeNull();
    expect(count('dignitée\n', ['dignit'])).toBeNull();
    expect(count('dignite é\n', ['dignite'])).toBe(1);
    expect(count('é dignite\n', ['dignite'])).toBe(1);
  });

  test('only plain case-sensitive -F literals of safe ASCII characters count on bytes', () => {
    expect(buildMatcher({ patterns: ['dignity'], fixedStrings: true }).lineLiterals).toEqual([Buffer.from('dignity')]);
    expect(buildMatcher({ patterns: ['dignity'] }).lineLiterals).toBeNull();
    expect(buildMatcher({ patterns: ['dignity'], fixedStrings: true, ignoreCase: true }).lineLiterals).toBeNull();
    expect(buildMatcher({ patterns: ['dignity'], fixedStrings: true, wordRegexp: true }).lineLiterals).toBeNull();
    expect(buildMatcher({ patterns: ['Kelvin'], fixedStrings: true }).lineLiterals).toBeNull();
    expect(buildMatcher({ patterns: ['dignité'], fixedStrings: true }).lineLiterals).toBeNull();
  });
});

describe('what a worker sends back for the printer', () => {
  test('context lines around the hits, and a sparse copy of the lines that holds them', () => {
    const text = 'a\nb x\nc\nd\ne\nf x\ng\n';
    const result = searchDocument(doc(text), buildMatcher({ patterns: ['x'] }));
    const context = contextOf(result.hits, result.lines, 1, 1);
    expect(context).toEqual([
      [1, 'a'],
      [3, 'c'],
      [5, 'e'],
      [7, 'g'],
    ]);
    const lines = sparseLines({
      format: 'text',
      encoding: 'utf-8',
      bytes: 0,
      count: 2,
      hits: result.hits,
      lineCount: result.lines.length,
      context,
    });
    expect(lines.length).toBe(7);
    expect(lines[0]).toBe('a');
    expect(lines[3]).toBeUndefined();
    expect(lines[5]).toBe('f x');
  });
});

describe('one file read and searched for a worker', () => {
  test('an unreadable file claims no id and says why; a file the prefilter skips claims one', () => {
    const matcher = buildMatcher({ patterns: ['dignity'], fixedStrings: true });
    const spec = { mode: 'count' as const, before: 0, after: 0 };
    const missing = searchFile(
      { absPath: '/nonexistent/x.txt', displayPath: 'x.txt', format: 'text', compressed: false },
      matcher,
      spec,
      new FileReader(),
    );
    expect(missing.outcome).toBe(Outcome.Unread);
    expect(missing.error?.code).toBe('ENOENT');
    const skipped = searchFile(
      { absPath: __filename, displayPath: 't.ts', format: 'text', compressed: false },
      buildMatcher({ patterns: ['zq'.repeat(9)], fixedStrings: true }),
      spec,
      new FileReader(),
    );
    expect(skipped).toEqual({ outcome: Outcome.NoMatch });
  });
});

describe('searchFolder walks and searches a folder as the main thread would, file by file', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-grep-folder-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('top/b.txt', 'no\ndignity here\ndignity again\n');
  write('top/a.md', 'nothing\n');
  write('top/c.jsonl', '{"text":"dignity"}\n');
  write('top/deep/d.txt.gz', zlib.gzipSync('dignity\n'));
  write('top/deep/e.txt', Buffer.from('dignity\0binary'));
  write('top/.hidden/f.txt', 'dignity\n');
  const folder = { folder: true as const, absPath: path.join(root, 'top'), relPath: 'top', displayHead: 'corpus/' };
  const matcher = buildMatcher({ patterns: ['dignity'], fixedStrings: true });
  const spec = { mode: 'count' as const, before: 0, after: 0 };

  test('files in walk order, each with the outcome searchFile gives; JSON Lines left to the main thread', () => {
    const reader = new FileReader();
    const result = searchFolder(folder, {}, matcher, spec, reader);
    const walked = [...walkFolder(folder, { cwd: root })];
    expect(result.relPaths.split('\0')).toEqual(walked.map((f) => f.relPath));
    expect(result.relPaths.split('\0')).toEqual([
      'top/a.md',
      'top/b.txt',
      'top/c.jsonl',
      'top/deep/d.txt.gz',
      'top/deep/e.txt',
    ]);
    expect([...result.outcomes]).toEqual([
      Outcome.NoMatch,
      Outcome.Match,
      Outcome.Jsonl,
      Outcome.Match,
      Outcome.Unread,
    ]);
    expect(result.details.map(([i, r]) => [i, r.match?.count ?? null, r.warnings ?? null])).toEqual([
      [1, 2, null],
      [3, 1, null],
      [4, null, [['corpus/top/deep/e.txt', 'binary file (NUL byte in the first 8 KiB), skipped']]],
    ]);
    expect(result.walkWarnings).toEqual([]);
    // --hidden reaches the hidden folder, as the walk does.
    expect(searchFolder(folder, { hidden: true }, matcher, spec, reader).relPaths.split('\0')).toContain(
      'top/.hidden/f.txt',
    );
  });

  test('a folder gone by the time it is walked: a warning before the file it comes before', () => {
    const gone = { ...folder, absPath: path.join(root, 'gone'), relPath: 'gone' };
    const result = searchFolder(gone, {}, matcher, spec, new FileReader());
    expect(result.relPaths).toBe('');
    expect(result.outcomes.length).toBe(0);
    expect(result.walkWarnings).toEqual([[0, 'corpus/gone', 'no such file or folder']]);
  });
});
