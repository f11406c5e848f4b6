// Integration tests: the real API over HTTP/WebSocket against a real PostgreSQL (TEST_DATABASE_URL,
// DATABASE_URL, or an embedded server started for the run). Each test file gets its own database.
const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  rootDir: '../..',
  displayName: 'integration',
  testMatch: ['<rootDir>/tests/integration/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/tests/integration/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/integration/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
