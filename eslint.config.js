import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is pure: no I/O, no clock, no randomness (DESIGN.md "Shape").
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'better-sqlite3', 'mongodb', '@eventstore/*', 'fastify*', '*/eventstore/*', '*/api/*', '*/readstore/*', '*/projections/*', '*/commands/*'] }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'The domain takes time from the command.' },
        { object: 'Math', property: 'random', message: 'The domain takes ids from the command.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain takes time from the command.' }],
    },
  },
);
