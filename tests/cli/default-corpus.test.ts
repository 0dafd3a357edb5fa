import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-default-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (rel: string, text: string): void => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
write('plain/a.txt', 'Alpha\n\nThe harbour at dawn.\n');
write('plain/sub/b.md', '# Beta\n\nThe harbour at dusk.\n');
write('project/.corpus.json', '{"paths": ["docs"]}\n');
write('project/docs/c.txt', 'Gamma\n\nNo harbour here.\n');
write('project/drafts/d.txt', 'Delta\n\nNot in the corpus.\n');
write('broken/.corpus.json', '{"paths": "docs"}\n');
write('news/cmn/00.txt', 'Chinese\n\nOne.\n');
write('news/jpn/00.txt', 'Japanese\n\nTwo.\n');
write('news/jpn/01.txt', 'Japanese\n\nThree.\n');

const DIM = (text: string): string => `\u001b[2m${text}\u001b[22m\n`;

describe('the corpus read when none is named', () => {
  test('in the repository, its project file names the seeds, said in one dim line on a terminal', async () => {
    const r = await runCli(['list', '--fields', 'id', '--format', 'tsv', '--no-cache'], { tty: true });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('000_fdb09ddbbd769acc');
    expect(r.stderr).toBe(DIM(`corpus: reading seeds/ (from ${path.join(ROOT, '.corpus.json')})`));
  });

  test('nothing is said in a pipe, nor when the corpus is named', async () => {
    expect((await runCli(['list', '--fields', 'id', '--no-cache'])).stderr).toBe('');
    const named = await runCli(['list', '--fields', 'id', '--no-cache', 'seeds'], { tty: true });
    expect(named.stderr).toBe('');
  });

  test('without colour the line is plain', async () => {
    const r = await runCli(['list', '--fields', 'id', '--no-cache'], { tty: true, env: { NO_COLOR: '1' } });
    expect(r.stderr).toBe(`corpus: reading seeds/ (from ${path.join(ROOT, '.corpus.json')})\n`);
  });

  test("a project file's paths are read from its own folder, from a folder below it too", async () => {
    const cwd = path.join(dir, 'project/drafts');
    const r = await runCli(['list', '--fields', 'id,path', '--format', 'tsv', '--no-cache'], {
      cwd,
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(r.stdout).toBe('c\t../docs/c.txt\n');
    expect(r.stderr).toBe(`corpus: reading ../docs/ (from ${path.join(dir, 'project/.corpus.json')})\n`);
  });

  test('with no project file and no CORPUS_PATH, the current folder, as ripgrep reads it', async () => {
    const cwd = path.join(dir, 'plain');
    const r = await runCli(['list', '--fields', 'id,path', '--format', 'tsv', '--no-cache'], {
      cwd,
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(r).toMatchObject({ status: 0, stdout: 'a\ta.txt\nsub/b\tsub/b.md\n' });
    expect(r.stderr).toBe('corpus: reading ./ (the current folder)\n');
    const grep = await runCli(['grep', '-c', 'harbour', '--no-cache'], { cwd });
    expect(grep).toMatchObject({ status: 0, stdout: 'a:1\nsub/b:1\n', stderr: '' });
  });

  test('CORPUS_PATH, where no project file is found', async () => {
    const r = await runCli(['list', '--fields', 'id', '--no-cache'], {
      cwd: path.join(dir, 'plain'),
      tty: true,
      env: { NO_COLOR: '1', CORPUS_PATH: path.join(dir, 'news/jpn') },
    });
    expect(r.stdout).toContain('01');
    expect(r.stderr).toBe(`corpus: reading ${path.join(dir, 'news/jpn')}/ (from CORPUS_PATH)\n`);
  });

  test('a project file that names no paths is an error (2) naming it', async () => {
    const r = await runCli(['list', '--no-cache'], { cwd: path.join(dir, 'broken') });
    expect(r).toMatchObject({
      status: 2,
      stdout: '',
      stderr: `corpus: project file ${path.join(dir, 'broken/.corpus.json')}: must hold {"paths": [...]}, a list of one or more folders, files or globs\n`,
    });
  });
});

describe('show takes paths', () => {
  const cwd = dir;

  test('a file path alone shows that file', async () => {
    const r = await runCli(['show', 'news/jpn/01.txt', '--no-cache'], { cwd });
    expect(r).toMatchObject({ status: 0, stdout: 'Japanese\n\nThree.\n', stderr: '' });
  });

  test('an id is looked up in the folder named beside it', async () => {
    const r = await runCli(['show', '--meta', '01', 'news/jpn', '--no-cache'], { cwd });
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['id\t01', 'path\tnews/jpn/01.txt']);
  });

  test('a folder alone shows all its documents; several paths, ids that tell them apart', async () => {
    const r = await runCli(['show', '--meta', '--format', 'jsonl', 'news/cmn', 'news/jpn/00.txt', '--no-cache'], {
      cwd,
    });
    expect(r.stdout.split('\n').map((line) => (line === '' ? '' : (JSON.parse(line) as { id: string }).id))).toEqual([
      'cmn/00',
      'jpn/00',
      '',
    ]);
  });

  test('an argument that is both a path and an id is the path; with --corpus, the id', async () => {
    // `plain/sub` is a folder here, and the id prefix of `sub/b` in the corpus `plain`.
    write('sub/zzz.txt', 'Zed\n\nA folder named like an id.\n');
    const asPath = await runCli(['show', 'sub', '--no-cache'], { cwd: dir });
    expect(asPath.stdout).toBe('Zed\n\nA folder named like an id.\n');
    const asId = await runCli(['show', '--corpus', 'plain', 'sub', '--no-cache'], { cwd: dir });
    expect(asId.stdout).toBe('# Beta\n\nThe harbour at dusk.\n');
  });

  test('an id that is no path keeps working in the default corpus', async () => {
    const r = await runCli(['show', '--meta', '003', '--no-cache']);
    expect(r.stdout.split('\n')[0]).toBe('id\t003_d5acbb01e160b551');
  });
});
