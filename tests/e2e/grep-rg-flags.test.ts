// grep's ripgrep flags through the built bin/corpus, against rg on the same files: -v, -o, -q,
// -L (rg's --files-without-match), --count-matches and --stats give the same lines, numbers and
// exit status, rg's paths mapped to corpus ids. The fixture (tests/fixtures/grep-flags) has
// several matches a line, a document without a match, CRLF lines, an empty file and a subfolder.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';

const CORPUS = 'tests/fixtures/grep-flags';

// Patterns where JavaScript and ripgrep agree, with no `$` (rg keeps a CRLF line's CR in it).
const PATTERNS: string[][] = [['fox'], ['-i', 'fox'], ['dog|fox'], ['o'], ['-w', 'fox'], ['^$'], ['-F', 'a fox']];

interface Run {
  stdout: string;
  status: number | null;
}

function rg(args: string[]): Run {
  const r = spawnSync('rg', ['--no-config', '--sort', 'path', ...args, '--', CORPUS], { cwd: ROOT, encoding: 'utf8' });
  if (r.error) throw new Error(`ripgrep is needed for this test (apt-get install ripgrep): ${r.error.message}`);
  return { stdout: r.stdout, status: r.status };
}

function ours(args: string[]): Run {
  const r = runBin(['grep', ...args, CORPUS]);
  expect(r.stderr).toBe('');
  return { stdout: r.stdout, status: r.status };
}

/** The corpus id of a path rg prints (relative to the corpus, without its extension). */
const idOf = (file: string): string => path.relative(CORPUS, file).replace(/\.txt$/, '');

/** Output lines, `path` + separator + rest turned into `id` + separator + rest, CRs dropped, sorted. */
function mapped(stdout: string, withPath: boolean): string[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const line = l.replace(/\r$/, '');
      if (!withPath) return line;
      const at = line.indexOf(':');
      return at === -1 ? idOf(line) : `${idOf(line.slice(0, at))}${line.slice(at)}`;
    })
    .sort();
}

const sorted = (stdout: string): string[] => mapped(stdout, false);

describe('grep flags agree with ripgrep', () => {
  for (const pattern of PATTERNS) {
    const name = pattern.join(' ');

    test(`-v ${name}: the lines that do not match, id:line:text`, () => {
      const r = rg(['-v', '-n', '--with-filename', '--no-heading', ...pattern]);
      const o = ours(['-v', ...pattern]);
      expect(sorted(o.stdout)).toEqual(mapped(r.stdout, true));
      expect(o.status).toBe(r.status);
    });

    test(`-v -c ${name}: lines that do not match, counted`, () => {
      const r = rg(['-v', '-c', '--with-filename', ...pattern]);
      expect(sorted(ours(['-v', '-c', ...pattern]).stdout)).toEqual(mapped(r.stdout, true));
    });

    test(`-v -l ${name}: documents with a line that does not match`, () => {
      const r = rg(['-v', '-l', ...pattern]);
      expect(sorted(ours(['-v', '-l', ...pattern]).stdout)).toEqual(mapped(r.stdout, true));
    });

    test(`-o ${name}: each match on a line, id:line:match`, () => {
      const r = rg(['-o', '-n', '--with-filename', '--no-heading', ...pattern]);
      const o = ours(['-o', ...pattern]);
      expect(sorted(o.stdout)).toEqual(mapped(r.stdout, true));
      expect(o.status).toBe(r.status);
    });

    test(`--count-matches ${name}: matches, not lines, a document`, () => {
      const r = rg(['--count-matches', '--with-filename', ...pattern]);
      expect(sorted(ours(['--count-matches', ...pattern]).stdout)).toEqual(mapped(r.stdout, true));
    });

    test(`-v --count-matches ${name}: each line that does not match counts once`, () => {
      const r = rg(['-v', '--count-matches', '--with-filename', ...pattern]);
      expect(sorted(ours(['-v', '--count-matches', ...pattern]).stdout)).toEqual(mapped(r.stdout, true));
    });

    test(`-L ${name}: documents without a match, and rg's exit status`, () => {
      const r = rg(['--files-without-match', ...pattern]);
      const o = ours(['-L', ...pattern]);
      expect(sorted(o.stdout)).toEqual(mapped(r.stdout, true));
      expect(o.status).toBe(r.status);
    });

    test(`-q ${name}: nothing printed, rg's exit status`, () => {
      const r = rg(['-q', ...pattern]);
      const o = ours(['-q', ...pattern]);
      expect(o).toEqual({ stdout: '', status: r.status });
    });

    test(`--stats ${name}: the same matches, lines, documents and bytes`, () => {
      // rg's lines 1–4 and 6 (bytes printed differ: ids are not paths); "files" are documents here.
      const figures = (stdout: string): string[] => {
        const lines = stdout.split('\n');
        const from = lines.findIndex((l) => / matches$/.test(l));
        return [0, 1, 2, 3, 5].map((i) => (lines[from + i] ?? '').replace(/ files /, ' documents '));
      };
      const r = rg(['--stats', ...pattern]);
      const o = ours(['--stats', ...pattern]);
      expect(figures(o.stdout)).toEqual(figures(r.stdout));
      expect(o.stdout).toMatch(/\n\d+\.\d{6} seconds spent searching\n\d+\.\d{6} seconds\n$/);
    });

    test(`-L --stats ${name}: the figures of the whole search, the documents without a match listed`, () => {
      const r = rg(['--files-without-match', '--stats', ...pattern]);
      const o = ours(['-L', '--stats', ...pattern]);
      const [listed, stats] = o.stdout.split('\n\n');
      const [rgListed, rgStats] = r.stdout.split('\n\n');
      expect(sorted(listed ?? '')).toEqual(mapped(rgListed ?? '', true));
      const figures = (text: string): string[] =>
        text
          .split('\n')
          .filter((l) => / (matches|matched lines|contained matches|searched)$/.test(l) && !/bytes/.test(l));
      expect(figures(stats ?? '')).toEqual(figures((rgStats ?? '').replace(/ files /g, ' documents ')));
      expect(figures(stats ?? '')).toHaveLength(4);
    });
  }

  test('--count-matches -m 1 and -o -c count the matches of what they keep, as rg does', () => {
    const r = rg(['--count-matches', '-m', '1', '--with-filename', 'o']);
    expect(sorted(ours(['--count-matches', '-m', '1', 'o']).stdout)).toEqual(mapped(r.stdout, true));
    const c = rg(['-o', '-c', '--with-filename', 'o']);
    expect(sorted(ours(['-o', '-c', 'o']).stdout)).toEqual(mapped(c.stdout, true));
  });

  test('-o -v prints the lines that do not match whole, as rg 13 does', () => {
    const r = rg(['-o', '-v', '-n', '--with-filename', '--no-heading', 'fox']);
    expect(sorted(ours(['-o', '-v', 'fox']).stdout)).toEqual(mapped(r.stdout, true));
  });

  test('-q with no match exits 1, and -L lists only the empty document when -v selects every line', () => {
    expect(ours(['-q', 'zebra'])).toEqual({ stdout: '', status: 1 });
    const r = rg(['--files-without-match', '-v', 'zebra']);
    expect(mapped(r.stdout, true)).toEqual(['empty']);
    expect(ours(['-L', '-v', 'zebra'])).toEqual({ stdout: 'empty\n', status: r.status });
  });
});
