// Two projects: fast pure unit tests, and end-to-end tests against real PostgreSQL and Redis.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@app/(devkit|domain|platform|persistence|messaging|workflow)$': '<rootDir>/libs/$1/src',
};
module.exports = {
  // Global, not per project: end-to-end tests wait for real timers.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'],
      // The web app's specs run under Vitest (`npm run test:web`).
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
      transform: { '^.+\\.ts$': swc },
      moduleNameMapper,
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': swc },
      moduleNameMapper,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
