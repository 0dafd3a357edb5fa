// The build's second step (npm run build): bundles tsc's output (dist/) for the CLI, its worker
// threads and the modules bin/corpus.js loads into dist/bundle/, one flat folder of ES modules.
// Node 20 spends about 0.7 ms on each module it loads, and the sources are many small modules:
// start-up is part of the tool (docs/ARCHITECTURE.md). Lazy `import()`s stay lazy, as chunks
// loaded when needed; a module shared by entries (the temporary files, the early grep worker)
// lives in one chunk, so it has one state. Packages stay in node_modules.
// Rollup rather than esbuild: esbuild turns top-level `const` into `var`, and V8 then no longer
// treats those module constants as constant in hot loops (list --jobs 1 measured 8 % slower).

import { writeFileSync } from 'node:fs';
import { rollup } from 'rollup';

const bundle = await rollup({
  input: {
    main: 'dist/cli/main.js',
    'early-grep-worker': 'dist/cli/early-grep-worker.js',
    'temp-files': 'dist/core/cache/temp-files.js',
    // Started by file name beside the pools' code: `new URL('./<name>.js', import.meta.url)`.
    'analysis-worker': 'dist/core/workers/analysis-worker.js',
    'grep-worker': 'dist/core/workers/grep-worker.js',
    'summary-worker': 'dist/core/workers/summary-worker.js',
    'words-worker': 'dist/core/workers/words-worker.js',
    'collocates-worker': 'dist/core/workers/collocates-worker.js',
  },
  // Node's own modules and the packages: loaded from node_modules, as without the bundle.
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  // Module order and side effects are kept as in the sources.
  treeshake: false,
  onwarn(warning, warn) {
    if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
  },
});
await bundle.write({
  dir: 'dist/bundle',
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: 'chunk-[hash].js',
});
await bundle.close();

// Types for the entries bin/corpus.js imports (npm run typecheck checks bin/): tsc's declarations.
const declarations = {
  main: '../cli/main.js',
  'early-grep-worker': '../cli/early-grep-worker.js',
  'temp-files': '../core/cache/temp-files.js',
};
for (const [name, from] of Object.entries(declarations)) {
  writeFileSync(`dist/bundle/${name}.d.ts`, `export * from '${from}';\n`);
}
