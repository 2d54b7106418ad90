import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import local from './eslint-rules/index.js';

/*
 * The shape of the house, one way for every layer (docs/architecture.md "Lint rules"):
 *
 *   core  ←  pdf-file  ←  pdf, signing, storage  ←  ui, cli
 *
 * Each layer may import the layers to its left, never one to its right; ui and cli do not import
 * each other. Inside src/ui a sub-folder uses another one only through its index (what it offers),
 * except the shared folders components/ and state/. No module's imports lead back to it
 * (local/no-cycle). Probe files that break each rule: tests/fixtures/lint-probes (run by
 * tests/unit/lint).
 */

/** Every Node built-in, with and without `node:` (crypto, zlib, fs, …). */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];

/** Imports of the layers above: `to` is a list of src folder names. */
const layersAbove = (to, message) => ({
  group: to.flatMap((d) => [`**/${d}`, `**/${d}/**`]),
  message,
});

// The core is pure: it runs in Node (CLI, tests) and in the browser. These imports and globals
// would tie it to one of them, so they are refused here.
const coreForbiddenImports = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*', 'react-hook-form', '@hookform/*'],
      message: 'src/core must not import React.',
    },
    { group: ['i18next', 'react-i18next'], message: 'src/core must not import i18next.' },
    { group: ['jspdf', 'jspdf-*', 'pdf-lib'], message: 'src/core must not import PDF libraries.' },
    { group: ['idb', 'fake-indexeddb'], message: 'src/core must not import storage libraries.' },
    layersAbove(
      ['ui', 'pdf', 'pdf-file', 'signing', 'storage', 'cli'],
      'Arrows point inward: src/core imports none of the adapters.',
    ),
    { group: nodeBuiltins, message: 'src/core must not import Node built-ins.' },
  ],
};

/** Globals of one runtime (browser or Node), refused in the core and the PDF byte layer. */
const runtimeGlobals = [
  'window',
  'self',
  'document',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'navigator',
  'location',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
];
// The same reached through globalThis (globalThis.crypto.subtle stays allowed: WebCrypto is in
// browsers and Node alike, and hashing needs it).
const runtimeGlobalProperties = runtimeGlobals.map((property) => ({
  object: 'globalThis',
  property,
  message: 'Not in a pure layer: it exists in one runtime only.',
}));

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
    layersAbove(
      ['ui', 'pdf', 'signing', 'storage', 'cli'],
      'src/pdf-file may import only the core.',
    ),
    {
      group: ['react', 'react-dom', 'i18next', 'react-i18next', 'idb'],
      message: 'Not in src/pdf-file.',
    },
    { group: nodeBuiltins, message: 'src/pdf-file runs in the browser too: no Node built-ins.' },
  ],
};

/** The middle layer: pdf, signing and storage use the core and pdf-file, never ui or cli. */
const middleForbiddenImports = (self, others, message) => ({
  patterns: [
    layersAbove(['ui', 'cli'], `src/${self} must not import ui or cli: they use it, not it them.`),
    ...(others.length ? [layersAbove(others, message)] : []),
    {
      group: ['react', 'react-dom', 'react-dom/*', 'react-i18next'],
      message: `src/${self} must not import React.`,
    },
  ],
});

/**
 * src/ui sub-folders: another folder's file only through that folder's index (`../wizard`, not
 * `../wizard/StepList`); components/ and state/ are shared as a whole.
 */
const uiFolderInternals = {
  patterns: [
    {
      // Stylesheets are shared as they are.
      regex: '^\\.\\./(?!components/|state/)[^./][^/]*/(?!.*\\.css$)',
      message:
        "Another ui folder's internals: import what it offers from its index (e.g. '../wizard'), or move the shared part to ui/components or ui/state.",
    },
    layersAbove(['cli'], 'src/ui must not import the CLI.'),
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
      // Files that break the rules on purpose; tests/unit/lint lints them and expects errors.
      'tests/fixtures/lint-probes',
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
    files: ['**/*.{ts,tsx}'],
    plugins: { local },
    rules: { 'local/no-cycle': 'error' },
  },
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', coreForbiddenImports],
      'no-restricted-globals': ['error', ...runtimeGlobals],
      'no-restricted-properties': ['error', ...runtimeGlobalProperties],
    },
  },
  {
    files: ['src/pdf-file/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', pdfFileForbiddenImports],
      'no-restricted-globals': ['error', ...runtimeGlobals],
      'no-restricted-properties': ['error', ...runtimeGlobalProperties],
    },
  },
  {
    files: ['src/pdf/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        middleForbiddenImports(
          'pdf',
          ['signing', 'storage'],
          'src/pdf does not use signing or storage.',
        ),
      ],
    },
  },
  {
    files: ['src/signing/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        middleForbiddenImports('signing', ['storage'], 'src/signing does not use storage.'),
      ],
    },
  },
  {
    files: ['src/storage/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        middleForbiddenImports(
          'storage',
          ['pdf', 'signing'],
          'src/storage keeps assessments; it does not use pdf or signing.',
        ),
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layersAbove(['cli'], 'src/ui must not import the CLI.')] },
      ],
    },
  },
  {
    files: ['src/ui/*/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', uiFolderInternals] },
  },
  {
    files: ['src/cli/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layersAbove(['ui'], 'src/cli must not import the app (src/ui).')] },
      ],
    },
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
