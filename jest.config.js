// Jest for every test in the repo: TypeScript through SWC, one database per test file (see test/support),
// and a last line "N passed, N failed" that CI reads.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/packages', '<rootDir>/test'],
  testMatch: ['**/test/**/*.test.ts', '**/test/**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Several dependencies now ship only ES modules (typebox 1.x, openid-client, content-disposition…), which Jest's
  // CommonJS runtime on Node 20 cannot require: SWC turns them into CommonJS too (cached after the first run).
  transformIgnorePatterns: [],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 30_000,
  maxWorkers: 2,
};
