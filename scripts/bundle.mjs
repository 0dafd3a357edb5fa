// The build's second step (npm run build): bundles the CLI, its worker threads and the modules
// bin/corpus.js loads into dist/bundle/, one flat folder of ES modules. Node 20 spends about half
// a millisecond on each module it loads, and the sources are many small modules: start-up is part
// of the tool (docs/ARCHITECTURE.md). Lazy `import()`s stay lazy, as chunks loaded when needed;
// modules shared by entries (the temporary files, the early grep worker) live in one chunk, so
// each has one state. Packages stay in node_modules. tsc's per-module output in dist/ is what the
// tests import.

import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: {
    main: 'src/cli/main.ts',
    'early-grep-worker': 'src/cli/early-grep-worker.ts',
    'temp-files': 'src/core/cache/temp-files.ts',
    // Started by file name beside the pools' code: `new URL('./<name>.js', import.meta.url)`.
    'analysis-worker': 'src/core/workers/analysis-worker.ts',
    'grep-worker': 'src/core/workers/grep-worker.ts',
    'summary-worker': 'src/core/workers/summary-worker.ts',
  },
  outdir: 'dist/bundle',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

// Types for the entries bin/corpus.js imports (npm run typecheck checks bin/): tsc's declarations.
const declarations = {
  main: '../cli/main.js',
  'early-grep-worker': '../cli/early-grep-worker.js',
  'temp-files': '../core/cache/temp-files.js',
};
for (const [name, from] of Object.entries(declarations)) {
  writeFileSync(`dist/bundle/${name}.d.ts`, `export * from '${from}';\n`);
}
