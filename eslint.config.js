// Lint: typescript-eslint's recommended set, plus the one architectural rule DESIGN.md asks
// for: lib/ imports nothing from the browser, WXT or Preact (messaging.ts and storage.ts, the
// two adapters, excepted).
import tseslint from 'typescript-eslint';

const browserOnly = {
  patterns: [
    {
      group: ['wxt', 'wxt/*', '#imports', 'preact', 'preact/*', '@webext-core/*', 'idb'],
      message:
        'lib/ stays free of browser APIs (DESIGN.md); only lib/messaging.ts and lib/storage.ts adapt them.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/messaging.ts', 'lib/storage.ts', 'lib/capture/**'],
    rules: {
      'no-restricted-imports': ['error', browserOnly],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'chrome',
        'browser',
        'navigator',
        'indexedDB',
      ],
    },
  },
);
