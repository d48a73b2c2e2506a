/**
 * Every test of every workspace, in one Jest run. `npm test` (scripts/test.mjs) provides what the
 * projects need: built packages and a PostgreSQL cluster with a migrated template database.
 */
const swc = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    keepClassNames: true,
    experimental: { keepImportAttributes: true },
  },
  module: { type: 'es6' },
};

const base = {
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swc] },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

export default {
  testTimeout: 30000,
  projects: [
    { ...base, displayName: 'shared', rootDir: 'shared', testMatch: ['<rootDir>/src/**/*.test.ts'] },
    {
      ...base,
      displayName: 'server',
      rootDir: 'server',
      testMatch: ['<rootDir>/{src,test}/**/*.test.ts'],
      setupFiles: ['reflect-metadata'],
    },
    {
      ...base,
      displayName: 'web',
      rootDir: 'web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-jsdom.ts'],
      moduleNameMapper: {
        ...base.moduleNameMapper,
        '\\.(css|scss|svg|png|woff2?)$': '<rootDir>/test/file-stub.cjs',
      },
    },
    { ...base, displayName: 'browser', rootDir: 'web', testMatch: ['<rootDir>/e2e/**/*.test.ts'] },
  ],
};
