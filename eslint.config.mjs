import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'build/', '_build/', 'node_modules/', 'types/gi/', '.flatpak-builder/', 'artifacts/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    languageOptions: {
      globals: { print: 'readonly', printerr: 'readonly', log: 'readonly', logError: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': ['error', { name: 'imports', message: 'Use ES module imports (gi://…).' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The Node script that drives chromium; the functions it hands to the page run in the browser.
    files: ['tests/support/browser/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        document: 'readonly',
        window: 'readonly',
        fetch: 'readonly',
      },
    },
  },
  {
    // Node scripts the specs run (a real tracker implementation from npm).
    files: ['tests/support/node/*.mjs'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    files: ['tools/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
