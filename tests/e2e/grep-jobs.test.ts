// Issue 6: grep searches in worker threads on a big corpus; whatever --jobs is, the output
// (lines, counts, ids, JSON, context, warnings) is byte for byte the same. The corpus has about
// 320 files in three folders; CORPUS_GREP_PARALLEL_FROM starts the workers at 200 for every kind
// of search. In -c and -l modes a worker walks a whole folder (f2 here, after f0 and f1 were
// searched in the main thread while the corpus was too small for workers).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';

let dir = '';

const WORDS = ['dignity', 'liberté', 'freedom', 'Freiheit', 'свобода', 'rights', 'human', 'family', 'the', 'peace'];

/** A corpus of 320 documents, in every encoding and shape the reader knows, with id clashes. */
function makeCorpus(root: string): void {
  const mixed = path.join(ROOT, 'tests/fixtures/mixed');
  for (let i = 0; i < 300; i++) {
    const folder = path.join(root, `f${Math.floor(i / 100)}`);
    fs.mkdirSync(folder, { recursive: true });
    const lines: string[] = [`Title ${i}`, '', `${2000 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`];
    for (let k = 0; k < 6 + (i % 7); k++)
      lines.push(`${WORDS[(i + k) % WORDS.length]} and ${WORDS[(i * k + 3) % WORDS.length]} line ${k}`);
    // Decomposed é after the literal: NFC makes "dignité" of it, so -F dignite must not count it.
    if (i % 17 === 0) lines.push('dignite\u0301 decomposed');
    if (i % 19 === 0) lines.push('dignite plain');
    const name = `${String(i).padStart(3, '0')}_doc`;
    const text = lines.join(i % 5 === 0 ? '\r\n' : i % 23 === 0 ? '\r' : '\n') + (i % 3 === 0 ? '' : '\n');
    if (i % 29 === 0) fs.writeFileSync(path.join(folder, `${name}.txt.gz`), zlib.gzipSync(Buffer.from(text)));
    else if (i % 31 === 0)
      fs.writeFileSync(
        path.join(folder, `${name}.txt`),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      );
    else if (i % 37 === 0)
      fs.writeFileSync(path.join(folder, `${name}.txt`), Buffer.from(text.replace(/[^\x00-\xff]/g, '?'), 'latin1'));
    else fs.writeFileSync(path.join(folder, `${name}.txt`), text);
    // The same id twice: the Markdown file sorts first and takes it.
    if (i % 41 === 0)
      fs.writeFileSync(path.join(folder, `${name}.md`), `# Notes ${i}\n\nfreedom of the human family\n`);
  }
  fs.writeFileSync(path.join(root, 'f1', '150_bin.txt'), Buffer.from('freedom\0binary'));
  fs.writeFileSync(
    path.join(root, 'f1', '151_records.jsonl'),
    ['{"id":"r1","text":"freedom and dignity\\nsecond line dignity"}', 'not json', '{"text":"human family"}'].join(
      '\n',
    ),
  );
  for (const f of fs.readdirSync(mixed))
    if (!f.endsWith('.mjs')) fs.copyFileSync(path.join(mixed, f), path.join(root, 'f2', `mixed-${f}`));
  // Deeper folders, a hidden one, and JSON Lines inside a folder a worker walks.
  const deep = path.join(root, 'f2', 'deep', 'er');
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(deep, '400_deep.txt'), 'freedom in depth\nhuman peace\n');
  fs.writeFileSync(
    path.join(deep, '401_deep.jsonl'),
    '{"id":"d1","text":"peace and freedom"}\n{"id":"d2","text":"human rights"}\n',
  );
  fs.mkdirSync(path.join(root, 'f1', '.hidden'));
  fs.writeFileSync(path.join(root, 'f1', '.hidden', '402_hidden.txt'), 'hidden freedom\n');
  fs.writeFileSync(path.join(root, '403_top.txt'), 'freedom at the top\n');
  // A file whose name is not UTF-8 (Latin-1 é), in the folder a worker walks.
  const latin1 = Buffer.concat([Buffer.from(`${root}/f2/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]);
  fs.writeFileSync(latin1, 'freedom under a Latin-1 name\n');
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-grep-jobs-'));
  makeCorpus(dir);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Workers from 200 files on, whatever the search (by default a cheap search waits for more); and
 * up to three jobs, on a machine of two cores too (CORPUS_MAX_JOBS lifts the cap on --jobs).
 */
const PARALLEL = { CORPUS_GREP_PARALLEL_FROM: '200', CORPUS_MAX_JOBS: '3' };

const CASES: string[][] = [
  ['-F', 'dignity'],
  ['-c', '-F', 'dignity'],
  ['-c', '-F', 'dignite'],
  ['-l', '-F', 'dignite'],
  ['-c', '-e', 'freedom', '-e', 'human'],
  ['-l', '--paths', 'Freiheit'],
  ['-c', '-i', 'free(?:dom|ly)|libert[éa]|freiheit|свобод|[0-9]{4}-[0-9]{2}-[0-9]{2}'],
  ['-w', '-i', 'the'],
  ['-C', '2', 'peace'],
  ['-A', '1', '-m', '1', 'family'],
  ['--json', '-B', '1', 'liberté'],
  ['--format', 'jsonl', '-c', 'rights'],
  ['--kwic', '--sort', 'right', 'human'],
  ['-c', '--fold', 'liberte'],
  ['-c', '^$'],
  ['-c', 'line 3$'],
  ['--lang', 'en', '-l', 'freedom'],
  ['-c', '--glob', 'f1/**', 'freedom'],
  ['-l', '--glob', '!*.md', '--glob', '!deep', 'human'],
  ['-c', '--hidden', 'freedom'],
];

describe('grep output is the same for --jobs 1 and --jobs 2 (workers start above 200 files)', () => {
  for (const args of CASES) {
    test(args.join(' '), () => {
      const one = runBin(['grep', '--jobs', '1', ...args, dir]);
      const two = runBin(['grep', '--jobs', '2', ...args, dir], { env: PARALLEL });
      const three = runBin(['grep', '--jobs', '3', ...args, dir], { env: PARALLEL });
      expect(one.status === 0 || one.status === 1).toBe(true);
      expect(two).toEqual(one);
      expect(three).toEqual(one);
    });
  }

  test('the warnings come once each, in corpus order', () => {
    const r = runBin(['grep', '--jobs', '2', '-c', 'freedom', dir], { env: PARALLEL });
    const warnings = r.stderr.split('\n').filter((l) => l !== '');
    expect(warnings).toEqual([
      `corpus: warning: ${dir}/f0/000_doc.txt.gz: id f0/000_doc is taken, using f0/000_doc~2`,
      `corpus: warning: ${dir}/f0/041_doc.txt: id f0/041_doc is taken, using f0/041_doc~2`,
      `corpus: warning: ${dir}/f0/082_doc.txt: id f0/082_doc is taken, using f0/082_doc~2`,
      `corpus: warning: ${dir}/f1/123_doc.txt: id f1/123_doc is taken, using f1/123_doc~2`,
      `corpus: warning: ${dir}/f1/150_bin.txt: binary file (NUL byte in the first 8 KiB), skipped`,
      `corpus: warning: ${dir}/f1/151_records.jsonl:2: not valid JSON, skipped`,
      `corpus: warning: ${dir}/f1/164_doc.txt: id f1/164_doc is taken, using f1/164_doc~2`,
      `corpus: warning: ${dir}/f2/205_doc.txt: id f2/205_doc is taken, using f2/205_doc~2`,
      `corpus: warning: ${dir}/f2/246_doc.txt: id f2/246_doc is taken, using f2/246_doc~2`,
      `corpus: warning: ${dir}/f2/287_doc.txt: id f2/287_doc is taken, using f2/287_doc~2`,
      `corpus: warning: ${dir}/f2/mixed-binary.txt: binary file (NUL byte in the first 8 KiB), skipped`,
      `corpus: warning: ${dir}/f2/mixed-records.jsonl:3: not valid JSON, skipped`,
    ]);
  });

  test('a name that is not UTF-8, in a folder a worker walks, is shown with its byte as \\xE9', () => {
    const paths = (jobs: string): string[] =>
      runBin(['grep', '--jobs', jobs, '-l', '--paths', 'Latin-1 name', dir], { env: PARALLEL }).stdout.split('\n');
    expect(paths('2')).toEqual([`${dir}/f2/caf\\xE9.txt`, '']);
    expect(paths('1')).toEqual(paths('2'));
  });

  test('-F dignite does not count a line where a combining accent follows it (NFC makes dignité)', () => {
    const r = runBin(['grep', '--jobs', '2', '-c', '-F', 'dignite', dir], { env: PARALLEL });
    // Documents 0, 19, 38, … hold "dignite plain"; 0, 17, 34, … hold the decomposed line only.
    const counts = new Map(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.lastIndexOf(':')), l.slice(l.lastIndexOf(':') + 1)]),
    );
    expect(counts.get('f0/000_doc~2')).toBe('1');
    expect(counts.get('f0/038_doc')).toBe('1');
    expect(counts.get('f0/019_doc')).toBe('1');
    expect(counts.has('f0/017_doc')).toBe(false);
  });
});

describe('grep -c/-l with workers claims whole folders, and the ids stay those of --jobs 1', () => {
  // Two roots with the same folder names (their ids start with the roots' names), plain names (the
  // folders are claimed whole), JSON Lines ids before and after a folder that fall under it, and a
  // binary file, which claims no id, in a folder claimed whole.
  let roots: string[] = [];
  beforeAll(() => {
    roots = ['one', 'two'].map((name) => path.join(dir, `claims-${name}`));
    for (const [r, root] of roots.entries()) {
      for (const folder of ['a', 'b', 'c']) {
        fs.mkdirSync(path.join(root, folder), { recursive: true });
        for (let i = 0; i < 40; i++)
          fs.writeFileSync(
            path.join(root, folder, `x${String(i).padStart(2, '0')}.txt`),
            i % 3 === r ? 'freedom\n' : 'peace\n',
          );
      }
      fs.writeFileSync(path.join(root, 'b', 'x05.txt'), Buffer.from('freedom\0binary'));
    }
    // Sorts before `a`: its ids are claimed first, so folder `a` of the first root is claimed file by file.
    fs.writeFileSync(path.join(roots[0] as string, '0.jsonl'), '{"id":"claims-one/a/x01","text":"freedom"}\n');
    // Sorts after the folders: its ids fall under folders claimed whole (`b/x05` is free: its file is binary).
    fs.writeFileSync(
      path.join(roots[1] as string, 'z.jsonl'),
      [
        '{"id":"claims-two/c/x02","text":"freedom"}',
        '{"id":"claims-two/b/x05","text":"freedom"}',
        '{"id":"claims-two/c/x02~2","text":"freedom"}',
      ].join('\n'),
    );
  });

  for (const args of [
    ['-c', 'freedom'],
    ['-l', 'freedom'],
    ['-c', '-F', 'peace'],
    ['-l', '--paths', '-F', 'freedom'],
  ]) {
    test(args.join(' '), () => {
      const one = runBin(['grep', '--jobs', '1', ...args, ...roots]);
      const two = runBin(['grep', '--jobs', '2', ...args, ...roots], { env: { CORPUS_GREP_PARALLEL_FROM: '0' } });
      expect(one.status).toBe(0);
      expect(two).toEqual(one);
    });
  }

  test('the clashes: the JSON Lines ids get the next free suffix; the two roots do not clash', () => {
    const r = runBin(['grep', '--jobs', '2', '-c', 'freedom', ...roots], { env: { CORPUS_GREP_PARALLEL_FROM: '0' } });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('claims-one/a/x01:1'); // the JSON Lines record took it, the first root's file ~2
    expect(r.stderr).toContain(`${roots[0]}/a/x01.txt: id claims-one/a/x01 is taken, using claims-one/a/x01~2`);
    expect(lines).toContain('claims-two/a/x01:1'); // the second root's file: its own id
    expect(lines).toContain('claims-two/c/x02~2:1'); // after c/x02 (root two, unmatched)
    expect(lines).toContain('claims-two/b/x05:1'); // the record: the binary file did not claim it
    expect(lines).toContain('claims-two/c/x02~2~2:1');
    expect(r.stderr).not.toContain(`${roots[1]}/a/x00.txt`);
  });
});

describe('the grep worker started before the program loads', () => {
  test('a corpus too small for workers: the waiting worker does not keep the run alive', () => {
    // It did: a listener added after unref() took the worker back, and the run never ended.
    for (const args of [
      ['grep', '-c', 'Russie', 'seeds'],
      ['grep', 'no-such-word-anywhere', 'seeds'],
    ]) {
      const r = runBin(args, { timeoutMs: 20_000 });
      expect(r.status, args.join(' ')).toBe(args[1] === '-c' ? 0 : 1);
    }
  });

  test('adopted by the pool: the output is that of --jobs 1, and the run ends', () => {
    for (const mode of [['-c'], ['-l'], []]) {
      const one = runBin(['grep', ...mode, '-j1', 'freedom', dir], {
        env: { CORPUS_GREP_PARALLEL_FROM: '0' },
        timeoutMs: 30_000,
      });
      const two = runBin(['grep', ...mode, '-j2', 'freedom', dir], {
        env: { CORPUS_GREP_PARALLEL_FROM: '0' },
        timeoutMs: 30_000,
      });
      expect(two.status, mode.join(' ')).toBe(0);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
    }
  });
});

describe('a big JSON Lines file is searched a piece at a time, by the workers too, with the output of --jobs 1', () => {
  let big = '';
  beforeAll(() => {
    big = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-grep-jsonl-pieces-'));
    // Over 8 MiB, so that it is cut into pieces of 4 MiB (with workers from 200 files, a JSON
    // Lines file is searched in pieces from 200 × 4 KiB): records of every kind, ids that clash
    // across pieces, a record longer than a piece, a lone CR, CRLF, a BOM, no final newline.
    const kinds = (i: number): string => {
      const text = `${WORDS[i % WORDS.length]} and ${WORDS[(i * 7) % WORDS.length]}\\nline two ${i} ${'padding '.repeat(i % 40)}`;
      switch (i % 13) {
        case 0:
          return JSON.stringify({ text });
        case 1:
          return JSON.stringify({ id: `r${i % 500}`, text });
        case 2:
          return `{"id":"Br\\u00fccke-${i % 7}","text":"caf\\u00e9 ${text}"}`;
        case 3:
          return `{"id":"Brücke-${i % 7}","content":"${text}"}`;
        case 4:
          return 'not json';
        case 5:
          return JSON.stringify({ id: i, title: 'no text' });
        case 6:
          return `${JSON.stringify({ id: `big#${i + 3}`, text })}\r`;
        case 7:
          return `${JSON.stringify({ text })}\r${JSON.stringify({ id: `cr${i}`, body: text })}`;
        case 8:
          return '';
        default:
          return JSON.stringify({ id: `d${i}`, text: `${text} dignité` });
      }
    };
    const lines = ['\uFEFF{"id":"first","text":"dignity at the start"}'];
    for (let i = 0, size = 0; size < 9 * 1024 * 1024; i++) {
      lines.push(kinds(i));
      if (i === 3000)
        lines.push(JSON.stringify({ id: 'huge', text: `freedom ${'human family '.repeat(450_000)} dignity` }));
      size += (lines[lines.length - 1] as string).length + 1;
    }
    fs.writeFileSync(path.join(big, 'big.jsonl'), lines.join('\n'));
  });
  afterAll(() => fs.rmSync(big, { recursive: true, force: true }));

  for (const args of [
    ['-c', '-F', 'dignity'],
    ['-c', '-i', 'FREEDOM'],
    ['-l', 'the'],
    ['-c', '-m', '1', 'human'],
    ['-c', '-F', 'dignité'],
    ['-l', '-F', 'nowhere'],
  ]) {
    test(args.join(' '), () => {
      const file = path.join(big, 'big.jsonl');
      expect(fs.statSync(file).size).toBeGreaterThan(8 * 1024 * 1024);
      const one = runBin(['grep', '--jobs', '1', ...args, file]);
      expect(one.status === 0 || one.status === 1).toBe(true);
      expect(one.stderr).toContain('not valid JSON, skipped');
      expect(runBin(['grep', '--jobs', '2', ...args, file], { env: PARALLEL })).toEqual(one);
      expect(runBin(['grep', '--jobs', '3', ...args, file], { env: PARALLEL })).toEqual(one);
    });
  }
});
