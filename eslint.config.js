import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The core is pure: it runs in Node (CLI, tests) and in the browser. These imports and globals
// would tie it to one of them, so they are refused here (STYLE.md "The shape of the house").
const coreForbiddenImports = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*', 'react-hook-form', '@hookform/*'],
      message: 'src/core must not import React.',
    },
    { group: ['i18next', 'react-i18next'], message: 'src/core must not import i18next.' },
    { group: ['jspdf', 'jspdf-*', 'pdf-lib'], message: 'src/core must not import PDF libraries.' },
    { group: ['idb', 'fake-indexeddb'], message: 'src/core must not import storage libraries.' },
    {
      group: [
        '**/ui/**',
        '**/pdf/**',
        '**/pdf-file/**',
        '**/signing/**',
        '**/storage/**',
        '**/cli/**',
      ],
      message: 'Arrows point inward: src/core imports none of the adapters.',
    },
    { group: ['node:*', 'fs', 'path'], message: 'src/core must not import Node built-ins.' },
  ],
};

// The PDF byte layer (src/pdf-file) sits between the core and the PDF adapters: it may use the core
// and nothing above it, and no PDF or UI library.
const pdfFileForbiddenImports = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*'],
      message: 'src/pdf-file must not import React.',
    },
    {
      group: ['jspdf', 'jspdf-*', 'pdf-lib'],
      message: 'src/pdf-file must not import PDF libraries.',
    },
    {
      group: ['**/ui/**', '**/pdf/**', '**/signing/**', '**/storage/**', '**/cli/**'],
      message: 'src/pdf-file may import only the core.',
    },
  ],
};

const rawHtmlSinks = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No raw HTML sinks: render text.',
  },
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No raw HTML sinks.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'No raw HTML sinks.',
  },
  {
    selector:
      "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'No raw HTML sinks.',
  },
  {
    selector: "NewExpression[callee.name='Function']",
    message: 'No new Function: the CSP forbids eval.',
  },
  { selector: "CallExpression[callee.name='eval']", message: 'No eval: the CSP forbids it.' },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-single',
      'node_modules',
      'bench-results',
      'coverage',
      'test-results',
      '.tmp',
      '**/*.tmp.ts',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', ...rawHtmlSinks],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreForbiddenImports],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'indexedDB',
        'navigator',
        'location',
        'process',
        'Buffer',
      ],
    },
  },
  {
    files: ['src/pdf-file/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', pdfFileForbiddenImports] },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name=/^(it|test|describe)$/][property.name='only']",
          message: 'No .only in tests.',
        },
      ],
    },
  },
);
