// One Jest run covers every project; `--selectProjects` picks legs (see package.json).
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    `<rootDir>/${target}`,
  ]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  // Global, not per project (Jest reads it from the global config only): servers and databases
  // start in hooks, and a busy 2-core CI machine must not fail a hook on its 5 s default.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/api-e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/apps/api-e2e/src/support/global-setup.ts',
    },
    // Crashes, replicas, outages and the fuzz corpus: slower, so a leg of its own
    // (`npm run test:faults`, TEST_DB=postgres for PostgreSQL), not part of `npm test`.
    {
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/apps/api-e2e/src/faults/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/apps/api-e2e/src/support/global-setup.ts',
    },
  ],
};
