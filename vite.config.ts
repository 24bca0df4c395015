import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Vite 8 (Rolldown) configuration for the extension, as two builds that scripts/build.ts
 * runs one after the other into the same directory:
 *  1. `extensionPagesConfig`: the popup, options and comparison pages plus the background
 *     service worker (an ES module), sharing chunks under assets/.
 *  2. `contentScriptConfig`: src/content/index.ts as ONE classic IIFE script, content.js,
 *     because `scripting.executeScript({ files })` runs classic scripts only (no imports).
 * `vite build` on this file alone builds (1) into dist/; use `npm run build` for the whole
 * extension (content script, icons, manifest).
 */

export const ROOT_DIR = fileURLToPath(new URL('.', import.meta.url));
const SRC_DIR = `${ROOT_DIR}src`;

/** HTML entries, keyed by the flat file name they get in the build (popup -> popup.html). */
export const PAGE_ENTRIES = {
  popup: `${SRC_DIR}/popup/index.html`,
  options: `${SRC_DIR}/options/index.html`,
  compare: `${SRC_DIR}/compare/index.html`,
  welcome: `${SRC_DIR}/welcome/index.html`,
  /** Chrome's offscreen document: a DOM for reading feed items (src/background/feeds/pageExtractor.ts). */
  offscreen: `${SRC_DIR}/offscreen/index.html`,
} as const;
export const BACKGROUND_ENTRY = `${SRC_DIR}/background/index.ts`;
export const CONTENT_ENTRY = `${SRC_DIR}/content/index.ts`;

/** Chrome 120 / Firefox 140 (the manifest's strict_min_version) both run ES2022 natively. */
const TARGET = 'es2022';

/** Preact's automatic JSX runtime, matching tsconfig's jsx/jsxImportSource (set explicitly: oxc's default is React). */
const oxc: UserConfig['oxc'] = {
  jsx: { runtime: 'automatic', importSource: 'preact' },
};

/**
 * Vite names an HTML output after its path under `root` (popup/index.html). The manifest
 * and the brief's layout want flat names (popup.html), so rename the emitted HTML assets.
 * Asset URLs inside them are absolute (`base: '/'`), so they stay valid after the move.
 */
function flattenHtmlOutputs(): Plugin {
  return {
    name: 'framelens:flatten-html',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        const match = /^([\w-]+)\/index\.html$/.exec(output.fileName);
        if (output.type === 'asset' && match) output.fileName = `${match[1]}.html`;
      }
    },
  };
}

/** `vendor-<package>` for a module under node_modules, else null (Rolldown's default chunking). */
export function vendorChunkName(moduleId: string): string | null {
  // Greedy `.*`: the innermost node_modules names the package (nested or pnpm layouts).
  const pkg = /.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(moduleId)?.[1];
  return pkg ? `vendor-${pkg.replace(/[@\\/]+/g, '-').replace(/^-/, '')}` : null;
}

export function extensionPagesConfig(outDir: string, publicDir: string | false = `${ROOT_DIR}public`): InlineConfig {
  return {
    configFile: false,
    root: SRC_DIR,
    base: '/',
    publicDir,
    logLevel: 'warn',
    oxc,
    plugins: [flattenHtmlOutputs()],
    build: {
      outDir,
      emptyOutDir: true,
      target: TARGET,
      // Readable output: store reviewers (AMO) read what ships, and size does not matter locally.
      minify: false,
      // Each page's HTML names every chunk its entry imports (<link rel="modulepreload">), so
      // the browser fetches them at once instead of level by level as imports are parsed.
      // No polyfill (Chrome and Firefox support modulepreload). Vite's preload helper wraps
      // only import(), which the build refuses anywhere the service worker loads
      // (checkServiceWorkerImports), so the worker never sees its `document`.
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      rolldownOptions: {
        input: { ...PAGE_ENTRIES, background: BACKGROUND_ENTRY },
        output: {
          entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name].js'),
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
          // Third-party code in one chunk per package (vendor-preact, vendor-idb...), so a
          // reviewer (or web-ext lint) sees at a glance what is ours and what is a library.
          codeSplitting: { groups: [{ name: vendorChunkName, debugName: 'vendor', test: /[\\/]node_modules[\\/]/ }] },
        },
      },
    },
  };
}

export function contentScriptConfig(outDir: string): InlineConfig {
  return {
    configFile: false,
    root: SRC_DIR,
    publicDir: false,
    logLevel: 'warn',
    oxc,
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: TARGET,
      minify: false,
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { content: CONTENT_ENTRY },
        output: {
          format: 'iife',
          entryFileNames: 'content.js',
          // One file, no imports: every dynamic import is inlined too.
          codeSplitting: false,
        },
      },
    },
  };
}

export default defineConfig(extensionPagesConfig(`${ROOT_DIR}dist`));
