// ESLint 9 flat config. `npm run lint` = `eslint src test`.
//
// - TypeScript (src, test): typescript-eslint's recommended rules.
// - src/hosts/excel: the Office.js rules of eslint-plugin-office-addins (load before read, sync before
//   read, no context.sync() in loops, ...), which catch the usual batching mistakes of Excel.run code.
// - src/core and src/workbook: the architecture's boundary. They are pure and host-independent, so they
//   may not import Office, React, Fluent UI, ExcelJS or any Node built-in, nor use Node's globals.
// - src/taskpane/legacy-check.js: a classic ES5 script that must parse in Internet Explorer.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));

const PURE_LAYER_IMPORTS = {
  paths: [
    ...['react', 'react-dom', 'exceljs', '@microsoft/office-js', 'office-js'].map((name) => ({
      name,
      message: 'src/core and src/workbook are host-independent: no Office, React or ExcelJS (see the architecture notes).',
    })),
    ...NODE_BUILTINS.map((name) => ({
      name,
      message: 'src/core and src/workbook run in the browser too: no Node built-ins.',
    })),
  ],
  patterns: [
    { group: ['node:*'], message: 'src/core and src/workbook run in the browser too: no Node built-ins.' },
    { group: ['react/*', 'react-dom/*', 'exceljs/*', '@fluentui/*', '@microsoft/office-js/*'], message: 'src/core and src/workbook are host-independent.' },
    { group: ['**/hosts/**', '**/taskpane/**', '**/cli/**'], message: 'Data flows one way: src/core and src/workbook do not import the edges.' },
  ],
};

const NODE_GLOBALS = ['Buffer', 'process', 'require', 'module', '__dirname', '__filename', 'global'].map((name) => ({
  name,
  message: 'src/core and src/workbook run in the browser too: no Node globals.',
}));
const OFFICE_GLOBALS = ['Office', 'Excel', 'OfficeExtension'].map((name) => ({
  name,
  message: 'src/core and src/workbook are host-independent: Office.js lives in src/hosts/excel.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**'] },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.{ts,tsx}', 'src/workbook/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', PURE_LAYER_IMPORTS],
      'no-restricted-globals': ['error', ...NODE_GLOBALS, ...OFFICE_GLOBALS],
    },
  },
  {
    files: ['src/hosts/excel/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    files: ['src/**/*.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', location: 'readonly' },
    },
    rules: {
      'no-undef': 'error',
      'no-unused-vars': 'error',
      'no-redeclare': 'error',
      strict: ['error', 'function'],
    },
  },
);
