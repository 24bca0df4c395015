/**
 * Fails when modules under src/ import each other in a cycle, type-only imports and
 * re-exports included: a cycle means neither module can be read, tested or moved alone, and
 * a type cycle is the first step to a runtime one. Uses the TypeScript compiler's own
 * import scanner and module resolution, so it sees what tsc sees.
 *
 *   npm run check:cycles
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Module → the modules under the scanned root it imports (sorted, repository-relative paths). */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx|mts|cts)$/;

/** Every TypeScript file under `dir`, tests left out (they import what they test, never the reverse). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.isFile() && SOURCE.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The import graph of the files under `root` (imports, `import type`, `export … from`, `import()`), resolved as tsconfig.json says. */
export function importGraph(root: string, repo: string): ImportGraph {
  const configPath = ts.findConfigFile(repo, ts.sys.fileExists, 'tsconfig.json');
  if (!configPath) throw new Error(`No tsconfig.json in ${repo}`);
  const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, repo);
  const files = sourceFiles(root).map((f) => resolve(f));
  const inside = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const text = ts.sys.readFile(file) ?? '';
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName;
      if (resolved && inside.has(resolve(resolved))) targets.add(relative(repo, resolve(resolved)));
    }
    graph.set(relative(repo, file), [...targets].sort());
  }
  return graph;
}

/**
 * The import cycles of a graph: one per strongly connected component (Tarjan), each given
 * as a path that starts and ends at the same module, so the message names every module
 * involved. `allowed` edges ("a -> b") are left out of the graph.
 */
export function findCycles(graph: ImportGraph, allowed: ReadonlySet<string> = new Set()): string[][] {
  const edges = (from: string) => (graph.get(from) ?? []).filter((to) => !allowed.has(`${from} -> ${to}`));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of edges(node)) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1 || edges(node).includes(node)) components.push(component);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.map((component) => cycleThrough(component.sort(), edges));
}

/** A shortest path from the component's first module back to itself, inside the component. */
function cycleThrough(component: string[], edges: (from: string) => string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const to of edges(node)) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [...component, start];
}

/**
 * Import edges kept on purpose despite closing a cycle, each with its reason. Empty: every
 * cycle so far was broken by moving a shared type into a leaf module.
 */
export const ALLOWED_EDGES: ReadonlyMap<string, string> = new Map();

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const graph = importGraph(join(repo, 'src'), repo);
  const cycles = findCycles(graph, new Set(ALLOWED_EDGES.keys()));
  if (cycles.length) {
    console.error(
      `Import cycles under src/ (type imports count; break each by moving what both sides need into a leaf module):\n${cycles.map((c) => `  ${c.join(' -> ')}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(`No import cycles among ${graph.size} modules under src/.`);
}
