// Lint enforces the "may import" column of docs/architecture.md (and ../shared/docs/architecture.md):
// each folder gets a no-restricted-imports rule naming what it must not reach.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'This layer must not use Node.' })) };
const layer = (name) => ({
  group: [`**/${name}`, `**/${name}/**`],
  message: `This layer must not import ${name}/.`,
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-artifacts/', 'renderer/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // shared/: pure TypeScript — its own files, decimal.js and zod, nothing else.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/**/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noNode,
          patterns: [
            {
              regex: '^(?!\\.|decimal\\.js$|zod$|zod/)',
              message: 'shared/ may import only its own files, decimal.js and zod.',
            },
            layer('electron'),
            layer('renderer'),
            layer('platform-sim'),
            layer('test'),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'localStorage',
        'indexedDB',
        'fetch',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'shared/ takes the clock as a parameter.' },
        { object: 'Math', property: 'random', message: 'shared/ takes randomness as a parameter.' },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'services never import electron: they run in the agent too.' },
          ],
          patterns: [
            layer('renderer'),
            layer('platform-sim'),
            layer('main'),
            layer('preload'),
            layer('agent'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer('renderer'), layer('platform-sim'), layer('agent')] },
      ],
    },
  },
  {
    files: ['electron/agent/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the agent runs without Electron.' }],
          patterns: [layer('renderer'), layer('platform-sim'), layer('main'), layer('preload')],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noNode.paths,
            { name: 'electron', message: 'The renderer talks to main only through StationApi.' },
            { name: 'node-hid', message: 'Devices live in the main process.' },
          ],
          patterns: [layer('electron'), layer('platform-sim')],
        },
      ],
    },
  },
  {
    files: ['platform-sim/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The platform is a plain Node server.' }],
          patterns: [layer('electron'), layer('renderer')],
        },
      ],
    },
  },
);
