import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'web/dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  // Modules reach the database through their tenant scope only; the unscoped executor is the platform's.
  {
    files: ['src/modules/**'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='unsafeExecutor']", message: 'unsafeExecutor() is for platform services; modules use the tenant scope.' }],
    },
  },
  { files: ['src/cli/**', 'bench/**', 'scripts/**', 'bin/**', 'eval/**'], rules: { 'no-console': 'off' } },
  // Worker-thread scripts are plain CommonJS: a worker does not inherit the TypeScript loader.
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Type-aware rules for the server and its tests: a promise is awaited or handed on, never dropped.
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', 'eval/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's test() returns a promise the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] }] }],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // Boundaries: a module uses another only through its index.ts; the platform uses no module
  // (it asks through ports, src/platform/ports.ts), except the table types of the crossings
  // test/ownership.test.ts lists.
  {
    files: ['src/modules/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/modules/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!\\.\\./)[^/]+/(?!index\\.ts$)', message: 'Use another module through its index.ts (its public functions), not its files.' }] },
      ],
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '/modules/', allowTypeImports: true, message: 'The platform does not use modules: define a port (src/platform/ports.ts) that a module implements and buildApp hands in.' }] },
      ],
    },
  },
  // Tests read untyped JSON answers.
  { files: ['test/**', 'e2e/**', '**/*.test.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
