/**
 * Browser tests (test/e2e): Playwright drives Debian's Chromium against the production build.
 * Run through `bash scripts/e2e.sh`, which installs Chromium if needed and builds first.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { isolatedModules: true, module: 'commonjs', jsx: 'react-jsx', esModuleInterop: true } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // One browser at a time: the machine has two cores and the tests measure load times.
  maxWorkers: 1,
  testTimeout: 60000,
  slowTestThreshold: 60,
};
