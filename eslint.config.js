// `npm run lint`: typescript-eslint's recommended rules, and the architecture as rules that fail
// CI (docs/ARCHITECTURE.md): core imports neither cli nor format, format does not import cli, no
// import cycles, and no function longer than a screen (80 lines, blank lines and comments aside).
// import-x/no-cycle skips type-only imports: tests/unit/architecture.test.ts checks those too.

import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import of `layer` from a file that must not depend on it. */
const forbid = (layers, why) => ({
  patterns: layers.map((layer) => ({ group: [`**/${layer}/**`, `../${layer}/*`], message: why })),
});

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'bench/out/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { allowUnsafeDynamicCyclicDependency: false }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      // A text tool matches control characters on purpose (sanitising, binary sniffing).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        forbid(['cli', 'format'], 'core returns data: it imports neither cli nor format.'),
      ],
    },
  },
  {
    files: ['src/format/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', forbid(['cli'], 'format turns data into text: it does not import cli.')],
    },
  },
);
