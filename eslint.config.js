// ESLint (flat config) with typescript-eslint's type-checked rules: `npm run lint`, run by .ci/run
// next to the typecheck. Each file is linted with the types of the project tsc checks it in: the
// project service finds it through tsconfig.json's references (tsconfig.node.json for src-main,
// e2e and scripts; tsconfig.web.json for the renderer).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './eslint.layers.js';

export default tseslint.config(
  // Build output and test reports. Every TypeScript file left must be in tsconfig.node.json or
  // tsconfig.web.json (the project service says so when one is not).
  { ignores: ['out/**', 'dist/**', 'build/**', 'e2e-results/**', 'test-results/**'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        tsconfigRootDir: import.meta.dirname,
        projectService: true,
      },
    },
    rules: {
      // A promise nobody awaits loses its rejection (an unhandled rejection ends the core): await
      // it, .catch it, or `void` it with a comment saying why it cannot reject.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's test/it/describe return promises that its runner awaits itself.
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] }],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      // `const { secret: _, ...rest } = row` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Off: an async function with no await is how a method keeps the Promise contract of its
      // interface (JudgeApi, fastify handlers, test callbacks that may poll), and `async` turns a
      // throw into a rejection; removing it would make such throws synchronous.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Imports follow the folders' process boundaries and layers (eslint.layers.js, ARCHITECTURE.md).
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    plugins: { local: layersPlugin },
    rules: { 'local/layers': 'error' },
  },
  {
    files: ['src-main/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts', '*.config.ts'],
    languageOptions: {
      globals: globals.node,
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      globals: globals.browser,
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      // React's own rules for code the React Compiler can keep correct (the renderer is not built
      // with it): state derived or adjusted during render rather than set in effects, no ref read or
      // written during render, a library the compiler cannot memoize acknowledged where it is called.
      'react-hooks/set-state-in-effect': 'error',
      'react-hooks/refs': 'error',
      'react-hooks/incompatible-library': 'error',
    },
  },
  {
    // Tests read JSON answers and reports as `any` and assert on their fields: the assertions are
    // the check there, so the no-unsafe-* rules (kept for the product code) would only add casts.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // These files find and escape terminal control characters: control characters in their
    // regular expressions are the point.
    files: [
      'src-main/cli/output.ts',
      'src-main/cli/terminalForgery.test.ts',
      'src-main/console/terminalFilter.ts',
      'src-main/console/terminalFilter.test.ts',
      'src-main/contest/loadContest.ts',
    ],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Plain JavaScript (the launcher, install scripts): no types to lint with.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
