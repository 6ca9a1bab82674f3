// The fault suites: `npm run test:faults` (fast tier, as CI runs it) or `FAULTS=full npm run test:faults`
// (slow tier too: full sizes and 30 s outages). Not a project of the root config: these spawn workers and
// redis-servers, kill them and cut connections, so they run one file at a time and only when asked for.
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
module.exports = {
  rootDir: '../..',
  displayName: 'faults',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@app/(devkit|domain|platform|persistence|messaging|workflow)$': '<rootDir>/libs/$1/src',
  },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  // One file at a time: each starts worker processes and servers, and timing assertions need the cores.
  maxWorkers: 1,
  // A hang fails the test instead of the run; the slow tier's full sizes need longer.
  testTimeout: (process.env.FAULTS === 'full' ? 20 : 4) * 60 * 1000,
  // Children are killed in afterAll (and on exit); idle keep-alive sockets must not hold the run open.
  forceExit: true,
};
