/** The import zones of eslint.config.js: each runtime context and page imports only what it may. */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

/** The no-restricted-imports messages for a module at `filePath` that imports `from`. */
async function refusals(filePath: string, from: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint zones', () => {
  it('keeps each page to core, shared and ui: no page imports another page or the worker', async () => {
    for (const page of ['popup', 'options', 'compare', 'welcome']) {
      for (const allowed of ['../core/types', '../shared/messages', '../ui/client', './local'])
        expect(await refusals(`src/${page}/Probe.tsx`, allowed), `${page} -> ${allowed}`).toEqual([]);
      for (const other of ['popup', 'options', 'compare', 'welcome', 'background', 'offscreen', 'content'].filter((f) => f !== page)) {
        expect(await refusals(`src/${page}/Probe.tsx`, `../${other}/x`), `${page} -> ${other}`).toEqual([
          expect.stringContaining(`src/${page} may import only from src/core, src/shared, src/ui`),
        ]);
      }
    }
    // From deeper in a page's folder too.
    expect(await refusals('src/options/grid/Row.tsx', '../../popup/connector')).toHaveLength(1);
    expect(await refusals('src/options/grid/Row.tsx', '../../ui/format')).toEqual([]);
    expect(await refusals('src/options/grid/Row.tsx', '../ArchiveGrid')).toEqual([]);
  });

  it('keeps the worker, the offscreen document and ui off the pages, and core to itself', async () => {
    for (const folder of ['background', 'offscreen', 'content', 'ui']) {
      expect(await refusals(`src/${folder}/probe.ts`, '../shared/messages'), folder).toEqual([]);
      expect(await refusals(`src/${folder}/probe.ts`, '../popup/connector'), folder).toHaveLength(1);
    }
    expect(await refusals('src/background/handlers/probe.ts', '../../ui/client')).toHaveLength(1);
    expect(await refusals('src/background/handlers/probe.ts', '../deps')).toEqual([]);
    expect(await refusals('src/core/match/probe.ts', '../text/tokens')).toEqual([]);
    expect(await refusals('src/core/match/probe.ts', '../../shared/messages')).toHaveLength(1);
    expect(await refusals('src/core/probe.ts', 'idb')).toHaveLength(1);
    expect(await refusals('src/cli/probe.ts', '../core/records')).toEqual([]);
    expect(await refusals('src/cli/probe.ts', '../background/db')).toHaveLength(1);
  });
});
