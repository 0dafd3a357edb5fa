// The layers of docs/ARCHITECTURE.md, checked on the source itself: core imports neither cli
// nor format, format does not import cli, and no module reaches itself again through its
// imports — type-only and lazy `import()` ones included, which the lint's cycle rule skips.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

/** Every specifier a module names: static, type-only, re-exports, `import()` and `typeof import()`. */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s*'([^']+)'/g, /\bimport\s*\(\s*'([^']+)'\s*\)/g, /^\s*import\s*'([^']+)'/gm];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1] as string);
  return found;
}

/** The source graph: each module (path relative to src) and the src modules it imports. */
function sourceGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = (fs.readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const code = fs.readFileSync(path.join(SRC, file), 'utf8');
    const targets = specifiers(code)
      .filter((s) => s.startsWith('.'))
      .map((s) => path.relative(SRC, path.resolve(SRC, path.dirname(file), s)).replace(/\.js$/, '.ts'));
    graph.set(file.split(path.sep).join('/'), targets);
  }
  return graph;
}

/** The strongly connected components with more than one module, or a module importing itself. */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const graph = sourceGraph();

/** The imports from modules under `from` of modules under `to`, as `a -> b` lines. */
const crossings = (from: string, to: string): string[] =>
  [...graph].flatMap(([file, targets]) =>
    file.startsWith(from) ? targets.filter((t) => t.startsWith(to)).map((t) => `${file} -> ${t}`) : [],
  );

describe('the source tree keeps its layers', () => {
  test('finds the modules and their imports (the check sees the tree it guards)', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('cli/main.ts')).toContain('cli/program.ts');
  });

  test('core imports neither cli nor format', () => {
    expect(crossings('core/', 'cli/')).toEqual([]);
    expect(crossings('core/', 'format/')).toEqual([]);
  });

  test('format does not import cli', () => {
    expect(crossings('format/', 'cli/')).toEqual([]);
  });

  test('no import cycles, type-only and lazy imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  test('the cycle finder finds a cycle through a type-only import', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(specifiers("import type { X } from './x.js';\nconst y = await import('./y.js');")).toEqual([
      './x.js',
      './y.js',
    ]);
  });

  test('the root of core holds only a handful of modules; the rest is one folder per stage', () => {
    const root = fs.readdirSync(path.join(SRC, 'core')).filter((f) => f.endsWith('.ts'));
    expect(root.length).toBeLessThanOrEqual(6);
  });
});
