// A file of lines read a window at a time (issue 6: the cache of a big corpus is not read into
// memory whole). Whatever the window's size, in order or not, every line is read as it is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { WINDOW, WindowedLines, type Line } from '../../src/core/cache/window-lines.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-window-lines-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Short, empty, long (longer than most windows below), and not ASCII.
const texts = ['{"f":"a"}', '', 'x'.repeat(300), 'é日本', '', 'y'.repeat(5000), 'last'];
const content = texts.map((t) => `${t}\n`).join('');

function fileOf(text: string): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.jsonl`);
  fs.writeFileSync(file, text);
  return file;
}

function open(file: string, window: number, length = fs.statSync(file).size): WindowedLines {
  return new WindowedLines(fs.openSync(file, 'r'), length, window);
}

const textOf = (line: Line | null): string | null => (line ? line.bytes.toString('utf8', line.start, line.end) : null);

/** Where each line starts. */
const starts = texts.reduce<number[]>(
  (at, t, i) => [...at, i === 0 ? 0 : (at[i - 1] as number) + Buffer.byteLength(texts[i - 1] as string) + 1],
  [],
);

describe('WindowedLines', () => {
  for (const window of [1, 7, 64, 4096, WINDOW]) {
    test(`reads every line in order, a window of ${window} bytes at a time`, () => {
      const lines = open(fileOf(content), window);
      const got: string[] = [];
      const at: number[] = [];
      for (let line = lines.at(0); line; line = lines.at(line.next)) {
        got.push(textOf(line) as string);
        at.push(line.at);
      }
      expect(got).toEqual(texts);
      expect(at).toEqual(starts);
      lines.close();
    });

    test(`reads each line where it starts, in any order, a window of ${window} bytes at a time`, () => {
      const lines = open(fileOf(content), window);
      for (const i of [6, 0, 5, 1, 4, 2, 3, 3, 0, 6]) {
        const line = lines.at(starts[i] as number);
        expect(textOf(line)).toBe(texts[i]);
        expect(line?.next).toBe(i + 1 < texts.length ? starts[i + 1] : Buffer.byteLength(content));
      }
      lines.close();
    });
  }

  test('a line read earlier stays as it was while later ones are read', () => {
    const lines = open(fileOf(content), 8);
    const first = lines.at(0) as Line;
    for (let line = lines.at(first.next); line; line = lines.at(line.next));
    expect(textOf(first)).toBe(texts[0]);
  });

  test('nothing at or past the end, or before the start, and nothing for a line that the length cuts', () => {
    const file = fileOf('one\ntwo\nthree');
    for (const window of [2, 64]) {
      const lines = open(file, window);
      expect(textOf(lines.at(4))).toBe('two');
      expect(lines.at(8)).toBeNull();
      expect(lines.at(14)).toBeNull();
      expect(lines.at(-1)).toBeNull();
      // Only the first six bytes: `two` has no newline within them.
      const cut = open(file, window, 6);
      expect(textOf(cut.at(0))).toBe('one');
      expect(cut.at(4)).toBeNull();
    }
  });

  test('reads the file as it was when opened, even after another is renamed over it', () => {
    const file = fileOf(content);
    const lines = open(file, 16);
    const other = fileOf('z'.repeat(content.length));
    fs.renameSync(other, file);
    expect(texts.map((_, i) => textOf(lines.at(starts[i] as number)))).toEqual(texts);
    lines.close();
  });

  test('reads nothing once closed', () => {
    const lines = open(fileOf(content), 16);
    lines.close();
    expect(() => lines.at(starts[5] as number)).toThrow();
    lines.close();
  });
});
