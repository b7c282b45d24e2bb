// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'scripts/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Contexts meet only through a library's public barrel: `@carebook/<lib>`.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@carebook/*/*'],
              message: 'Import a library through its barrel only: `@carebook/<lib>`.',
            },
            {
              group: ['**/libs/**'],
              message: 'Import another library as `@carebook/<lib>`, never by a relative path.',
            },
            {
              regex: '^(\\.\\./)+[a-z-]+/src(/|$)',
              message: 'Import another library as `@carebook/<lib>`, never by a relative path.',
            },
          ],
        },
      ],
    },
  },
);
