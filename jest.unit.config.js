// Unit tests live next to the code: libs/**/__tests__/*.spec.ts and apps/**/*.spec.ts.
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  rootDir: __dirname,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,tests/unit}/**/*.spec.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
