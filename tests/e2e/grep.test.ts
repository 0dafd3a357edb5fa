// grep through the built bin/corpus: counts agree with ripgrep, no pattern hangs, pipes end quietly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, runBin } from '../helpers/run-bin.js';

const CORPORA = ['seeds', 'tests/fixtures/dupes'];

// Literals, regexes, -i, -w and -F, in the subset where JavaScript and ripgrep agree
// (no \b, \w, \d: those are ASCII in JavaScript and Unicode in ripgrep).
const CASES: string[][] = [
  ['Biélorussie'],
  ['biélorusse'],
  ['Russie'],
  ['russe'],
  ['-w', 'russe'],
  ['-w', 'russes'],
  ['-i', 'BIÉLORUSSIE'],
  ['-i', 'poutine'],
  ['-F', 'l’Ukraine'],
  ['-F', '(93 miles)'],
  ['-F', 'Loading...'],
  ['Loading...'],
  ['^Le '],
  ['\\.$'],
  ['[0-9]{4}'],
  ['Minsk|Moscou'],
  ['exercices? militaires?'],
  ['^$'],
  ['«[^»]*»'],
  ['-w', '-i', 'la'],
  ['-i', '-w', 'harbour'],
  ['the (old|new) '],
  ['[A-Z]{3,}'],
  ['-F', '-i', 'MINSK'],
  ['é'],
  ['\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+'],
];

function rgCounts(args: string[], corpus: string): string {
  const r = spawnSync('rg', ['--no-config', '-c', '--sort', 'path', ...args, '--', corpus], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.error) throw new Error(`ripgrep is needed for this test (apt-get install ripgrep): ${r.error.message}`);
  // rg prints path:count; corpus prints id:count (the path relative to the corpus, without extension).
  return r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const at = l.lastIndexOf(':');
      return `${path.relative(corpus, l.slice(0, at)).replace(/\.txt$/, '')}:${l.slice(at + 1)}`;
    })
    .sort()
    .join('\n');
}

describe('grep -c agrees with rg -c', () => {
  for (const corpus of CORPORA) {
    for (const args of CASES) {
      test(`${corpus}: ${args.join(' ')}`, () => {
        const ours = runBin(['grep', '-c', ...args, corpus]);
        expect(ours.stderr).toBe('');
        expect(
          ours.stdout
            .trimEnd()
            .split('\n')
            .filter((l) => l !== '')
            .sort()
            .join('\n'),
        ).toBe(rgCounts(args, corpus));
      });
    }
  }
});

describe('grep end to end', () => {
  test('--fold bielorussie finds the accented spellings across the seeds', () => {
    const r = runBin(['grep', '-l', '--fold', 'bielorussie']);
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout: '000_fdb09ddbbd769acc\n001_34f256881794425b\n002_075e5e7c38a2ef25\n003_d5acbb01e160b551\n',
    });
  });

  test('hostile pattern does not hang: (a+)+$ on a 50,000-character line returns', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-hostile-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), `${'a'.repeat(50000)}b\n`);
    const started = Date.now();
    const plain = runBin(['grep', '-c', '(a+)+$', dir]);
    const guarded = runBin(['grep', '-c', '-w', '(a+)+$', dir]);
    const elapsed = Date.now() - started;
    fs.rmSync(dir, { recursive: true, force: true });
    expect(plain).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(guarded.status).toBe(1);
    expect(guarded.stderr).toMatch(/^corpus: warning: .*a\.txt:1: pattern .* gave up after 250 ms .*\n$/);
    // Generous: both runs, process start-up included, on a loaded machine.
    expect(elapsed).toBeLessThan(20000);
  });

  test('grep | head -1 ends quietly with status 0', () => {
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" grep -i e | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toHaveLength(2);
  });

  test('a UTF-16 file and a Windows-1252 file are searched as text', () => {
    const r = runBin(['grep', '-c', '-e', 'moulin', '-e', 'café', 'tests/fixtures/mixed']);
    expect(r.stdout).toBe('latin1:1\nutf16:1\n');
  });

  test('JSON Lines records that cannot match are left unread, with the ids and warnings of a whole read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-e2e-jsonl-'));
    try {
      const file = path.join(dir, 'news.jsonl');
      fs.writeFileSync(
        file,
        [
          '{"id":"a","text":"nothing here"}',
          '{"id":"Brücke","text":"nor here"}',
          'not json',
          '{"id":"a","text":"human dignity\\nand dignity again"}',
          '{"id":"Br\\u00fccke","text":"the \\u0064ignity of an escape"}',
          '{"id":"b","title":"no text"}',
          '{"text":"caf\\u00e9 dignity"}\r',
          '{"id":"c","text":"and/or","url":"https:\\/\\/example.org\\/dignity"}',
        ].join('\n'),
      );
      const warnings = [
        `corpus: warning: ${file}:3: not valid JSON, skipped`,
        `corpus: warning: ${file}:4: id a is taken, using a~2`,
        `corpus: warning: ${file}:5: id Brücke is taken, using Brücke~2`,
        `corpus: warning: ${file}:6: no text, content, body, article or full_text field, skipped`,
      ];
      const counts = runBin(['grep', '-c', '-F', 'dignity', file]);
      expect(counts).toEqual({
        stdout: 'a~2:2\nBrücke~2:1\nnews#7:1\n',
        stderr: `${warnings.join('\n')}\n`,
        status: 0,
      });
      const none = runBin(['grep', '-c', '-F', 'freedom', file]);
      expect(none).toEqual({ stdout: '', stderr: `${warnings.join('\n')}\n`, status: 1 });
      // A slash is written \/ in JSON: a literal holding one is searched in every record.
      expect(runBin(['grep', '-F', 'and/or', file]).stdout).toBe('c:1:and/or\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
