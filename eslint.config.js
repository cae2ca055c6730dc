// Lint enforces the "may import" column of docs/architecture.md (and ../shared/docs/architecture.md):
// each folder gets a no-restricted-imports rule naming what it must not reach.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'This layer must not use Node.' })) };
const layer = (name) => ({
  group: [`**/${name}`, `**/${name}/**`],
  message: `This layer must not import ${name}/.`,
});

// renderer/: no Node, no Electron, no platform-sim; inside it, the shell (app/) imports the screens
// (features/) and never the other way round, and the shared parts (ui/, navigation/, station/, i18n/,
// documents/) import no screen and not the shell. Each folder's rule repeats the renderer's own (a
// later config block replaces a rule's options, it does not add to them).
const rendererPaths = [
  ...noNode.paths,
  { name: 'electron', message: 'The renderer talks to main only through StationApi.' },
  { name: 'node-hid', message: 'Devices live in the main process.' },
];
const rendererImports = (...folders) => [
  'error',
  { paths: rendererPaths, patterns: [layer('electron'), layer('platform-sim'), ...folders.map(layer)] },
];

// One source for each fact (shared/settlement/schema.ts SCHEMES, SETL_TYPES; shared/protocol/datasets.ts
// DATASETS): a union or list of their literals written out again in renderer/ is refused. A narrowing
// through Extract<…> / Exclude<…> is derived, and allowed.
// The literals are read from the constants' own source, so the rule follows when a value is added.
const literalsOf = (file, name) => {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8');
  const start = source.indexOf(`export const ${name} = `);
  const end = source.indexOf(' as const', start);
  if (start < 0 || end < 0) throw new Error(`eslint.config.js: ${name} not found in ${file}`);
  return [...new Set([...source.slice(start, end).matchAll(/'([a-z_]+)'/g)].map((m) => m[1]))];
};
const oneOf = (values) => `/^(${values.join('|')})$/`;
const SCHEME_VALUES = oneOf(literalsOf('./shared/settlement/schema.ts', 'SCHEMES'));
const SETL_TYPE_VALUES = oneOf(literalsOf('./shared/settlement/schema.ts', 'SETL_TYPES'));
const DATASET_VALUES = oneOf(literalsOf('./shared/protocol/datasets.ts', 'DATASETS'));
const redeclaredUnion = (values, derive) => ({
  selector: `TSUnionType:not(TSTypeParameterInstantiation > TSUnionType) > TSLiteralType:has(Literal[value=${values}]) ~ TSLiteralType:has(Literal[value=${values}])`,
  message: `Derive this union from ${derive} instead of writing its members again.`,
});
const redeclaredList = (values, derive) => ({
  selector: `ArrayExpression > Literal[value=${values}] ~ Literal[value=${values}]`,
  message: `Use ${derive} instead of writing its members again.`,
});
const oneSourceSyntax = [
  redeclaredUnion(
    SCHEME_VALUES,
    "SCHEMES (shared/settlement): (typeof SCHEMES)[number], or renderer/db's Scheme",
  ),
  redeclaredUnion(SETL_TYPE_VALUES, "SETL_TYPES (shared/settlement), or renderer/db's SetlType"),
  redeclaredUnion(DATASET_VALUES, 'DATASETS (shared/protocol): DatasetName'),
  redeclaredList(SCHEME_VALUES, 'SCHEMES (shared/settlement)'),
  redeclaredList(SETL_TYPE_VALUES, 'SETL_TYPES (shared/settlement)'),
];
// A screen's workflow goes through its store's named actions; components never set or read a store
// from outside React (style.md 10).
const storeFromComponent = {
  selector: 'CallExpression[callee.property.name=/^(setState|getState)$/]',
  message: "Call the store's named actions (and read it with a hook) instead of setState/getState.",
};

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
    // shared/: pure TypeScript — its own files, decimal.js and zod, nothing else; and the FHIR R4
    // type declarations of @medplum/fhirtypes (types only: the package has no code to run).
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/**/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noNode,
          patterns: [
            {
              regex: '^(?!\\.|decimal\\.js$|zod$|zod/|@medplum/fhirtypes$)',
              message:
                'shared/ may import only its own files, decimal.js, zod and the @medplum/fhirtypes types.',
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
    // renderer/: type-aware linting, so that no promise floats (a rejection nobody handles leaves a
    // spinner running and the cashier uninformed; style.md 12). Tests (Node's program) are left out:
    // typing them would load the whole Node side for every lint.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    languageOptions: {
      parserOptions: {
        projectService: {
          // test/lint-boundaries.test.ts lints probe files that exist only in memory
          allowDefaultProject: ['renderer/x/*.ts', 'renderer/*/x/*.ts', 'renderer/*/x/*.tsx'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'no-restricted-syntax': ['error', ...oneSourceSyntax],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': rendererImports() },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': rendererImports('app') },
  },
  {
    files: ['renderer/{ui,navigation,station,i18n,documents}/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': rendererImports('app', 'features') },
  },
  {
    files: ['renderer/{features,app}/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...oneSourceSyntax, storeFromComponent] },
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
