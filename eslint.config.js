// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '.crimestats/**', 'coverage/**', '**/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The dashboard's browser code. Its type check sees node's types (the API's answer types
    // come from sources that import node), so node is kept out here.
    files: ['packages/dashboard/src/client/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'global', 'require', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'The dashboard client runs in the browser.',
        })),
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['node:*'], message: 'The dashboard client runs in the browser.' }],
          paths: [
            {
              name: '@crimestats/reporting',
              allowTypeImports: true,
              message: 'Only the answer types: the reporting package runs on node.',
            },
            {
              name: '@crimestats/domain',
              message: 'Use @crimestats/domain/months or /periods: the root loads node modules.',
            },
            {
              name: '@crimestats/stats',
              message:
                'Use @crimestats/stats/rounding or /number-format: the root is not for the browser.',
            },
            {
              name: 'chart.js',
              allowTypeImports: true,
              message: 'The page loads Chart.js as its UMD build (see chart-library.ts).',
            },
          ],
        },
      ],
    },
  },
);
