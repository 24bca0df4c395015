/** The import-cycle check of the build checks (scripts/check-cycles.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCycles, importGraph } from '../../scripts/check-cycles';

const repo = mkdtempSync(join(tmpdir(), 'framelens-cycles-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
}

write({
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true } }),
  // A cycle made only of a type import one way and a value import the other.
  'src/a.ts': "import type { B } from './b';\nexport const a = 1;\nexport type A = B;\n",
  'src/b.ts': "import { a } from './a';\nexport type B = typeof a;\n",
  // Through a folder's index, a re-export and a .tsx module.
  'src/deps/index.ts': "export * from './view';\n",
  'src/deps/view.tsx': "import type { Row } from '../rows';\nexport const view = (r: Row) => r;\n",
  'src/rows.ts': "import { view } from './deps';\nexport interface Row { id: string }\nexport const rows = view;\n",
  // A three-module ring with a dynamic import in it.
  'src/x.ts': "export const x = () => import('./y');\n",
  'src/y.ts': "export { z } from './z';\n",
  'src/z.ts': "import type { x } from './x';\nexport const z = 1 as unknown as typeof x;\n",
  // No cycle: a leaf both import, a package, a test that imports its module.
  'src/leaf.ts': 'export interface Leaf { n: number }\n',
  'src/left.ts':
    "import type { Leaf } from './leaf';\nimport * as v from 'valibot';\nexport const left = (l: Leaf) => v.parse(v.number(), l.n);\n",
  'src/right.ts': "import type { Leaf } from './leaf';\nimport { left } from './left';\nexport const right = (l: Leaf) => left(l);\n",
  'src/right.test.ts': "import { right } from './right';\nimport { left } from './left';\nexport { right, left };\n",
});

describe('import cycles', () => {
  const graph = importGraph(join(repo, 'src'), repo);

  it('reads every import form as tsc resolves it, type-only ones included, and leaves out tests and packages', () => {
    expect(graph.get('src/a.ts')).toEqual(['src/b.ts']);
    expect(graph.get('src/rows.ts')).toEqual(['src/deps/index.ts']);
    expect(graph.get('src/deps/view.tsx')).toEqual(['src/rows.ts']);
    expect(graph.get('src/x.ts')).toEqual(['src/y.ts']);
    expect(graph.get('src/left.ts')).toEqual(['src/leaf.ts']);
    expect(graph.get('src/right.ts')).toEqual(['src/leaf.ts', 'src/left.ts']);
    expect(graph.has('src/right.test.ts')).toBe(false);
  });

  it('names every cycle, each as a closed path through all of its modules', () => {
    expect(findCycles(graph)).toEqual([
      ['src/a.ts', 'src/b.ts', 'src/a.ts'],
      ['src/deps/index.ts', 'src/deps/view.tsx', 'src/rows.ts', 'src/deps/index.ts'],
      ['src/x.ts', 'src/y.ts', 'src/z.ts', 'src/x.ts'],
    ]);
  });

  it('finds a module importing itself, and leaves out an allowed edge but no other', () => {
    expect(findCycles(new Map([['s.ts', ['s.ts']]]))).toEqual([['s.ts', 's.ts']]);
    expect(findCycles(graph, new Set(['src/b.ts -> src/a.ts', 'src/z.ts -> src/x.ts']))).toEqual([
      ['src/deps/index.ts', 'src/deps/view.tsx', 'src/rows.ts', 'src/deps/index.ts'],
    ]);
  });

  it('finds none in a graph of layers', () => {
    expect(
      findCycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});
