import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The dependency direction of ARCHITECTURE.md, checked on every lint:
// apps → adapters → features → core/data; features only downhill
// (organizations ← directory ← teams, organizations ← directory ← sso).
const serverLibs = ['@nestjs/*', 'typeorm', 'express', 'pg', 'better-sqlite3', 'passport*'];
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: [
      'type:app',
      'type:adapter',
      'type:feature',
      'type:data',
      'type:core',
    ],
  },
  {
    sourceTag: 'type:adapter',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:core'],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:core'],
  },
  { sourceTag: 'feature:organizations', onlyDependOnLibsWithTags: ['type:data', 'type:core'] },
  {
    sourceTag: 'feature:directory',
    onlyDependOnLibsWithTags: ['feature:organizations', 'type:data', 'type:core'],
  },
  {
    sourceTag: 'feature:teams',
    onlyDependOnLibsWithTags: [
      'feature:directory',
      'feature:organizations',
      'type:data',
      'type:core',
    ],
  },
  {
    sourceTag: 'feature:sso',
    onlyDependOnLibsWithTags: [
      'feature:directory',
      'feature:organizations',
      'type:data',
      'type:core',
    ],
  },
  { sourceTag: 'feature:audit', onlyDependOnLibsWithTags: ['type:data', 'type:core'] },
  // Features append events through libs/db; this feature reads them and delivers webhooks.
  { sourceTag: 'feature:events', onlyDependOnLibsWithTags: ['type:data', 'type:core'] },
  {
    sourceTag: 'feature:scim-oauth',
    onlyDependOnLibsWithTags: ['feature:organizations', 'type:data', 'type:core'],
  },
  { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:core'] },
  {
    sourceTag: 'type:core',
    onlyDependOnLibsWithTags: ['type:core'],
    bannedExternalImports: serverLibs,
  },
  { sourceTag: 'scope:admin', onlyDependOnLibsWithTags: ['scope:admin', 'scope:shared'] },
  { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
];

export default [
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/coverage',
      '.nx',
      'data',
      'tmp',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      'apps/admin/vite.config.ts',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints },
      ],
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration',
          message: 'Barrels re-export by name, not `export *`.',
        },
      ],
    },
  },
  // The dashboard: React, hooks and accessibility rules from Nx's flat React config,
  // scoped to the admin app (the server code has no JSX).
  ...nx.configs['flat/react-jsx'].map((config) => ({
    ...config,
    files: ['apps/admin/src/**/*.ts', 'apps/admin/src/**/*.tsx'],
  })),
  {
    files: ['apps/admin/src/**/*.tsx'],
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      // React 17+ JSX transform: React need not be in scope.
      'react/react-in-jsx-scope': 'off',
      'react/jsx-uses-react': 'off',
    },
  },
  {
    // The browser suites drive the built app over HTTP: they import no project.
    files: ['apps/admin-e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test'] },
          ],
        },
      ],
    },
  },
  {
    // The black-box suites start the real app in-process (createApp from @rollcall/api).
    files: ['apps/api-e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: ['@rollcall/api'], depConstraints },
      ],
    },
  },
  {
    // Tests of core libs may drive a real database (e.g. compiled filters run on SQLite).
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: depConstraints.map(({ bannedExternalImports: _banned, ...rest }) => rest),
        },
      ],
    },
  },
  {
    // Only apps read the environment; libraries get their slice through configuration.
    files: ['libs/**/*.ts'],
    ignores: ['libs/**/*.spec.ts', 'libs/**/*.int-spec.ts', 'libs/**/testing/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only apps read process.env.' },
      ],
    },
  },
  {
    // Use cases, controllers and the rest of a feature speak domain types and call their
    // feature's stores; only \`persistence/\` (stores, entities, ports) touches TypeORM, and
    // another feature's tables are read through the port its owner exports.
    files: ['libs/**/*.ts'],
    ignores: [
      'libs/**/persistence/**',
      // A feature's module registers its entities with TypeORM.
      'libs/**/*.module.ts',
      'libs/db/**',
      'libs/**/*.spec.ts',
      'libs/**/*.int-spec.ts',
      'libs/**/testing/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typeorm', message: 'Only a store in persistence/ touches TypeORM.' },
            { name: '@nestjs/typeorm', message: 'Only a store in persistence/ touches TypeORM.' },
          ],
          patterns: [
            {
              regex: '\\.entity$',
              message: 'Entities stay in persistence/; use cases speak domain types.',
            },
            {
              regex: '^@rollcall/[a-z-]+$',
              importNamePattern: 'Entity$',
              message: "Read another feature's tables through the port its owner exports.",
            },
          ],
        },
      ],
    },
  },
  prettier,
];
