// Flat ESLint config for the whole workspace (`npm run lint` = `eslint .`).
// Correctness rules only: formatting is not linted (eslint-config-prettier switches style rules off).
import js from '@eslint/js';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];

/** Who may import whom, by the tags in each project.json (see ARCHITECTURE.md). */
const depConstraints = [
  // scope: the client never imports the server and vice versa; shared code imports only shared code.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
  { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['scope:client', 'scope:shared'] },
  // type: layers. An app may use anything within its scope (the scope rule above still applies).
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core', 'type:util'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:core', 'type:ui', 'type:util'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
];

// @nx/enforce-module-boundaries reads Nx's cached project graph and silently skips itself when there is
// none (a fresh clone, or `eslint .` run without nx first). Compute/refresh it here so the rule always runs.
process.env.NX_DAEMON ??= 'false';
process.env.NX_NO_CLOUD ??= 'true';
try {
  await createProjectGraphAsync({ exitOnError: false });
} catch (error) {
  console.error(`eslint.config.mjs: could not compute the Nx project graph, module boundaries are NOT checked: ${error}`);
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.anyam/**',
      '.nx/**',
      'tmp/**',
      'tests/e2e/artifacts/**',
      'libs/client/graphql/src/generated.ts',
      'libs/client/graphql/src/operations/**',
      '**/*.generated.ts',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
  },

  // JavaScript: scripts, configs and e2e tests (Node).
  {
    files: JS,
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
  {
    // Functions passed to page.evaluate() run in the browser.
    files: ['tests/e2e/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.cjs', 'jest.*.js', '**/jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // TypeScript: typescript-eslint's recommended set (not type-aware: `npm run typecheck` does types).
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? TS })),
  {
    files: TS,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // NestJS modules and marker classes are legitimately empty.
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}', 'libs/client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', 'tests/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },

  // Nx module boundaries: the architecture's import rules, enforced on every source file.
  {
    files: [...TS, ...JS],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints,
        },
      ],
    },
  },

  prettier,
);
