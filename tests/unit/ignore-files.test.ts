// Ignore files: the gitignore patterns compiled as git matches them (a differential test against
// `git ls-files`), and the walk's choice of files the same as `rg --files` on the same tree:
// .corpusignore before .ignore before .gitignore, nested files, `!`, .gitignore only in a repository.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isDocumentFile } from '../../src/core/input/file-kinds.js';
import { parseIgnoreFile, Verdict, verdictOf, type IgnoreStack } from '../../src/core/input/ignore-files.js';
import { walkFiles, walkFolder, walkUnits, type FoundFolder, type WalkOptions } from '../../src/core/input/walk.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new folder holding `files` (path → text; a path ending in `/` is an empty folder). */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-ignore-'));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    if (rel.endsWith('/')) fs.mkdirSync(abs, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
    }
  }
  return root;
}

/** The relative paths of the files the walk reads, sorted. */
function walked(root: string, options: Partial<WalkOptions> = {}, given = root): string[] {
  return [...walkFiles([{ given }], { cwd: root, ...options })].map((f) => f.relPath).sort();
}

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** What `rg --files` lists that the walk would read (it lists every kind of file). */
function rgFiles(root: string, args: string[] = []): string[] {
  return run('rg', ['--files', ...args], root)
    .split('\n')
    .filter((p) => p !== '' && isDocumentFile(path.basename(p)))
    .sort();
}

const stack = (rules: string, prefix = '', cut = 0): IgnoreStack => ({
  levels: [{ prefix, cut, rules: [null, null, parseIgnoreFile(rules)] }],
  inGit: true,
});

describe('gitignore patterns', () => {
  test('comments, blank lines and a lone ! are no pattern; trailing spaces go unless escaped', () => {
    const rules = parseIgnoreFile('\ufeff# comment\n\n!\n/\na.txt   \nb\\ \r\n\\#c\n');
    expect(rules.map((r) => [r.re.source, r.negative, r.dirOnly, r.basename])).toEqual([
      ['^a\\.txt$', false, false, true],
      ['^b $', false, false, true],
      ['^#c$', false, false, true],
    ]);
  });

  test('a name matches at any depth, a slash anchors to the folder, a trailing slash means folders', () => {
    const s = stack('notes.txt\n/top.txt\nbuild/\nsrc/*.md\n');
    const v = (rel: string, isDir = false) => verdictOf(s, rel, path.basename(rel), isDir);
    expect(v('notes.txt')).toBe(Verdict.Ignored);
    expect(v('a/b/notes.txt')).toBe(Verdict.Ignored);
    expect(v('top.txt')).toBe(Verdict.Ignored);
    expect(v('a/top.txt')).toBe(Verdict.None);
    expect(v('build', true)).toBe(Verdict.Ignored);
    expect(v('a/build', true)).toBe(Verdict.Ignored);
    expect(v('build')).toBe(Verdict.None);
    expect(v('src/x.md')).toBe(Verdict.Ignored);
    expect(v('src/a/x.md')).toBe(Verdict.None);
    // Only the path itself is matched: its folders were on the way down.
    expect(v('build/x.txt')).toBe(Verdict.None);
  });

  test('the last matching pattern decides, and ! reads what an earlier one left out', () => {
    const s = stack('*.txt\n!keep*.txt\nkeep-not.txt\n');
    const v = (rel: string) => verdictOf(s, rel, rel, false);
    expect([v('a.txt'), v('keep.txt'), v('keep-not.txt'), v('a.md')]).toEqual([
      Verdict.Ignored,
      Verdict.Whitelisted,
      Verdict.Ignored,
      Verdict.None,
    ]);
  });

  test('the rules of a folder above the root match paths from that folder', () => {
    // The rules are in the parent of the root, and the root is `docs` in it.
    const s = stack('/docs/draft.txt\n/draft.txt\n', 'docs/');
    expect(verdictOf(s, 'draft.txt', 'draft.txt', false)).toBe(Verdict.Ignored);
    expect(verdictOf(s, 'x/draft.txt', 'draft.txt', false)).toBe(Verdict.None);
  });

  test('the same files as git on a tree of tricky patterns (differential, git ls-files)', () => {
    const patterns = [
      '*.tmp.txt',
      '/root-only.txt',
      'dir-only/',
      'a/**/z.txt',
      '**/deep.txt',
      'trail/**',
      'q?.txt',
      'r[0-9].txt',
      's[!0-9].txt',
      't[[:upper:]].txt',
      'u[a-c-].txt',
      '\\#lit.txt',
      '\\!bang.txt',
      'sp\\ .txt',
      'trailing.txt   ',
      'mid/*.md',
      '!mid/keep.md',
      'x*y/',
      '*.skip.md',
      '!important.skip.md',
      'Case.txt',
      'br[.txt',
      'star**.txt',
      'doc/frotz/',
      'o/**/p/',
    ];
    const files = [
      'x.tmp.txt',
      'in/y.tmp.txt',
      'root-only.txt',
      'in/root-only.txt',
      'dir-only/f.txt',
      'in/dir-only/g.txt',
      'dir-only.txt',
      'a/z.txt',
      'a/b/c/z.txt',
      'b/a/z.txt',
      'deep.txt',
      'k/l/deep.txt',
      'trail/t.txt',
      'trail/u/v.txt',
      'q1.txt',
      'q12.txt',
      'r5.txt',
      'ra.txt',
      'sa.txt',
      's5.txt',
      'tA.txt',
      'ta.txt',
      'ub.txt',
      'u-.txt',
      'ud.txt',
      '#lit.txt',
      '!bang.txt',
      'sp .txt',
      'sp.txt',
      'trailing.txt',
      'mid/n.md',
      'mid/keep.md',
      'mid/sub/n.md',
      'xaay/f.txt',
      'xy.txt',
      'v.skip.md',
      'important.skip.md',
      'case.txt',
      'Case.txt',
      'br[.txt',
      'starry.txt',
      'doc/frotz/f.txt',
      'frotz/f.txt',
      'o/p/f.txt',
      'o/m/n/p/f.txt',
      'o/p.txt',
      'plain.txt',
    ];
    const root = tree(Object.fromEntries([['.gitignore', patterns.join('\n')], ...files.map((f) => [f, 'x'])]));
    run('git', ['init', '-q'], root);
    const byGit = run('git', ['ls-files', '--others', '--exclude-standard', '-z'], root)
      .split('\0')
      .filter((p) => p !== '' && p !== '.gitignore')
      .sort();
    expect(byGit).toContain('plain.txt');
    expect(byGit).not.toContain('x.tmp.txt');
    expect(walked(root)).toEqual(byGit);
  });
});

