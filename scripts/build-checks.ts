/**
 * Checks on the bundler's output that catch extension-specific breakage at build time
 * instead of as a silent failure in the browser.
 */
import { existsSync } from 'node:fs';
import type { Rolldown } from 'vite';
import { BACKGROUND_ENTRY, CONTENT_ENTRY, PAGE_ENTRIES } from '../vite.config';

type BuildResult = Rolldown.RolldownOutput | Rolldown.RolldownOutput[] | Rolldown.RolldownWatcher;

/** Entry files the build needs that do not exist (yet). */
export function missingEntries(): string[] {
  return [...Object.values(PAGE_ENTRIES), BACKGROUND_ENTRY, CONTENT_ENTRY].filter((path) => !existsSync(path));
}

/** The JS chunks of a finished (non-watch) build. */
export function outputChunks(result: BuildResult): Rolldown.OutputChunk[] {
  if (!Array.isArray(result) && !('output' in result)) throw new Error('Unexpected watch-mode build result');
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((o) => o.output).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
}

/**
 * A service worker may not call `import()` (the spec disallows it in
 * ServiceWorkerGlobalScope; Chrome throws at run time), so nothing background.js loads
 * statically may contain a dynamic import.
 */
export function checkServiceWorkerImports(chunks: Rolldown.OutputChunk[]): void {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const worker = byName.get('background.js');
  if (!worker) throw new Error('Build produced no background.js');
  const seen = new Set<string>();
  const queue = [worker];
  for (let chunk = queue.pop(); chunk; chunk = queue.pop()) {
    if (seen.has(chunk.fileName)) continue;
    seen.add(chunk.fileName);
    if (chunk.dynamicImports.length > 0) {
      throw new Error(
        `background.js loads ${chunk.fileName}, which uses import() (${chunk.dynamicImports.join(', ')}): service workers cannot import dynamically.`,
      );
    }
    for (const dep of chunk.imports) {
      const next = byName.get(dep);
      if (next) queue.push(next);
    }
  }
}

/** content.js must be one self-contained classic script. */
export function checkContentScript(chunks: Rolldown.OutputChunk[]): void {
  if (chunks.length !== 1 || chunks[0]?.fileName !== 'content.js') {
    throw new Error(`Content script build must emit exactly content.js, got: ${chunks.map((c) => c.fileName).join(', ')}`);
  }
  const [script] = chunks;
  if (script.imports.length > 0 || script.dynamicImports.length > 0 || /^\s*(import|export)\s/m.test(script.code)) {
    throw new Error('content.js contains imports or exports: content scripts run as classic scripts.');
  }
}
