/** The build's own checks and chunk naming (scripts/build-checks.ts, vite.config.ts). */
import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { checkContentScript, checkServiceWorkerImports } from '../../scripts/build-checks';
import { vendorChunkName } from '../../vite.config';

/** The fields of an output chunk the checks read. */
function chunk(fileName: string, imports: string[] = [], dynamicImports: string[] = [], code = ''): Rolldown.OutputChunk {
  const fields: Pick<Rolldown.OutputChunk, 'type' | 'fileName' | 'imports' | 'dynamicImports' | 'code'> = {
    type: 'chunk',
    fileName,
    imports,
    dynamicImports,
    code,
  };
  return fields as Rolldown.OutputChunk;
}

describe('checkServiceWorkerImports', () => {
  it('accepts a worker whose static imports have no import()', () => {
    expect(() =>
      checkServiceWorkerImports([
        chunk('background.js', ['assets/a.js']),
        chunk('assets/a.js', ['assets/b.js']),
        chunk('assets/b.js'),
        chunk('assets/popup.js', [], ['assets/lazy.js']),
      ]),
    ).not.toThrow();
  });

  it('refuses import() anywhere the worker loads, however deep', () => {
    expect(() =>
      checkServiceWorkerImports([
        chunk('background.js', ['assets/a.js']),
        chunk('assets/a.js', ['assets/b.js']),
        chunk('assets/b.js', [], ['assets/lazy.js']),
      ]),
    ).toThrow(/assets\/b\.js.*import\(\)/);
  });

  it('refuses a build without background.js', () => {
    expect(() => checkServiceWorkerImports([chunk('assets/popup.js')])).toThrow(/no background\.js/);
  });
});

describe('checkContentScript', () => {
  it('accepts one self-contained classic script', () => {
    expect(() => checkContentScript([chunk('content.js', [], [], '(function() {\n\tglobalThis.__framelens = {};\n})();')])).not.toThrow();
  });

  it('refuses imports, exports or extra files', () => {
    expect(() => checkContentScript([chunk('content.js', ['assets/x.js'])])).toThrow(/imports or exports/);
    expect(() => checkContentScript([chunk('content.js', [], [], 'export const x = 1;')])).toThrow(/imports or exports/);
    expect(() => checkContentScript([chunk('content.js'), chunk('assets/x.js')])).toThrow(/exactly content\.js/);
  });
});

describe('vendorChunkName', () => {
  it('names third-party modules after their package', () => {
    expect(vendorChunkName('/repo/node_modules/preact/dist/preact.mjs')).toBe('vendor-preact');
    expect(vendorChunkName('/repo/node_modules/@mozilla/readability/Readability.js')).toBe('vendor-mozilla-readability');
    expect(vendorChunkName('C:\\repo\\node_modules\\idb\\build\\index.js')).toBe('vendor-idb');
    expect(vendorChunkName('/repo/node_modules/.pnpm/x/node_modules/valibot/dist/index.js')).toBe('vendor-valibot');
  });

  it('leaves our own modules to the default chunking', () => {
    expect(vendorChunkName('/repo/src/ui/client.ts')).toBeNull();
  });
});
