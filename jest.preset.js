// Shared Jest settings: SWC transpiles TypeScript (type-checking is `npm run typecheck`), tsconfig paths map to sources.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {
  // Stylesheets imported by UI components mean nothing to Jest.
  '\\.css$': '<rootDir>/tests/unit/style-stub.js',
};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace(/[/]/g, '\\/')}$`] = `<rootDir>/${target}`;
}

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper,
};
