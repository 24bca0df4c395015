// ESLint flat config. Beyond typescript-eslint's recommended rules it enforces two things
// the project promises: page text never reaches an HTML sink (issue 6, STYLE.md), and the
// runtime contexts stay apart (src/core is pure: no browser API, no other src folder;
// Dark Reader lints its inject/background boundary the same way).
import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const HTML_SINK = 'Render page text as text (textContent / JSX children), never as HTML.';

/** Properties that parse strings as HTML or code, banned on every object. */
const htmlSinkProperties = [
  ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'srcdoc', 'setHTMLUnsafe'].map((property) => ({ property, message: HTML_SINK })),
  { object: 'document', property: 'write', message: HTML_SINK },
  { object: 'document', property: 'writeln', message: HTML_SINK },
];

const codeFromStrings = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: HTML_SINK },
  { selector: "Property[key.name='dangerouslySetInnerHTML']", message: HTML_SINK },
  { selector: "NewExpression[callee.name='Function']", message: 'No code from strings (CSP forbids it too).' },
  { selector: "CallExpression[callee.name='Function']", message: 'No code from strings (CSP forbids it too).' },
];

const CORE_GLOBALS = [
  'chrome',
  'browser',
  'window',
  'document',
  'indexedDB',
  'fetch',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  'XMLHttpRequest',
  'WebSocket',
  'caches',
  'importScripts',
].map((name) => ({
  name,
  message: 'src/core is pure TypeScript: it runs in the service worker, Node tests and the CLI. Take what you need as a parameter.',
}));

/** Tests may build their inputs with jsdom and read fixtures; the boundaries guard shipped code. */
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];
const SHIPPED_FILES = ['src/**/*.{ts,tsx}'];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Import boundaries for one folder of src/: a relative import that climbs out of the folder
 * must land in an allowed sibling. One block per nesting depth, because a relative path
 * leaves the folder after exactly `depth` "../" segments.
 */
function importBoundary(folder, allowedSiblings, extraPatterns = []) {
  const allowed = [folder, ...allowedSiblings].map(escape).join('|');
  return [1, 2, 3, 4, 5].map((depth) => ({
    files: [`src/${folder}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./){${depth}}(?!(${allowed})(/|$))`,
              message: `src/${folder} may import only from ${allowedSiblings.length ? allowedSiblings.map((s) => `src/${s}`).join(', ') : 'itself'} (runtime contexts talk through messages).`,
            },
            ...extraPatterns,
          ],
        },
      ],
    },
  }));
}

const BROWSER_ONLY_PACKAGES = {
  group: ['webextension-polyfill', 'idb', 'preact', 'preact/*'],
  message: 'src/core is pure: browser and UI libraries belong in background/, popup/, options/ or compare/.',
};

export default defineConfig(
  { ignores: ['dist/', 'dist-test/', 'node_modules/', 'coverage/', 'web-ext-artifacts/', 'tests/e2e/output/', '.cache/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.{ts,tsx,mts,cts}'] })),
  {
    files: ['**/*.{js,mjs,ts,tsx,mts,cts}'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  // HTML sinks are banned in the code that ships (src/); tests and tools may read outerHTML
  // or build fixtures from markup.
  { ...noUnsanitized.configs.recommended, files: SHIPPED_FILES, ignores: TEST_FILES },
  {
    files: SHIPPED_FILES,
    ignores: TEST_FILES,
    rules: {
      'no-restricted-properties': ['error', ...htmlSinkProperties],
      'no-restricted-syntax': ['error', ...codeFromStrings],
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // src/core: no browser globals, no browser libraries, nothing from the other src folders.
  {
    files: ['src/core/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-globals': ['error', ...CORE_GLOBALS],
      'no-restricted-properties': [
        'error',
        ...htmlSinkProperties,
        { object: 'globalThis', property: 'chrome', message: CORE_GLOBALS[0].message },
        { object: 'globalThis', property: 'browser', message: CORE_GLOBALS[0].message },
      ],
    },
  },
  ...importBoundary('core', [], [BROWSER_ONLY_PACKAGES]),
  ...importBoundary('content', ['core', 'shared']),
  ...importBoundary('background', ['core', 'shared']),
  // The offscreen document: a DOM for the worker, nothing else.
  ...importBoundary('offscreen', ['core', 'shared']),
  // src/ui holds what the extension pages share (design tokens, formatting, highlighting).
  ...importBoundary('ui', ['core', 'shared']),
  // Each page builds on core, shared and ui only: what two pages share moves to ui/, and
  // a page reaches the worker through messages, never by import.
  ...['popup', 'options', 'compare', 'welcome'].flatMap((page) => importBoundary(page, ['core', 'shared', 'ui'])),
  // The command line runs the pure core in Node.
  ...importBoundary('cli', ['core']),
  // A service worker may not call import(): Chrome throws at run time.
  {
    files: ['src/background/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-syntax': [
        'error',
        ...codeFromStrings,
        { selector: 'ImportExpression', message: 'Service workers cannot use import(): import statically.' },
      ],
    },
  },
);