describe('the walk and ignore files', () => {
  // The same rules in .corpusignore as in rg's .rgignore, its name for the file that decides first.
  const layout = (custom: string): Record<string, string> => ({
    '.git/': '',
    '.gitignore': '*.tmp.txt\n/build/\ndata/\nsecret*\n',
    '.ignore': 'secret.txt\n!.visible.txt\n',
    [custom]: '!data/\n',
    'a.txt': 'x',
    'x.tmp.txt': 'x',
    'build/b.txt': 'x',
    'src/build/c.txt': 'x',
    'data/d.txt': 'x',
    'data/e.tmp.txt': 'x',
    'secret.txt': 'x',
    'secret2.txt': 'x',
    '.visible.txt': 'x',
    '.hidden.txt': 'x',
    'sub/.gitignore': '!keep.tmp.txt\n*.md\n',
    'sub/.ignore': '!readme.md\n',
    'sub/keep.tmp.txt': 'x',
    'sub/drop.tmp.txt': 'x',
    'sub/notes.md': 'x',
    'sub/readme.md': 'x',
    'nested/.git/': '',
    'nested/n.tmp.txt': 'x',
    'nested/.gitignore': 'n.txt\n',
    'nested/n.txt': 'x',
    'nested/m.txt': 'x',
  });

  test('the walk reads the same files as rg --files (differential)', () => {
    const ours = tree(layout('.corpusignore'));
    const rgs = tree(layout('.rgignore'));
    const expected = [
      '.visible.txt',
      'a.txt',
      'data/d.txt',
      'nested/m.txt',
      'nested/n.tmp.txt',
      'src/build/c.txt',
      'sub/keep.tmp.txt',
      'sub/readme.md',
    ];
    expect(rgFiles(rgs)).toEqual(expected);
    expect(walked(ours)).toEqual(expected);
  });

  test('--no-ignore reads all but hidden files, as rg --no-ignore', () => {
    const ours = tree(layout('.corpusignore'));
    const rgs = tree(layout('.rgignore'));
    expect(walked(ours, { noIgnore: true })).toEqual(rgFiles(rgs, ['--no-ignore']));
    expect(walked(ours, { noIgnore: true })).toContain('build/b.txt');
  });

  test('.gitignore counts only inside a git repository; .ignore and .corpusignore anywhere', () => {
    const root = tree({
      '.gitignore': 'a.txt\n',
      '.ignore': 'b.txt\n',
      '.corpusignore': 'c.txt\n',
      'a.txt': 'x',
      'b.txt': 'x',
      'c.txt': 'x',
    });
    expect(walked(root)).toEqual(['a.txt']);
    fs.mkdirSync(path.join(root, '.git'));
    expect(walked(root)).toEqual([]);
  });

  test('.corpusignore decides before .ignore, .ignore before .gitignore, a deeper file before a shallower', () => {
    const root = tree({
      '.git/': '',
      '.gitignore': '*.txt\n',
      '.ignore': '!*.txt\nno.txt\n',
      '.corpusignore': '!no.txt\n',
      'yes.txt': 'x',
      'no.txt': 'x',
      'sub/.ignore': 'yes.txt\n',
      'sub/yes.txt': 'x',
      'sub/other.txt': 'x',
    });
    expect(walked(root)).toEqual(['no.txt', 'sub/other.txt', 'yes.txt']);
  });

  test('a folder named is read even if ignored above it; the rules above still apply inside it', () => {
    const root = tree({
      '.git/': '',
      '.gitignore': 'drafts/\n*.bak.txt\n',
      'drafts/a.txt': 'x',
      'drafts/a.bak.txt': 'x',
    });
    expect(walked(root)).toEqual([]);
    expect(walked(root, {}, 'drafts')).toEqual(['a.txt']);
    // A file named is read whatever the ignore files say.
    expect(walked(root, {}, 'drafts/a.bak.txt')).toEqual(['a.bak.txt']);
  });

  test('a --glob that names a file reads it even where an ignore file leaves it out, as rg -g', () => {
    const root = tree({ '.ignore': '*.md\n', 'a.md': 'x', 'b.txt': 'x' });
    expect(walked(root)).toEqual(['b.txt']);
    expect(walked(root, { globs: ['*.md'] })).toEqual(['a.md']);
    expect(walked(root, { globs: ['!b.txt'] })).toEqual([]);
  });

  test('a folder walked on its own, in a worker, leaves out the same files as the walk of its root', () => {
    const root = tree(layout('.corpusignore'));
    const options: WalkOptions = { cwd: root };
    const units = [...walkUnits([{ given: root }], options)];
    const folders = units.filter((u): u is FoundFolder => 'folder' in u);
    // As a worker gets it: the folder cloned, walked with options that know nothing of ignore files.
    const inWorker = folders.flatMap((f) => [...walkFolder(structuredClone(f), { cwd: '' })]);
    // And with the rules read again from the folders above, as for a folder that comes without them.
    const reread = folders.flatMap((f) => [...walkFolder({ ...f, ignore: undefined }, { cwd: '' })]);
    const files = units.filter((u) => !('folder' in u)).map((f) => f.relPath);
    const all = [...files, ...inWorker.map((f) => f.relPath)].sort();
    expect(all).toEqual(walked(root));
    expect(reread.map((f) => f.relPath)).toEqual(inWorker.map((f) => f.relPath));
    // --no-ignore travels with the folders too.
    const off = [...walkUnits([{ given: root }], { cwd: root, noIgnore: true })].filter(
      (u): u is FoundFolder => 'folder' in u,
    );
    expect(off.flatMap((f) => [...walkFolder(structuredClone(f), { cwd: '' })]).map((f) => f.relPath)).toContain(
      'build/b.txt',
    );
  });

  test('an ignore file that cannot be read is said in a warning, and the walk goes on', () => {
    const root = tree({ 'a.txt': 'x', '.ignore/': '' });
    const warnings: string[] = [];
    expect(walked(root, { onWarning: (where, why) => warnings.push(`${where}: ${why}`) })).toEqual(['a.txt']);
    // A folder named .ignore is no ignore file: passed over in silence, as by rg.
    expect(warnings).toEqual([]);
    fs.rmdirSync(path.join(root, '.ignore'));
    fs.writeFileSync(path.join(root, '.ignore'), `${'x'.repeat(1 << 20)}\n`);
    walked(root, { onWarning: (where, why) => warnings.push(`${where}: ${why}`) });
    expect(warnings).toEqual([`${root}/.ignore: ignore file bigger than 1 MiB, not read`]);
  });
});
