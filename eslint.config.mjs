// Lint keeps the layers of ENGINEERING.md: shared → core → shell, renderer.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const layer = (files, paths, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message })),
        patterns: patterns.map((group) => ({ group: [group], message })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer(
    ['src/shared/**'],
    ['electron', 'react', 'react-dom', 'better-sqlite3', ...nodeModules],
    ['**/main/**', '**/renderer/**', '**/preload/**', 'react/*', '@lexical/react', '@lexical/react/*'],
    'src/shared is the pure contract: no Node, no UI libraries, no Electron, no other layer (Lexical’s headless node model is allowed for the note document).',
  ),
  layer(
    ['src/main/core/**'],
    ['electron', 'react', 'react-dom'],
    ['**/shell/**', '**/cli/**', '**/renderer/**', '**/preload/**', 'react/*', 'lexical', '@lexical/*'],
    'The core never imports electron, React or another layer: it runs in Electron, the loopback host and the CLI alike.',
  ),
  layer(
    ['src/main/cli/**'],
    ['electron', 'react', 'react-dom'],
    ['**/shell/**', '**/renderer/**', '**/preload/**'],
    'The CLI runs under plain Node over the core: no electron, no UI.',
  ),
  layer(
    ['src/renderer/**'],
    ['electron', 'better-sqlite3', ...nodeModules],
    ['**/main/**', '**/preload/**'],
    'The renderer talks only to the bridge client: no Node modules, no core, no Electron.',
  ),
  layer(
    ['src/preload/**'],
    ['react', 'react-dom', 'better-sqlite3', ...nodeModules],
    ['**/main/**', '**/renderer/**'],
    'The preload exposes the narrow bridge only: electron and the contract.',
  ),
  layer(
    ['e2e/**'],
    ['electron'],
    ['**/shell/**'],
    'The loopback host and its specs use the core, never the Electron shell (the Electron suite uses Playwright _electron).',
  ),
);
